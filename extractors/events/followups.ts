/**
 * Frames across a sentence boundary and between frames: a sentence that only
 * gives an attack's toll ("One person died, five were injured.", "1
 * fatality.") belongs to the attack stated just before it, and adds its
 * figures and its evidence; so does a sentence that restates the attack of
 * the report it continues; a later sentence may restate a frame ("such
 * union"); groups that carry out an attack together are allies; a pledge
 * someone "stopped short of" is the one they had just declared; a split
 * stated of groups in general ("Several splinter groups formed out of X") is
 * told again of each group the next sentences name.
 */
import { span } from "../../pipeline/document.ts";
import { statedTotal } from "../numbers.ts";
import { memberGroup, tollOf, type Context, type Unit } from "./context.ts";
import { statementCertainty } from "./certainty.ts";
import { DATE_SLOT } from "./merge.ts";
import { dateNear, objectAfter } from "./slots.ts";
import type { Draft } from "./frames.ts";

/** How many sentences back a toll may reach for its attack; a stated total reaches further. */
const REACH = 3;
const TOTAL_REACH = 6;
const TOLLS = ["killed", "wounded", "hostages"] as const;

/** The latest attack stated in the `reach` sentences up to `unit` (`from` sentences back at the nearest), if `dated`, a dated one. */
function attackBefore(byUnit: Map<number, Draft[]>, unit: number, from: number, reach: number, dated: boolean): Draft | undefined {
  for (let back = from; back <= reach; back++) {
    const drafts = byUnit.get(unit - back) ?? [];
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i]!;
      if (d.type === "ATTACK" && (!dated || d.slots.date)) return d;
    }
  }
  return undefined;
}

export function attachTolls(ctx: Context, drafts: Draft[]): void {
  const byUnit = new Map<number, Draft[]>();
  for (const draft of drafts) {
    const ofUnit = byUnit.get(draft.unit);
    if (ofUnit) ofUnit.push(draft);
    else byUnit.set(draft.unit, [draft]);
  }
  if (!drafts.some((d) => d.type === "ATTACK")) return;
  for (const unit of ctx.units) {
    // "2 fatalities." closing a report is the total of the attack it reports, whatever sentences before it counted.
    const totalFor = attackBefore(byUnit, unit.index, 0, TOTAL_REACH, true);
    const total = totalFor && statedTotal(unit.text);
    if (totalFor && total) {
      totalFor.slots = { ...totalFor.slots, killed: total };
      if (!totalFor.evidence.some((e) => e.start === unit.start)) totalFor.evidence = [...totalFor.evidence, span(ctx.doc, unit.start, unit.end)];
      continue;
    }
    // A sentence with a dated attack of its own, or a death, keeps its toll; an undated mention ("in the clashes") does not.
    if (byUnit.get(unit.index)?.some((d) => (d.type === "ATTACK" && d.slots.date) || d.type === "DEATH")) continue;
    const attack = attackBefore(byUnit, unit.index, 1, REACH, false);
    if (!attack) continue;
    const toll = tollOf(ctx, unit);
    if (!TOLLS.some((key) => toll[key])) continue;
    const added = TOLLS.filter((key) => toll[key] && attack!.slots[key] === undefined);
    if (!added.length) continue;
    for (const key of added) attack.slots = { ...attack.slots, [key]: toll[key] };
    attack.evidence = [...attack.evidence, span(ctx.doc, unit.start, unit.end)];
  }
}

/** "such union", "this pledge", "the alliance": a later statement of a frame just stated. */
const ANAPHORIC_STATEMENT = /\b(?:such|this|that|the)\s+(?:an?\s+)?(union|pledge|oath|merger|alliance|split|rift|attack|bombing|assault)\b/i;
const ANAPHORIC_TYPE: Record<string, Draft["type"][]> = {
  union: ["PLEDGE", "ALLIANCE"],
  merger: ["PLEDGE", "ALLIANCE"],
  pledge: ["PLEDGE"],
  oath: ["PLEDGE"],
  alliance: ["ALLIANCE"],
  split: ["SPLIT"],
  rift: ["SPLIT"],
  attack: ["ATTACK"],
  bombing: ["ATTACK"],
  assault: ["ATTACK"],
};
/** How many sentences back "such union" may refer. */
const ANAPHOR_REACH = 2;

const CAME_FROM = /\b(?:came|comes|come)\b[^.;]*?\bfrom\s+(?:(?:a|an|the)\s+(?:person|man|woman|member|commander|fighter|militant)\s+(?:named|called)\s+)?/i;

