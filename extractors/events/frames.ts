/**
 * Frames stated by one sentence: each trigger match becomes a draft frame of
 * its type with slots filled from the sentence's mentions. Duplicates are
 * left for merge.ts.
 */
import { span } from "../../pipeline/document.ts";
import type { AnySlots, Certainty, EventType, Span, Time } from "../../pipeline/schema.ts";
import { memberCount, NUMBER_SOURCE, QUANTITY_SOURCE } from "../numbers.ts";
import { negatedAt, ownSpeechCertainty, statementCertainty } from "./certainty.ts";
import { asGroup, memberGroup, ROLE_WORDS, tollOf, type Context, type Participant, type Unit } from "./context.ts";
import {
  ACTORS,
  actorPhraseBefore,
  agentBefore,
  clauseEnd,
  clauseStart,
  dateNear,
  listAfter,
  listBefore,
  objectAfter,
  phraseAt,
  placeNear,
  reportScene,
  sceneDate,
  targetPhraseAt,
} from "./slots.ts";
import { allMatches } from "../regex.ts";
import { isOrgName } from "./places.ts";
import { actorView, actorWords, aimAfter, betweenSides, byAgent, membersBefore, modifiesForces, passiveAt, passiveSubject, splitSides } from "./actors.ts";
import { GENERIC_ATTACK, TRIGGER_GROUPS, triggerMatches, type Trigger } from "./triggers.ts";

export interface Draft {
  type: EventType;
  certainty: Certainty;
  evidence: Span[];
  slots: AnySlots;
  /** Offset of the trigger: drafts sort by it, and one sentence's drafts group by their unit. */
  at: number;
  unit: number;
  /** "joined forces with": folded into a pledge between the same parties, else an alliance. */
  soft?: boolean;
}

interface Match {
  trigger: Trigger;
  start: number;
  end: number;
}

