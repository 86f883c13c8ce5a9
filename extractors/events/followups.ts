/**
 * Frames across a sentence boundary: a sentence that only gives an attack's
 * toll ("One person died, five were injured.", "1 fatality.") belongs to the
 * attack stated just before it, and adds its figures and its evidence; so
 * does a sentence that restates the attack of the report it continues.
 */
import { span } from "../../pipeline/document.ts";
import { statedTotal } from "../numbers.ts";
import { tollOf, type Context } from "./context.ts";
import { DATE_SLOT } from "./merge.ts";
import { dateNear } from "./slots.ts";
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
    const earlier = drafts
      .filter((d) => types.includes(d.type) && d.certainty !== "negated" && d.unit < unit.index && d.unit >= unit.index - ANAPHOR_REACH)
      .sort((a, b) => a.at - b.at)
      .at(-1);
    // A sentence inside the statement it refers to (a list item's second sentence) adds nothing.
    if (!earlier || earlier.evidence.some((e) => e.start <= unit.start && unit.end <= e.end)) continue;
    // A sentence naming other actors ("Such a pledge came in March … from a person named Sadulla Urgenji") tells of another event.
    const participants = new Set(Object.values(earlier.slots).flat().filter((v): v is string => typeof v === "string"));
    if (unit.entities.some((e) => (e.type === "ORG" || e.type === "PERSON") && !participants.has(e.canonical))) continue;
    const at = unit.start + match.index;
    const date = dateNear(ctx, unit, at, at + match[0].length, unit.start, unit.end)?.value;
    const slots = { ...earlier.slots, ...(date ? { [DATE_SLOT[earlier.type]]: date } : {}) };
    out.push({ ...earlier, slots, evidence: [span(ctx.doc, unit.start, unit.end)], at, unit: unit.index });
  }
  return out;
}