/** Who "came from" names after the anaphor at `after`: a group, or a person's group when the text gives it. */
function cameFrom(ctx: Context, unit: Unit, after: number): string | undefined {
  const came = CAME_FROM.exec(ctx.doc.text.slice(after, unit.end));
  if (!came) return undefined;
  const at = after + came.index + came[0].length;
  const who = objectAfter(ctx, unit, at, ["PERSON", "ORG"]);
  if (!who || who.start - at > 4) return undefined;
  return who.type === "PERSON" ? (memberGroup(ctx, unit, who.value) ?? who.value) : who.value;
}

/**
 * "On August 6th a video was released proving such union.": a sentence that
 * refers back to the frame just stated adds its evidence and its date, when
 * it states no frame of that type itself and names no other actor.
 */
export function anaphoricStatements(ctx: Context, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const unit of ctx.units) {
    const match = ANAPHORIC_STATEMENT.exec(unit.text);
    if (!match) continue;
    const types = ANAPHORIC_TYPE[match[1]!.toLowerCase()]!;
    if (drafts.some((d) => d.unit === unit.index && types.includes(d.type))) continue;
    const recent = drafts
      .filter((d) => types.includes(d.type) && d.unit < unit.index && d.unit >= unit.index - ANAPHOR_REACH)
      .sort((a, b) => a.at - b.at);
    const at = unit.start + match.index;
    const date = dateNear(ctx, unit, at, at + match[0].length, unit.start, unit.end)?.value;
    // "Such a pledge came in March … from a person named X": an event of the kind just told (held back or not), by X.
    const kind = recent.at(-1);
    const source = kind && typeof kind.slots.agent === "string" ? cameFrom(ctx, unit, at) : undefined;
    if (kind && source) {
      const slots = Object.fromEntries(Object.entries(kind.slots).filter(([key]) => key !== DATE_SLOT[kind.type]));
      const evidence = [span(ctx.doc, unit.start, unit.end)];
      out.push({ ...kind, certainty: statementCertainty(unit.text), slots: { ...slots, agent: source, ...(date ? { date } : {}) }, evidence, at, unit: unit.index });
      continue;
    }
    const earlier = recent.filter((d) => d.certainty !== "negated").at(-1);
    // A sentence inside the statement it refers to (a list item's second sentence) adds nothing.
    if (!earlier || earlier.evidence.some((e) => e.start <= unit.start && unit.end <= e.end)) continue;
    // A sentence naming other actors ("Such a pledge came in March … from a person named Sadulla Urgenji") tells of another event.
    const participants = new Set(Object.values(earlier.slots).flat().filter((v): v is string => typeof v === "string"));
    if (unit.entities.some((e) => (e.type === "ORG" || e.type === "PERSON") && !participants.has(e.canonical))) continue;
    const slots = { ...earlier.slots, ...(date ? { [DATE_SLOT[earlier.type]]: date } : {}) };
    out.push({ ...earlier, slots, evidence: [span(ctx.doc, unit.start, unit.end)], at, unit: unit.index });
  }
  return out;
}

/** A split whose agent is a plural description, not a name: "Several splinter groups", "Other militant organisations". */
const GROUPS_IN_GENERAL = /^(?:(other|several|some|many|multiple|various|numerous|a\s+number\s+of|two|three|four|five|\d+)\s+)(?:[\w-]+\s+){0,2}?[\w-]+s$/i;
/** How many sentences after a summary, beyond its paragraph, may tell its splits one by one. */
const SUMMARY_REACH = 4;

/**
 * "Several splinter groups formed out of the IMU. Jamaat Ansarullah, a Tajik
 * splinter group, formed in 2010 …. Jundullah split from the IMU in 2009.":
 * a split stated of groups in general is stated again of each group the
 * following sentences say split from the same body, or (in the summary's
 * paragraph) say formed, with no founder named. Each such group gets the
 * summary's evidence and, if it had only a founding, a split of its own;
 * the summary makes no frame of its own when it has such groups. "Other
 * groups leave X" leaves out the groups said to leave X before it.
 */