/** Slots without undefined values, so merge and the schema see only what was found. */
function compact(slots: Record<string, unknown>): AnySlots {
  const out: AnySlots = {};
  // for…in reads the keys in the order Object.entries gives them, without making an array of pairs.
  for (const key in slots) {
    const value = slots[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value as AnySlots[string];
  }
  return out;
}

const names = (participants: Participant[]) => [...new Set(participants.map((p) => p.value))];

/** The window of a noun trigger's own phrase: a few words before it, up to the next clause or relative pronoun after it. */
function nounWindow(unit: Unit, start: number, end: number): [number, number] {
  const lo = Math.max(clauseStart(unit, start), start - 40);
  const tail = unit.text.slice(end - unit.start);
  const stop = /,\s|;|(?<!\b[A-Z])\.\s|\s(?:which|that|who|but|while|when|after|before|because|following)\s|\s[–—]\s|\sand\s+(?:the|a|an|its|their|[a-z]+ed)\s/.exec(tail);
  return [lo, stop ? end + stop.index : unit.end];
}

/** A noun that is its clause's event: "a bomb explosion occurred", "there was an armed clash". */
const EVENTIVE_AFTER = /^\s+(?:occurred|took\s+place|was\s+reported|exploded|detonated|erupted|broke\s+out|happened|hit|struck|rocked|killed|killing|injured|wounded|left|targeted|was\s+carried\s+out|went\s+off)\b/i;
const EVENTIVE_BEFORE = /\bthere\s+(?:was|were)\s+(?:[\w-]+\s+){0,3}$/i;

function window(unit: Unit, match: Match): [number, number] {
  const text = unit.text;
  const eventive =
    EVENTIVE_AFTER.test(text.slice(match.end - unit.start, match.end - unit.start + 30)) ||
    EVENTIVE_BEFORE.test(text.slice(Math.max(0, match.start - unit.start - 40), match.start - unit.start));
  const infinitive = /\bto\s+$/i.test(text.slice(Math.max(0, match.start - unit.start - 4), match.start - unit.start));
  return match.trigger.kind === "noun" && !eventive && !infinitive
    ? nounWindow(unit, match.start, match.end)
    : [clauseStart(unit, match.start), clauseEnd(unit, match.end)];
}

/** The object must follow the trigger closely: "ties to Al-Qaeda", "collaboration with Pakistan's spy agency, the ISI". */
function closeObject(ctx: Context, unit: Unit, at: number, exclude?: string): Participant | undefined {
  const object = objectAfter(ctx, unit, at, ["ORG", "PERSON"], exclude);
  if (!object) return undefined;
  const gap = ctx.doc.text.slice(at, object.start);
  const close = /^[\s(]*(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,2}$/i.test(gap) || /^\s*(?:[\w’'-]+\s+){0,3}[\w’'-]*,\s+(?:the\s+)?$/i.test(gap);
  if (!close) return undefined;
  // "alongside IS’s regional affiliate, the Islamic State Khorasan Province": the one the possessor's noun names.
  const owned = POSSESSED_APPOSITIVE.exec(ctx.doc.text.slice(object.end, object.end + 80));
  const named = owned && unit.entities.find((e) => e.start === object.end + owned[0].length && e.type === "ORG" && e.canonical !== exclude);
  return named ? participantOf(named) : object;
}

/** A possessor, its noun and a name in apposition: "’s regional affiliate, the". */
const POSSESSED_APPOSITIVE = /^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+(?:the\s+)?/;

const METHODS: [RegExp, string][] = [
  [/\bsuicide\s+(?:bomb\w*|strikes?|attacks?|car|vest|blast)/i, "suicide_bombing"],
  [/\b(?:truck|car|vehicle|van|lorry)\s+into\b|\bramm(?:ed|ing)\b/i, "vehicle_ramming"],
  [/\b(?:air\s*strikes?|air\s+raids?|drone\s+strikes?|airstrikes?|bombarded\s+from\s+the\s+air|warplanes?|helicopter\s+gunships?)\b/i, "air_strike"],
  [/\b(?:car\s+bombs?|bomb\w*|explosions?|explosives?|IEDs?|blasts?|detonat\w+|landmines?|mines?|grenades?)\b/i, "bombing"],
  [/\b(?:held|holding)\b[^.]*\bhostages?\b|\bsiege\b/i, "hostage_taking"],
  [/\b(?:kidnap\w*|abduct\w*|hostages?)\b/i, "kidnapping"],
  [/\bambush\w*\b/i, "ambush"],
  [/\braid\w*\b/i, "raid"],
  [/\b(?:shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|projectiles?)\b/i, "other"],
  [/\b(?:drove|driven|ploughed|plowed)\s+(?:[\w-]+\s+){0,3}?into\b/i, "vehicle_ramming"],
  [/\b(?:stormed|gunmen|gunfire|opened\s+fire|shot|shooting|armed\s+assault|battle|clash\w*|stabbed|assault\w*)\b/i, "armed_assault"],
];

export function methodOf(text: string): string | undefined {
  for (const [pattern, method] of METHODS) if (pattern.test(text)) return method;
  return undefined;
}

const BLAME = /\b(?:blamed|accused|suspected)\s+(?:the\s+)?/gi;
/** Whom a sentence blames or accuses: "The Uzbek government blamed the IMU for the attack". */
export function blamed(ctx: Context, unit: Unit): Participant | undefined {
  for (const blame of allMatches(BLAME, unit.text)) {
    const at = unit.start + blame.index + blame[0].length;
    const accused = objectAfter(ctx, unit, at, ACTORS, undefined, at + 60);
    if (accused && accused.start - at < 4) return accused;
  }
  return undefined;
}

const CO_PERPETRATOR = /\b(?:alongside|together\s+with|jointly\s+with|in\s+cooperation\s+with)\s+/gi;

function attackFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  const clause = ctx.doc.text.slice(clauseStart(unit, match.start), clauseEnd(unit, match.end));
  if (GENERIC_ATTACK.test(clause)) return undefined;
  const ownDate = dateNear(ctx, unit, match.start, match.end, lo, hi);
  const ownScene = sceneDate(ctx, unit, match.start);
  // A sentence without a date continues the report a day heads just before it: "They exchanged fire with the police."
  const report = ownDate || ownScene ? undefined : reportScene(ctx, unit);
  // When the report already states an attack, the sentence restates it: no frame of its own, and its toll joins that attack (followups.ts).
  if (report && restates(ctx, report.unit.index, unit.index)) return undefined;
  const scene = ownScene ?? report?.date;
  // "On 15 May 2022, soldiers repelled attacks by …": a sentence a day heads states incidents, not conduct, unless it
  // only refers to them ("protested against the recent attacks").
  const dayScene = scene !== undefined && /^\d{4}-\d{2}-\d{2}/.test(scene.value) && !REFERRED_TO.test(ctx.doc.text.slice(Math.max(clauseStart(unit, match.start), match.start - 60), match.start));
  if (!ownDate && !dayScene && isHabitual(ctx, unit, match)) return undefined;
  const date = ownDate ?? scene;
  // An incident the sentence dates happened where the sentence says, if its own phrase names no place; else where the report it continues says.
  const place =
    placeNear(ctx, unit, match.start, match.end, lo, hi) ??
    (date ? placeNear(ctx, unit, match.start, match.end, unit.start, unit.end) : undefined) ??
    (report && placeNear(ctx, report.unit, report.date.end, report.date.end, report.unit.start, report.unit.end));
  if (!date && !place) return undefined;
  // "fought alongside X" states an alliance, not an incident.
  if (/^(?:fought|battled|engaged)$/i.test(ctx.doc.text.slice(match.start, match.end)) && /^[^.;]*\balongside\b/i.test(ctx.doc.text.slice(match.end, hi))) return undefined;
  // "fought", "clashed": a battle is a frame when dated; fighting somewhere is a war.
  if (!date && /^(?:fought|clashed|clashing|battled|engaged|intercepted|repelled|repulsed|killed|shot|fired|fighting\s+(?:with|against)|destroyed\b(?!.*\b(?:with|using)\b).*)$/i.test(ctx.doc.text.slice(match.start, match.end))) return undefined;

  // Names the text uses only as places ("Oak Hollow", "Norland State") are no actors.
  const actors = actorView(ctx, unit);
  const subject = agentBefore(ctx, actors, match.start, ACTORS);
  const words = ctx.doc.text.slice(match.start, match.end);
  const aux = match.trigger.kind === "verb" ? passiveAt(ctx.doc.text, match.start) : undefined;
  // "clashes took place between X and Y": the first side is taken as the attacker, the second as the target.
  const sides = COMBAT.test(words) ? betweenSides(ctx, actors, match.end, hi) : undefined;
  let perpetrators: Participant[] = [];
  let victim: Participant | undefined;
  if (sides) {
    perpetrators = [asGroup(ctx, sides[0])];
    victim = sides[1];
  } else if (aux !== undefined) {
    // "a farmer was shot … by two gunmen": the subject is the victim, the "by" phrase the agent.
    victim = passiveSubject(ctx, actors, aux, clauseStart(unit, match.start));
    const agent = byAgent(ctx, actors, match.end, hi) ?? byAgent(ctx, actors, clauseStart(unit, match.start), aux, true);
    if (agent) perpetrators = [asGroup(ctx, agent)];
  } else {
    // A noun inside an adverbial ("decimated it in a battle") takes the clause's actors; a noun phrase of its own, its own.
    const adverbial = /\b(?:in|during|after|amid|through)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$/i.test(ctx.doc.text.slice(Math.max(0, match.start - 30), match.start));
    const nominal = match.trigger.kind === "noun" && lo > clauseStart(unit, match.start) && !adverbial;
    // "X sources reported that Y shelled": the nearest actor only reports.
    const reports = subject !== undefined && REPORTED_THAT.test(ctx.doc.text.slice(subject.end, match.start));
    // A noun's perpetrators stand in its own phrase ("an IMU attack", "the Taliban's raid"), not in the clause around it.
    const first = nominal
      ? actors.entities
          .filter((e) => e.start >= lo && e.end <= match.start && ACTORS.includes(e.type))
          // "the OSCE observed 2 explosions": who reports an attack did not carry it out.
          .filter((e) => !/\b(?:observed|reported|recorded|documented|said|says|claimed|announced|confirmed|denied)\b/i.test(ctx.doc.text.slice(e.end, match.start)))
          .map(participantOf)
          .at(-1)
      : (firstActor(ctx, actors, match.start) ?? (reports ? undefined : subject));
    if (first) perpetrators = [asGroup(ctx, first), ...coordinatedWith(ctx, actors, first, match.start)];
    if (!perpetrators.length) {
      const phrase =
        actorPhraseBefore(ctx, unit, match.start) ?? byAgent(ctx, actors, match.end, hi) ?? byAgent(ctx, actors, clauseStart(unit, match.start), match.start, true);
      if (phrase) perpetrators = [phrase];
    }
  }
  const accused = blamed(ctx, unit);
  if (accused) perpetrators = [accused];
  for (const co of allMatches(CO_PERPETRATOR, ctx.doc.text.slice(match.end, hi))) {
    const at = match.end + co.index + co[0].length;
    // "alongside the TTP and Pakistani Taliban": the list must start right there; all of it is named.
    const joined = listAfter(ctx, unit, at, ACTORS);
    if (joined[0] && joined[0].start - at < 6) perpetrators.push(...joined);
  }

  let targets = victim ? [victim.value] : targetsOf(ctx, actors, match, perpetrators, hi);
  // "X and Y clashed": a battle's two sides are its attacker and its target.
  if (!targets && match.trigger.kind === "verb" && COMBAT.test(words)) {
    const sides = perpetrators.length === 1 ? splitSides(perpetrators[0]!.value) : undefined;
    if (perpetrators.length === 2) targets = [perpetrators.pop()!.value];
    else if (sides) {
      perpetrators = [{ ...perpetrators[0]!, value: sides[0] }];
      targets = [sides[1]];
    }
  }
  // "the attack on the Jinnah International Airport in Karachi": a facility attacked is where the attack happened.
  const facility = unit.entities.find((e) => e.type === "FAC" && e.start >= match.end && e.end <= hi && targets?.includes(e.canonical));
  const claimed = match.trigger.claim && subject ? asGroup(ctx, subject).value : undefined;
  const numbers = tollOf(ctx, unit);
  return compact({
    perpetrators: names(perpetrators),
    targets,
    location: facility?.canonical ?? place?.value,
    date: date?.value,
    ...numbers,
    // Attackers who take on a facility with no other means stated assault it: "attacked the Bannu Prison".
    method: methodOf(ctx.doc.text.slice(lo, hi)) ?? methodOf(unit.text) ?? (facility ? "armed_assault" : undefined),
    claimedBy: claimed,
  });
}

/** Whether a unit of [from, to) states an attack. */
function restates(ctx: Context, from: number, to: number): boolean {
  for (let u = from; u < to; u++) if (ctx.attacked.has(u)) return true;
  return false;
}

/** A preposition or verb of reaction before a noun: the attacks are what the clause is about, not what it reports. */
const REFERRED_TO =
  /\b(?:against|over|following|amid|amidst|after|about|regarding|of|for|from|condemn\w*|denounc\w*|protest\w*|mourn\w*|commemorat\w*)\s+(?:(?:the|a|an|and|recent|recurring|repeated|continued|continuing|ongoing|rising|incessant|increasing)\s+|[\w’'-]+(?:'s|’s)\s+|[\w-]+s['’]\s+)*(?:[\w-]+\s+){0,2}$/i;
const COUNTED_BEFORE = new RegExp(`\\b(?:${NUMBER_SOURCE}|several|multiple|a\\s+series\\s+of|a\\s+string\\s+of|a\\s+wave\\s+of)\\s+(?:[\\w-]+\\s+){0,3}$`, "i");
const LEADING_QUANTITY = new RegExp(`^(?:${QUANTITY_SOURCE})\\s+`, "i");
const COUNT_BEFORE = new RegExp(`\\b(?:${NUMBER_SOURCE})\\s*$`, "i");
const PLURAL_ATTACKS = /(?:attacks|assaults|bombings|explosions|blasts|raids|strikes|ambushes|clashes|kidnappings|shootings|operations)$/i;
const ATTACK_NOUN_LIST = /\b(?:attacks|assaults|bombings|raids|ambushes|kidnappings|shootings|hostage-taking\s+operations)\s*,?\s+(?:and|or)?\s*(?:[\w-]+\s+)?(?:attacks|assaults|bombings|raids|ambushes|kidnappings|shootings|operations)\b|\b(?:attacks|bombings|raids),\s/i;

/**
 * Undated attacks in the plural stated as what a group has done or does
 * ("have also carried out attacks in the US", "conducted suicide attacks,
 * bombings, and raids") are conduct, not a stated series.
 */
function isHabitual(ctx: Context, unit: Unit, match: Match): boolean {
  const words = ctx.doc.text.slice(match.start, match.end);
  if (!PLURAL_ATTACKS.test(words)) return false;
  const clause = ctx.doc.text.slice(clauseStart(unit, match.start), clauseEnd(unit, match.end));
  // The count may stand inside the trigger: "launched four explosions", "launched multiple suicide strikes".
  const before = ctx.doc.text.slice(clauseStart(unit, match.start), match.end).replace(/[\w-]+$/, "");
  if (ATTACK_NOUN_LIST.test(clause) || /\b(?:has|have|had)\s+(?:[\w-]+\s+){0,3}$/i.test(before)) return true;
  // A stated series has a count ("two attacks") or a target ("attacks on Afghan army posts").
  const counted = COUNTED_BEFORE.test(before.slice(-60));
  const targeted = /^\s+(?:on|against|targeting)\s/i.test(ctx.doc.text.slice(match.end, match.end + 12));
  return !counted && !targeted;
}

const participantOf = (e: { canonical: string; type: Participant["type"]; start: number; end: number }): Participant => ({
  value: e.canonical,
  type: e.type,
  start: e.start,
  end: e.end,
});

const REPORTED_THAT = /\b(?:reported|reports|said|says|announced|confirmed|stated|claimed|alleged|told\s+[\w-]+)\s+that\b/i;

/** The first actor of the clause outside a prepositional phrase (but for "members of X"): the subject of "X ..., which trapped Y". */
function firstActor(ctx: Context, unit: Unit, pos: number): Participant | undefined {
  const from = clauseStart(unit, pos);
  const entity = unit.entities.find(
    (e) =>
      e.start >= from &&
      e.end <= pos &&
      ACTORS.includes(e.type) &&
      !/^(?:'s|’s)\s/.test(ctx.doc.text.slice(e.end, e.end + 3)) &&
      (!isAdjunctAt(ctx, e.start) || membersBefore(ctx.doc.text, e.start)) &&
      // "X sources reported that Y shelled": who reports an attack did not carry it out.
      !REPORTED_THAT.test(ctx.doc.text.slice(e.end, pos)),
  );
  return entity && { value: entity.canonical, type: entity.type, start: entity.start, end: entity.end };
}

function isAdjunctAt(ctx: Context, start: number): boolean {
  return /\b(?:of|from|to|against|by|for|in|on|at|as|about|into|than|between|among|like|including|toward|towards|under|near|targeting|accused|blamed)\s+(?:(?:the|a|an)\s+)?$/i.test(
    ctx.doc.text.slice(Math.max(0, start - 24), start),
  );
}

/** Actors joined to the first by "and", "with", "alongside" before the trigger ("The IMU, with Pakistani Taliban and TTP militants, attacked"). */
function coordinatedWith(ctx: Context, unit: Unit, first: Participant, pos: number): Participant[] {
  const out: Participant[] = [];
  let end = first.end;
  for (const entity of unit.entities) {
    if (entity.start < end || entity.end > pos || !ACTORS.includes(entity.type)) continue;
    const gap = ctx.doc.text.slice(end, entity.start);
    if (!/^\s*(?:,\s*)?(?:and|with|alongside|together\s+with)\s*(?:the\s+)?$/i.test(gap)) break;
    out.push({ value: entity.canonical, type: entity.type, start: entity.start, end: entity.end });
    end = entity.end;
  }
  return out;
}

const CARRIER = /^(?:car|vehicle|bus|truck|van|motorcade|convoy|boat|plane|helicopter)\s+(?:containing|carrying|transporting)\s+(.+)$/i;
const TARGET_TYPES: readonly Participant["type"][] = ["ORG", "PERSON", "FAC"];

/** Battle words: the other side follows "with" or "against" ("clashed with", "fighting against"). */
const COMBAT = /^(?:clash|fought|fight|battl|engag|exchang|skirmish|gun\s*battle|gunfight|firefight|encounter|armed\s+(?:clash|encounter|confrontation)|shoot-?out)/i;
/** The object of a verb, after its particle or a second verb sharing it: "shot down| a helicopter", "ambushed and killed| two hunters". */
const SECOND_VERB = /^\s*(?:(?:down|up)\s+)?(?:(?:and|or)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|shot|beat|hit|stabbed)\s+)?/;
const TOLL_AFTER = /,?\s+(?:killing|wounding|injuring|abducting|kidnapping)\s+(?!of\b)/i;
const OBJECT_PARTICLES = "on|against|targeting|at|towards|upon|of";
const OBJECT = new RegExp(String.raw`^\s*(?:${OBJECT_PARTICLES})\s+`, "i");
/** A battle's other side may also follow "with". */
const COMBAT_OBJECT = new RegExp(String.raw`^\s*(?:${OBJECT_PARTICLES}|with)\s+`, "i");

/**
 * The target standing at `at`, the object of the attack: a name, or the text's own words; a weapon fired "at"
 * something gives way to it. Null where a place or a weapon stands there: the attack names no target.
 */
function objectTargets(ctx: Context, unit: Unit, at: number, hi: number, aimed = false): string[] | null | undefined {
  // "Pakistan's Bannu Prison": the possessor place only locates the target.
  let entity = unit.entities.find((e) => e.start >= at && e.start - at < 5 && ["ORG", "PERSON", "NORP", "FAC", "GPE"].includes(e.type));
  if (entity && /^(?:'s|’s)\s/.test(ctx.doc.text.slice(entity.end, entity.end + 3)))
    entity = unit.entities.find((e) => e.start > entity!.end && e.start - entity!.end < 5);
  if (entity && (entity.type === "ORG" || entity.type === "PERSON" || entity.type === "FAC")) return [entity.canonical];
  // "the attack on Karachi airport", "the offense at the Karachi, Pakistan Airport": a place named first is where, not whom,
  // unless it modifies the forces attacked ("against Lakeside security forces").
  if (entity && (entity.type === "GPE" || entity.type === "LOC") && !modifiesForces(ctx.doc.text, entity.end)) return null;
  const phrase = targetPhraseAt(ctx.doc.text, at, hi);
  // "fired artillery at rebel positions": the weapon's aim is the target.
  const aim = aimed ? undefined : aimAfter(ctx.doc.text, at, phrase);
  if (aim !== undefined) return aim < 0 ? null : objectTargets(ctx, unit, aim, hi, true);
  if (!phrase || !actorWords(phrase.value)) return undefined;
  // "President Karimov": titles before a name leave the name's canonical.
  const titled = unit.entities.find(
    (e) => e.end === phrase.end && e.start > phrase.start && TARGET_TYPES.includes(e.type) && /^(?:\p{Lu}[\p{L}.’'-]*\s+)+$/u.test(ctx.doc.text.slice(phrase.start, e.start)),
  );
  // "a car containing Pakistan’s prime minister designate": the people carried are the target.
  const carried = CARRIER.exec(phrase.value);
  return [titled?.canonical ?? carried?.[1] ?? phrase.value];
}

function targetsOf(ctx: Context, unit: Unit, match: Match, perpetrators: Participant[], hi: number): string[] | undefined {
  const perpetratorNames = new Set(perpetrators.map((p) => p.value));
  let from = match.end;
  if (match.trigger.claim) {
    // "claimed responsibility for the attack on Karachi airport": the target is the attack's.
    const attack = /\b(?:attacks?|assaults?|bombings?|ambush(?:es)?|raids?|offense|strikes?)\s+(?=on\b|against|at\b|targeting|of\b)/i.exec(ctx.doc.text.slice(match.end, hi));
    if (!attack) return undefined;
    from = match.end + attack.index + attack[0].length;
  }
  const after = ctx.doc.text.slice(from, hi);
  // "took around 30 Hazara men hostage": the hostages are the target.
  const hostage = /^(?:took|taking|held|holding|seized)\s+(.+?)\s+hostages?$/i.exec(ctx.doc.text.slice(match.start, match.end));
  if (hostage) {
    // "four Japanese geologists and eight Kyrgyz soldiers": each group taken is a target.
    const groups = hostage[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((who) => who.replace(LEADING_QUANTITY, "").replace(/^(?:the|some)\s+/i, ""));
    const named = groups.filter((who) => who && !/^(?:people|persons|individuals)$/i.test(who));
    if (named.length) return named;
  }
  const words = ctx.doc.text.slice(match.start, match.end);
  // A verb's object follows it; so does that of a noun that ends on its preposition ("operations against", "encounter with").
  const direct = (match.trigger.kind === "verb" && !match.trigger.claim) || /\b(?:against|with)$/i.test(words);
  const object = (COMBAT.test(words) ? COMBAT_OBJECT : OBJECT).exec(after) ?? (direct ? SECOND_VERB.exec(after) : null);
  const found = object ? objectTargets(ctx, unit, from + object[0].length, hi) : undefined;
  if (found) return found;
  // "shelled Hilltop, killing two soldiers": the victims of a participle after the object.
  const toll = TOLL_AFTER.exec(after);
  const victims = toll ? objectTargets(ctx, unit, from + toll.index + toll[0].length, hi) : undefined;
  if (victims) return victims;
  if (found === null) return undefined;
  // A battle: the other side named between the perpetrator and the trigger ("trapped the IMU ... in a battle").
  const lastPerpetrator = perpetrators.at(-1);
  if (lastPerpetrator) {
    const other = unit.entities.find(
      (e) => e.start > lastPerpetrator.end && e.end <= match.start && e.type === "ORG" && !perpetratorNames.has(e.canonical) && !isAdjunctAt(ctx, e.start) && !/^(?:'s|’s)\s/.test(ctx.doc.text.slice(e.end, e.end + 3)),
    );
    if (other) return [other.canonical];
  }
  return undefined;
}

function pledgeFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  let agent: Participant | undefined;
  let to: Participant | undefined;
  if (match.trigger.agentAfter) {
    agent = objectAfter(ctx, unit, match.end, ["ORG"]);
    const withAt = agent ? ctx.doc.text.indexOf(" with ", agent.end) : -1;
    to = withAt >= 0 && withAt < hi ? objectAfter(ctx, unit, withAt + 6, ["ORG", "PERSON"], agent?.value) : undefined;
  } else {
    // "the IMU's declaration of support for IS": the possessor declares.
    const possessor = match.trigger.kind === "noun"
      ? unit.entities.find((e) => ACTORS.includes(e.type) && /^(?:'s|’s)\s+(?:[a-z-]+\s+)?$/.test(ctx.doc.text.slice(e.end, match.start)))
      : undefined;
    const subject = possessor ? participantOf(possessor) : agentBefore(ctx, unit, match.start);
    agent = subject ? asGroup(ctx, subject) : groupPhrase(ctx, unit, match.start);
    // "Urgenji said his group was recognizing …": the group the person belongs to pledges.
    if (agent?.type === "PERSON" && OWN_GROUP.test(ctx.doc.text.slice(agent.end, match.start))) {
      const group = memberGroup(ctx, unit, agent.value);
      if (group) agent = { ...agent, value: group, type: undefined };
    }
    to = objectAfter(ctx, unit, match.end, ["ORG", "PERSON"], agent?.value);
  }
  if (to) to = asGroup(ctx, to);
  if (!agent && !to) return undefined;
  if (agent && to && agent.value === to.value) return undefined;
  const date = dateNear(ctx, unit, match.start, match.end, lo, hi);
  return compact({ agent: agent?.value, to: to?.value, date: date?.value, strength: match.trigger.strength });
}

const OWN_GROUP = /\b(?:his|her|their)\s+(?:group|organi[sz]ation|movement|faction|fighters|men|followers|unit)\b/i;

/** "a group of Uzbeks" as the subject where no named actor is. */
function groupPhrase(ctx: Context, unit: Unit, pos: number): Participant | undefined {
  const head = ctx.doc.text.slice(clauseStart(unit, pos), pos);
  const match = /\b((?:a|an|some|several)\s+(?:group|band|cell|number|faction)\s+of\s+[A-Z][\w’'-]+)/.exec(head);
  if (!match) return undefined;
  const start = clauseStart(unit, pos) + match.index;
  return { value: match[1]!, start, end: start + match[1]!.length };
}

function splitFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  const subject = agentBefore(ctx, unit, match.start);
  const noun = match.trigger.kind === "noun";
  let agent = subject ? asGroup(ctx, subject) : noun ? undefined : headPhrase(ctx, unit, match.start);
  const from = closeObject(ctx, unit, match.end, agent?.value);
  if (!from) return undefined;
  // "a splinter group of the IMU, Jundullah,": the name in apposition after it.
  if (!agent && noun) {
    const named = unit.entities.find((e) => e.start >= from.end && e.type === "ORG");
    if (named && /^\s*(?:\([^)]*\)\s*)?,\s*(?:the\s+)?$/i.test(ctx.doc.text.slice(from.end, named.start))) agent = participantOf(named);
  }
  const date = dateNear(ctx, unit, match.start, match.end, lo, hi) ?? sceneDate(ctx, unit, match.start) ?? messageDate(ctx, unit);
  return compact({ agent: agent?.value, from: asGroup(ctx, from).value, date: date?.value });
}

const MESSAGE = /\b(tweet|statement|video|message|post|announcement|declaration|communiqu[eé]|audio|recording|letter)s?\b/i;

/**
 * A break announced by a message the sentence before dates ("broken only on June 14 by a tweet …
 * The survivors announced their break with ISIL, tweeting"): the same message ties the date to the break.
 */
function messageDate(ctx: Context, unit: Unit): Time | undefined {
  const previous = ctx.units[unit.index - 1];
  const message = previous && MESSAGE.exec(previous.text);
  if (!previous || !message || !unit.text.toLowerCase().includes(message[1]!.toLowerCase())) return undefined;
  return dateNear(ctx, previous, previous.start, previous.end, previous.start, previous.end);
}

/** The words before a trigger in a short statement ("Other terrorist organisations leave ISIL"). */
function headPhrase(ctx: Context, unit: Unit, pos: number): Participant | undefined {
  const from = clauseStart(unit, pos);
  const words = ctx.doc.text.slice(from, pos).trim();
  if (!words || words.split(/\s+/).length > 4 || !/^[A-Z]/.test(words)) return undefined;
  return { value: words, start: from, end: from + words.length };
}

const NEGATIVE_RELATIONS = /\b(?:declining|hostile|strained|tense|conflictual|broken|souring|deteriorating|worsening|poor|bad|no|sever\w*|cut|cuts|cutting|broke|break\w*|end\w*)\s+(?:[\w-]+\s+)?$/i;

const TWO_GROUPS = /\b(?:the\s+two\s+(?:groups|organi[sz]ations|movements|sides)|both\s+(?:groups|organi[sz]ations))\s+(?:[\w-]+\s+){0,3}$/i;

/**
 * The two organisations a plural "the two groups" stands for: the pair an
 * alliance stated just before relates ("X developed close ties with Y. The
 * two groups …"), else the last two named before it, but for a name used
 * as a modifier ("the AQ-aligned Haqqani Network").
 */
function lastTwoGroups(ctx: Context, unit: Unit, pos: number): Participant[] {
  const stated = pairBefore(ctx, unit, pos);
  if (stated) return stated;
  const out: Participant[] = [];
  const candidates = [...(ctx.units[unit.index - 1]?.entities ?? []), ...unit.entities].filter((e) => e.type === "ORG" && e.end <= pos && ctx.doc.text[e.end] !== "-");
  for (const entity of candidates.reverse()) {
    if (!out.some((p) => p.value === entity.canonical)) out.unshift(participantOf(entity));
    if (out.length === 2) break;
  }
  return out.length === 2 ? out : [];
}

const ALLIANCE_ONLY: ReadonlySet<EventType> = new Set(["ALLIANCE"]);

/** The parties of the first alliance stated before `pos` in its sentence, else in the sentence before. */
function pairBefore(ctx: Context, unit: Unit, pos: number): Participant[] | undefined {
  for (const [where, until] of [[unit, pos], [ctx.units[unit.index - 1], Infinity]] as const) {
    if (!where) continue;
    for (const match of matches(where, ALLIANCE_ONLY)) {
      if (match.start >= until) break;
      const parties = allianceParties(ctx, where, match);
      if (parties.length === 2) return parties;
    }
  }
  return undefined;
}

/** "the AQ-aligned Haqqani Network": the name before the hyphen is allied to the one it modifies. */
function modifierParties(ctx: Context, unit: Unit, match: Match): Participant[] {
  const modifier = unit.entities.find((e) => e.end === match.start && e.type === "ORG");
  const head = unit.entities.find((e) => e.start >= match.end && e.type === "ORG");
  if (!modifier || !head || !/^\s+(?:[a-z-]+\s+){0,2}$/.test(ctx.doc.text.slice(match.end, head.start))) return [];
  return [participantOf(head), participantOf(modifier)];
}

function allianceFrames(ctx: Context, unit: Unit, match: Match): AnySlots[] {
  const [lo, hi] = window(unit, match);
  if (NEGATIVE_RELATIONS.test(ctx.doc.text.slice(Math.max(0, match.start - 30), match.start))) return [];
  const distinct = names(allianceParties(ctx, unit, match));
  if (distinct.length < 2) return [];
  // A relative clause's alliance ("…, which used to fight alongside ISIL") or a modifier's ("the AQ-aligned Haqqani
  // Network") is not dated by its main clause.
  const described = ctx.doc.text[match.start] === "-" || /,\s*(?:which|who)\b/i.test(ctx.doc.text.slice(clauseStart(unit, match.start), match.start));
  const [plo, phi] = described || match.trigger.kind === "noun" ? nounWindow(unit, match.start, match.end) : [lo, hi];
  // "collaborated to attack the airport in 2014": the date of the joint act stated as a purpose is that act's.
  const purpose = PURPOSE.exec(ctx.doc.text.slice(match.end, hi));
  const end = Math.min(hi, phi, purpose ? match.end + purpose.index : Infinity);
  const own = dateNear(ctx, unit, match.start, match.end, Math.max(lo, plo), end);
  // "From 1998 – 2001, … cooperating with": a range says how long the relation lasted, not when it was made.
  const time = own ?? (described ? undefined : sceneDate(ctx, unit, match.start));
  const date = time && !inRange(ctx, unit, time) ? time.value : undefined;
  // One frame per pair: the first party (the subject) with each other, or every pair of a "between" list.
  const pairs: string[][] = [];
  const firstOnly = !match.trigger.agentAfter;
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++) if (!firstOnly || i === 0) pairs.push([distinct[i]!, distinct[j]!]);
  return pairs.map((pair) => compact({ parties: pair, date }));
}

/** An infinitive of purpose: "to attack", "to launch" (not "to the Taliban"). */
const PURPOSE = /\bto\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]+\b(?!-)/;
const RANGE_GAP = /^\s*(?:–|—|-|to|until|through)\s*$/;

/** Whether a time is one end of a range the sentence states ("1998 – 2001", "from 2005 to 2009"). */
function inRange(ctx: Context, unit: Unit, time: Time): boolean {
  return unit.times.some(
    (other) => other !== time && (RANGE_GAP.test(ctx.doc.text.slice(other.end, time.start)) || RANGE_GAP.test(ctx.doc.text.slice(time.end, other.start))),
  );
}

/** Who a trigger says are allied, the subject first. */
function allianceParties(ctx: Context, unit: Unit, match: Match): Participant[] {
  const words = ctx.doc.text.slice(match.start, match.end);
  let parties: Participant[];
  if (words.startsWith("-")) {
    parties = modifierParties(ctx, unit, match);
  } else if (/^with\s+which/i.test(words)) {
    // "…the Afghan Taliban, with which it has had longstanding relations": the antecedent of "which".
    const antecedent = unit.entities.filter((e) => e.type === "ORG" && e.end <= match.start).at(-1);
    const other = antecedent && participantOf(antecedent);
    if (!other) return [];
    const itAt = match.start + words.search(/\bit\b/);
    const it = agentBefore(ctx, unit, itAt, ["ORG"], other.value);
    parties = [...(it ? [it] : []), other];
  } else if (/^(?:'s|’s)/.test(words)) {
    const possessor = unit.entities.find((e) => e.end === match.start && e.type === "ORG");
    const head = possessor && agentBefore(ctx, unit, possessor.start, ["ORG"], possessor.canonical);
    parties = possessor && head ? [{ value: possessor.canonical, start: possessor.start, end: possessor.end }, head] : [];
  } else if (match.trigger.agentAfter) {
    parties = listAfter(ctx, unit, match.end, ["ORG"]);
  } else if (/\bof$/i.test(words)) {
    const object = closeObject(ctx, unit, match.end);
    const subject = agentBefore(ctx, unit, match.start, ["ORG"]) ?? (object ? objectAfter(ctx, unit, object.end, ["ORG"], object.value) : undefined);
    parties = object && subject ? [subject, object] : [];
  } else if (TWO_GROUPS.test(ctx.doc.text.slice(clauseStart(unit, match.start), match.start))) {
    // "Jundullah shared similar goals with the IMU, and the two groups maintained cooperative relations."
    parties = lastTwoGroups(ctx, unit, match.start);
  } else {
    const subject = agentBefore(ctx, unit, match.start);
    const object = closeObject(ctx, unit, match.end, subject?.value);
    const others = object ? listAfter(ctx, unit, object.start, ["ORG", "PERSON"]) : [];
    parties = subject ? [asGroup(ctx, subject), ...others.map((p) => asGroup(ctx, p))] : [];
  }
  return parties;
}

function foundingFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  let org: Participant | undefined;
  let founders: Participant[] = [];
  if (match.trigger.passive || match.trigger.agentAfter) {
    const described = /^\s*(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?(?:group|organi[sz]ation|movement)\b/i.exec(ctx.doc.text.slice(match.end, hi));
    org = !match.trigger.agentAfter
      ? agentBefore(ctx, unit, match.start, ["ORG"])
      : described && ctx.topic
        ? { value: ctx.topic, type: "ORG", start: match.end, end: match.end + described[0].length }
        : closeObject(ctx, unit, match.end);
    const by = /^[^;.]{0,80}?\bby\s+/i.exec(ctx.doc.text.slice(match.end, hi));
    if (by) {
      const at = match.end + by[0].length;
      const named = listAfter(ctx, unit, at, ACTORS).filter((p) => p.start - at < 5);
      const phrase = phraseAt(ctx.doc.text, at, hi);
      founders = named.length ? named : phrase ? [phrase] : [];
    }
  } else {
    org = closeObject(ctx, unit, match.end);
    if (org && org.type === "ORG") {
      founders = listBefore(ctx, unit, match.start, ACTORS).filter((p) => p.value !== org!.value);
      const withAt = /^\s*with\s+/i.exec(ctx.doc.text.slice(org.end, hi));
      if (withAt) founders.push(...listAfter(ctx, unit, org.end + withAt[0].length, ["PERSON", "ORG"]));
    } else {
      // Intransitive: "Jamaat Ansarullah, a Tajik splinter group, formed in response to …".
      const next = ctx.doc.text.slice(match.end, match.end + 16);
      org = /^\s+(?:in|after|as|when|following|during|under)\b/i.test(next) ? agentBefore(ctx, unit, match.start, ["ORG"]) : undefined;
    }
  }
  if (!org || org.type === "PERSON") return undefined;
  const near = dateNear(ctx, unit, match.start, match.end, lo, hi);
  // "collaborated to attack the airport in 2014, and established a joint group": an earlier conjunct's date is its own,
  // unless it heads the sentence ("In 1998, they moved to Kabul and established …").
  const conjunct = near && near.end <= match.start && EARLIER_CONJUNCT.test(ctx.doc.text.slice(near.end, match.start));
  const date = conjunct && near !== sceneDate(ctx, unit, match.start) ? undefined : near;
  const place = placeNear(ctx, unit, match.start, match.end, match.end, nounWindow(unit, match.end, match.end)[1]);
  return compact({ org: org.value, founders: names(founders), date: date?.value, location: place?.value });
}

/** What stands between a date and a verb of the next conjunct: ", and ", " and then ", " and later ". */
const EARLIER_CONJUNCT = /^[^.;]*\band\s+(?:then\s+|also\s+|later\s+|\w+ly\s+)?$/i;

const ROLE_AFTER = new RegExp(
  `^\\s*(?:as\\s+)?(?:(?:its|the|their|a|an|his|her)\\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|new|next|former|interim|acting|sole|late)\\s+)*((?:[a-z-]+\\s+){0,2}?(?:${ROLE_WORDS})(?:\\s+(?:[a-z-]+\\s+)?(?:${ROLE_WORDS}))?)\\b`,
);

function leadershipFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  const words = ctx.doc.text.slice(match.start, match.end);
  let role: string | undefined;
  let person: Participant | undefined;
  let org: Participant | undefined;
  let start: string | undefined;
  let end: string | undefined;
  if (/since$/i.test(words)) {
    // "Usman Ghazi, the IMU's leader since 2012"
    role = /(?:'s|’s)\s+(.+?)\s+since$/i.exec(words)?.[1]?.toLowerCase();
    const possessor = unit.entities.find((e) => e.end === match.start && e.type === "ORG");
    org = possessor && { value: possessor.canonical, start: possessor.start, end: possessor.end };
    person = agentBefore(ctx, unit, (possessor ?? match).start, ["PERSON"]);
    start = unit.times.find((t) => t.start >= match.end && t.start - match.end < 3)?.value;
  } else if (/first\s+day/i.test(words)) {
    person = agentBefore(ctx, unit, match.start, ["PERSON"]);
    start = dateNear(ctx, unit, match.start, match.end, match.start, hi)?.value;
  } else {
    role = ROLE_AFTER.exec(ctx.doc.text.slice(match.end, hi))?.[1]?.toLowerCase();
    if (!role) return undefined;
    person = agentBefore(ctx, unit, match.start, ["PERSON"]) ?? objectAfter(ctx, unit, match.end, ["PERSON"]);
    const roleEnd = ctx.doc.text.indexOf(role, match.end) + role.length;
    const ofOrg = /^\s*(?:of|in|for|at)\s+(?:the\s+)?/i.exec(ctx.doc.text.slice(roleEnd, hi));
    if (ofOrg) org = objectAfter(ctx, unit, roleEnd + ofOrg[0].length, ["ORG"], undefined, hi);
    org ??= agentBefore(ctx, unit, roleEnd, ["ORG"]);
    const date = dateNear(ctx, unit, match.start, match.end, lo, hi);
    if (match.trigger.ends) end = date?.value;
    else start = date?.value;
  }
  if (!person || person.type !== "PERSON") return undefined;
  const group = org?.value ?? ctx.leaders.get(person.value) ?? ctx.topic;
  return compact({ person: person.value, org: group, role, start, end });
}

const CAUSES: [RegExp, string][] = [
  [/\bdrone\s+strikes?\b/i, "drone_strike"],
  [/\b(?:air\s*strikes?|air\s+raids?|bombardment)\b/i, "air_strike"],
  [/\braid\b/i, "raid"],
  [/\b(?:battle|fighting|clash\w*|combat)\b/i, "battle"],
  [/\b(?:bomb\w*|explosion|blast|IED)\b/i, "bombing"],
  [/\b(?:shot|shooting|gunmen|gunfire)\b/i, "shooting"],
  [/\b(?:executed|execution|beheaded|hanged)\b/i, "execution"],
  [/\b(?:illness|disease|natural\s+causes|heart\s+attack|cancer|tuberculosis|old\s+age)\b/i, "natural"],
  [/\b(?:accident|crash)\b/i, "accident"],
  [/\bsuicide\b/i, "suicide"],
];

function deathFrame(ctx: Context, unit: Unit, match: Match): AnySlots | undefined {
  const [lo, hi] = window(unit, match);
  if (/\b(?:almost|nearly|narrowly)\s+$/i.test(ctx.doc.text.slice(Math.max(0, match.start - 10), match.start))) return undefined;
  let person: Participant | undefined;
  let killer: Participant | undefined;
  const words = ctx.doc.text.slice(match.start, match.end);
  if (/^(?:'s|’s)/.test(words)) {
    const owner = unit.entities.find((e) => e.end === match.start && e.type === "PERSON");
    person = owner && { value: owner.canonical, type: "PERSON", start: owner.start, end: owner.end };
  } else if (match.trigger.agentAfter) {
    // "the death of Taliban leader Mullah Omar": a title may stand between.
    const object = objectAfter(ctx, unit, match.end, ["PERSON"]);
    const gap = match.trigger.kind === "verb" ? /^\s*$/ : /^[^,;.]{0,30}$/;
    person = object && gap.test(ctx.doc.text.slice(match.end, object.start)) ? object : undefined;
    if (person && match.trigger.kind === "verb") killer = agentBefore(ctx, unit, match.start, ACTORS);
  } else {
    // The one who died is the verb's own subject: "Yuldashev was killed", "He died".
    const subject = agentBefore(ctx, unit, match.start, ["PERSON"]);
    person = subject && /^[^,;()]{0,25}$/.test(ctx.doc.text.slice(subject.end, match.start)) ? subject : undefined;
  }
  // "a guard of the Port Patrol Unit was shot dead": a name the tagger typed PERSON that ends like an organisation's is none.
  if (!person || person.type !== "PERSON" || isOrgName(person.value)) return undefined;
  // "a suspected Abu Sayyaf militant was killed": a name before a common noun only modifies it.
  if (/^\s+(?!(?:was|were|is|has|had|died|dies|and|who)\b)[a-z]/.test(ctx.doc.text.slice(person.end, person.end + 12))) return undefined;
  // "the death of 3 Mai-Mai": a count of people is an attack's toll, not a person's death.
  if (COUNT_BEFORE.test(ctx.doc.text.slice(Math.max(unit.start, person.start - 12), person.start))) return undefined;
  const after = ctx.doc.text.slice(match.end, hi);
  const by = /^[^,;]*?\bby\s+(?:the\s+)?/i.exec(after);
  if (by && !killer) {
    const at = match.end + by[0].length;
    const named = objectAfter(ctx, unit, at, ["ORG", "PERSON", "GPE"], person.value, hi);
    killer = named && named.start - at < 3 ? named : phraseAt(ctx.doc.text, at, hi);
  }
  const strikeBy = /\b(?:an?\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:drone|air)\s*strike/.exec(after);
  if (strikeBy && !killer) {
    const at = match.end + strikeBy.index + strikeBy[0].indexOf(strikeBy[1]!);
    const entity = unit.entities.find((e) => e.start === at);
    if (entity) killer = { value: entity.canonical, start: entity.start, end: entity.end };
  }
  let cause: string | undefined;
  for (const [pattern, value] of CAUSES)
    if (pattern.test(ctx.doc.text.slice(match.start, hi))) {
      cause = value;
      break;
    }
  const date = dateNear(ctx, unit, match.start, match.end, lo, hi);
  const place = placeNear(ctx, unit, match.start, match.end, match.end, hi);
  return compact({ person: person.value, cause, killer: killer?.value, date: date?.value, location: place?.value });
}

function designationFrames(ctx: Context, unit: Unit, match: Match): AnySlots[] {
  const [lo, hi] = window(unit, match);
  const org = agentBefore(ctx, unit, match.start, ["ORG"]);
  const date = dateNear(ctx, unit, match.start, match.end, lo, hi)?.value;
  const words = ctx.doc.text.slice(match.start, match.end);
  let designators: string[] = [];
  if (/^list/i.test(words)) {
    const owner = [...unit.entities].reverse().find((e) => e.end <= match.start && match.start - e.end < 8 && ["ORG", "GPE"].includes(e.type));
    if (owner) designators = [owner.canonical];
  } else {
    const tail = ctx.doc.text.slice(match.end, clauseEnd(unit, match.end)).replace(/[.\s]+$/, "");
    let offset = match.end;
    for (const chunk of tail.split(/(,\s*(?:and\s+)?|\s+and\s+)/)) {
      const start = offset + chunk.length - chunk.trimStart().length;
      offset += chunk.length;
      const text = chunk.trim().replace(/^the\s+/i, "");
      if (!text || /^(?:,|and)/.test(text) || /^,?\s*(?:and)?$/.test(chunk.trim())) continue;
      const end = start + chunk.trim().length;
      // The whole chunk named, or a name heading it after its titles ("Uzbek President Karimov" → Islam Karimov).
      const entity = unit.entities.find(
        (e) => e.start >= start && e.end <= end && (e.text.length >= text.length - 1 || (e.end === end && ACTORS.includes(e.type))),
      );
      designators.push(entity ? entity.canonical : text);
    }
  }
  return designators.filter((d) => d.split(/\s+/).length <= 6).map((designator) => compact({ org: org?.value, designator, date }));
}

const POSSESSION_CUE = /\b(?:has|have|had|having|with|numbers?|numbered|numbering|comprises?|comprising|boasts?|counts?|fields?|estimated\s+at|strength\s+of|total\s+of)\s+(?:[\w’'-]+\s+){0,3}$/i;
const SPEAKER = /\b(?:said|says|told|tells|estimated|estimates|claimed|according\s+to)\b/i;

function strengthFrame(ctx: Context, unit: Unit): { slots: AnySlots; at: number } | undefined {
  const found = memberCount(unit.text);
  if (!found) return undefined;
  const at = unit.start + found.start;
  // The cue stands before the number, modifiers included: "unlikely to have more than 100 members".
  const numberAt = at + found.text.search(/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands)\b/i);
  if (!POSSESSION_CUE.test(ctx.doc.text.slice(Math.max(unit.start, numberAt - 50), numberAt))) return undefined;
  const org = agentBefore(ctx, unit, at, ["ORG"]);
  let source: string | undefined;
  const cue = SPEAKER.exec(unit.text);
  if (cue) {
    const cueAt = unit.start + cue.index;
    const according = /according/i.test(cue[0]);
    const speaker = according
      ? objectAfter(ctx, unit, cueAt + cue[0].length, ["PERSON", "ORG"])
      : (unit.entities.filter((e) => e.type === "PERSON" && e.end <= cueAt).at(0) &&
          agentBefore(ctx, unit, cueAt, ["PERSON"])) ??
        objectAfter(ctx, unit, cueAt + cue[0].length, ["PERSON"], undefined, cueAt + cue[0].length + 40) ??
        agentBefore(ctx, unit, cueAt + cue[0].length, ["PERSON"]);
    source = speaker?.value;
  }
  const date = dateNear(ctx, unit, unit.start, unit.end, unit.start, unit.end)?.value;
  return { slots: compact({ org: org?.value ?? ctx.topic, members: found.quantity, date, source }), at };
}

/** Every trigger match of the sentence, one per place: the first trigger (in lexicon order) to claim a span keeps it. */
function matches(unit: Unit, types: ReadonlySet<EventType>): Match[] {
  const out: Match[] = [];
  for (const group of TRIGGER_GROUPS) {
    if (!types.has(group.type) || (group.gate && !group.gate.test(unit.text))) continue;
    for (const m of triggerMatches(group, unit.text)) {
      // The capture group that matched names the trigger; triggers earlier in the lexicon win at one position.
      const trigger = group.triggers[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]!;
      const start = unit.start + m.index;
      out.push({ trigger, start, end: start + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const ALL_TYPES: ReadonlySet<EventType> = new Set([
  "ATTACK", "PLEDGE", "SPLIT", "ALLIANCE", "FOUNDING", "LEADERSHIP", "DEATH", "DESIGNATION", "STRENGTH",
]);

/** Frames a group performs by saying so: its pledge, break or alliance is the statement itself. */
const SPEECH_ACTS: ReadonlySet<EventType> = new Set(["PLEDGE", "SPLIT", "ALLIANCE"]);

/**
 * Where the unit names a group among the frame's agent or parties, or a leader of one, as offsets of the
 * mentions' ends in it: who can speak for the group (a person speaking of "his group" only reports).
 */
function speakerEnds(ctx: Context, unit: Unit, slots: AnySlots): number[] {
  const actors = [slots.agent, ...(Array.isArray(slots.parties) ? slots.parties : [])].filter((name) => typeof name === "string");
  return unit.entities
    .filter((e) => (e.type === "ORG" && actors.includes(e.canonical)) || actors.includes(ctx.leaders.get(e.canonical) ?? ""))
    .map((e) => e.end - unit.start);
}

/** The draft frames one sentence states, for the event types in `types`. */
export function sentenceFrames(ctx: Context, unit: Unit, types: ReadonlySet<EventType> = ALL_TYPES): Draft[] {
  const drafts: Draft[] = [];
  // Made on the first draft (most sentences state none), then shared by the sentence's drafts; so is what its
  // words (hedges, attribution) make of its triggers. Negation is read per trigger.
  let evidence: Span[] | undefined;
  let statement: Certainty | undefined;
  const push = (type: EventType, slots: AnySlots | undefined, at: number, soft?: boolean) => {
    if (!slots) return;
    evidence ??= [span(ctx.doc, unit.start, unit.end)];
    let certainty = negatedAt(unit.text, at - unit.start) ? "negated" : (statement ??= statementCertainty(unit.text));
    if (certainty === "reported" && SPEECH_ACTS.has(type)) certainty = ownSpeechCertainty(unit.text, speakerEnds(ctx, unit, slots));
    drafts.push({ type, certainty, evidence, slots, at, unit: unit.index, ...(soft ? { soft } : {}) });
  };
  for (const match of matches(unit, types)) {
    switch (match.trigger.type) {
      case "ATTACK": {
        const slots = attackFrame(ctx, unit, match);
        if (slots && !negatedAt(unit.text, match.start - unit.start)) push("ATTACK", slots, match.start);
        break;
      }
      case "PLEDGE":
        push("PLEDGE", pledgeFrame(ctx, unit, match), match.start, match.trigger.soft);
        break;
      case "SPLIT": {
        const slots = splitFrame(ctx, unit, match);
        push("SPLIT", slots, match.start);
        // "Jundullah … formed out of the IMU": a splinter group's founding too, when it is named.
        if (slots && ctx.doc.entities.some((e) => e.canonical === slots.agent) && /formed/i.test(ctx.doc.text.slice(match.start, match.end)))
          push("FOUNDING", compact({ org: slots.agent, date: slots.date }), match.start);
        break;
      }
      case "ALLIANCE":
        for (const slots of allianceFrames(ctx, unit, match)) push("ALLIANCE", slots, match.start);
        break;
      case "FOUNDING":
        push("FOUNDING", foundingFrame(ctx, unit, match), match.start);
        break;
      case "LEADERSHIP":
        push("LEADERSHIP", leadershipFrame(ctx, unit, match), match.start);
        break;
      case "DEATH":
        push("DEATH", deathFrame(ctx, unit, match), match.start);
        break;
      case "DESIGNATION":
        for (const slots of designationFrames(ctx, unit, match)) push("DESIGNATION", slots, match.start);
        break;
      default:
        break;
    }
  }
  if (types.has("STRENGTH")) {
    const strength = strengthFrame(ctx, unit);
    if (strength) push("STRENGTH", strength.slots, strength.at);
  }
  // The dead of a named person's killing are a DEATH, not a separate attack.
  if (drafts.some((d) => d.type === "DEATH")) return drafts.filter((d) => d.type !== "ATTACK");
  return drafts;
}