export function splitSummaries(ctx: Context, drafts: Draft[]): Draft[] {
  const summaries = drafts.filter((d) => d.type === "SPLIT" && typeof d.slots.agent === "string" && GROUPS_IN_GENERAL.test(d.slots.agent));
  if (!summaries.length) return drafts;
  const named = new Set(ctx.doc.entities.map((e) => e.canonical));
  const dropped = new Set<Draft>();
  const added: Draft[] = [];
  for (const summary of summaries) {
    const from = summary.slots.from;
    const other = /^other\b/i.test(String(summary.slots.agent));
    const earlier = new Set(drafts.filter((d) => d.type === "SPLIT" && d.unit < summary.unit && d.slots.from === from).map((d) => d.slots.agent));
    const paragraphEnd = ctx.doc.text.indexOf("\n", ctx.units[summary.unit]!.end);
    const told: Draft[] = [];
    for (const draft of drafts) {
      if (draft.unit <= summary.unit) continue;
      const inParagraph = paragraphEnd < 0 || draft.evidence[0]!.start < paragraphEnd;
      if (!inParagraph && draft.unit > summary.unit + SUMMARY_REACH) continue;
      const agent = draft.type === "SPLIT" ? draft.slots.agent : draft.type === "FOUNDING" ? draft.slots.org : undefined;
      if (typeof agent !== "string" || !named.has(agent) || agent === from || (other && earlier.has(agent))) continue;
      if (draft.type === "SPLIT" && (draft.slots.from === from || draft.slots.from === undefined)) told.push(draft);
      // A group that formed, not one someone else set up ("the government established a council").
      else if (draft.type === "FOUNDING" && inParagraph && !draft.slots.founders) {
        const split: Draft = { ...draft, type: "SPLIT", slots: { agent, from: from!, ...(draft.slots.date ? { date: draft.slots.date } : {}) } };
        added.push(split);
        told.push(split);
      }
    }
    if (!told.length) continue;
    dropped.add(summary);
    for (const draft of told) draft.evidence = [...summary.evidence, ...draft.evidence];
  }
  return [...drafts.filter((d) => !dropped.has(d)), ...added];
}

/** Words of a fight between the groups a statement names, not of groups fighting side by side. */
const RECIPROCAL = /\b(?:clash\w*|fought|fight\w*|battl\w*|skirmish\w*|exchang\w*|between|each\s+other|one\s+another|engag\w*|rival\w*)\b/i;

/**
 * "The IMU, with Pakistani Taliban and TTP militants, attacked the prison",
 * "… participated in the attack alongside the TTP": named groups that carry
 * out one attack together are allies (a joint operation), undated, as the
 * attack's date is the attack's. The first perpetrator is paired with each other.
 */
export function jointAttacks(ctx: Context, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  let groups: Set<string> | undefined;
  for (const draft of drafts) {
    const perpetrators = draft.slots.perpetrators;
    if (draft.type !== "ATTACK" || !Array.isArray(perpetrators) || perpetrators.length < 2) continue;
    groups ??= new Set(ctx.doc.entities.filter((e) => e.type === "ORG").map((e) => e.canonical));
    const named = perpetrators.filter((p) => groups!.has(p));
    if (named.length < 2 || draft.evidence.some((e) => RECIPROCAL.test(e.text))) continue;
    for (const ally of named.slice(1)) out.push({ ...draft, type: "ALLIANCE", slots: { parties: [named[0]!, ally] } });
  }
  return out;
}

/** A pledge held back from, measured against the one just told: "stopped short of pledging bay'a", "fell short of using the word". */
const FELL_SHORT = /\b(?:stopped|stops|stopping|fell|falls|falling)\s+short\s+of\b|\bwent\s+no\s+further\s+than\b|\b(?:did\s+not|didn['’]t)\s+go\s+as\s+far\s+as\b/i;
/** How many sentences back the declaration a pledge falls short of may be. */
const SHORT_REACH = 2;

/**
 * "In September 2014, Ghazi said they were siding with the caliphate. But he
 * fell short of using the word bay'a.": the oath withheld is the one of the
 * declaration just told, to the same party on the same occasion. A negated
 * pledge so worded takes the `to` and the date it lacks from the nearest
 * earlier pledge of the same agent (and recipient, when it names one).
 */
export function fellShortOf(drafts: Draft[]): void {
  for (const draft of drafts) {
    if (draft.type !== "PLEDGE" || draft.certainty !== "negated" || (draft.slots.to && draft.slots.date)) continue;
    if (!draft.evidence.some((e) => FELL_SHORT.test(e.text))) continue;
    const earlier = drafts
      .filter((d) => d.type === "PLEDGE" && d.certainty !== "negated" && d.unit < draft.unit && d.unit >= draft.unit - SHORT_REACH)
      .filter((d) => d.slots.agent === draft.slots.agent && (!draft.slots.to || d.slots.to === draft.slots.to))
      .sort((a, b) => b.at - a.at);
    const to = draft.slots.to ?? earlier.find((d) => d.slots.to)?.slots.to;
    const date = draft.slots.date ?? earlier.find((d) => d.slots.date && (!to || d.slots.to === to))?.slots.date;
    draft.slots = { ...draft.slots, ...(to ? { to } : {}), ...(date ? { date } : {}) };
  }
}
