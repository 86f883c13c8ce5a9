/**
 * Argument filling: who stands before a trigger (the agent), what follows it
 * (the object), and which time and place attach to it. Works on one unit's
 * entity and time mentions; offsets are the document's.
 */
import type { Entity, EntityType, Time } from "../../pipeline/schema.ts";
import { ADMIN_NOUNS, isOrgName } from "./places.ts";
import { allMatches } from "../regex.ts";
import { isAdjunct as adjunctIn, ORG_ANAPHOR, resolveAnaphor, type Context, type Participant, type Unit } from "./context.ts";

export const ACTORS: readonly EntityType[] = ["ORG", "PERSON"];

/** A clause boundary that an agent search does not cross backwards. */
/** A full stop ends a clause; the stop of an abbreviation ("U.S. State Department") does not. */
const CLAUSE_BREAK = /[;:]|(?<!\b[A-Z])\.\s|\s[–—]\s|\b(?:but|while|whereas|although|however)\b/gi;

const fromEntity = (entity: Entity): Participant => ({
  value: entity.canonical,
  type: entity.type,
  start: entity.start,
  end: entity.end,
});

/** An offset's value read once per unit: the slot fillers ask for the clause around the same offsets many times. */
function memoized(find: (unit: Unit, pos: number) => number): (unit: Unit, pos: number) => number {
  const known = new WeakMap<Unit, Map<number, number>>();
  return (unit, pos) => {
    let values = known.get(unit);
    if (!values) {
      values = new Map();
      known.set(unit, values);
    }
    let value = values.get(pos);
    if (value === undefined) {
      value = find(unit, pos);
      values.set(pos, value);
    }
    return value;
  };
}

/** Where the clause holding `pos` begins inside `unit`. */
export const clauseStart = memoized((unit, pos) => {
  const head = unit.text.slice(0, pos - unit.start);
  let start = 0;
  for (const match of allMatches(CLAUSE_BREAK, head)) start = match.index + match[0].length;
  return unit.start + start;
});

const CLAUSE_END = /[;]|(?<!\b[A-Z])\.\s|\s[–—]\s|\b(?:but|while|whereas|however)\b/i;

/** Where the clause holding `pos` ends. */
export const clauseEnd = memoized((unit, pos) => {
  const match = CLAUSE_END.exec(unit.text.slice(pos - unit.start));
  return match ? pos + match.index : unit.end;
});

const isAdjunct = (ctx: Context, start: number) => adjunctIn(ctx.doc.text, start);

const PERSON_PRONOUN = /\b(?:he|she)\b/gi;
const POSSESSIVE_AFTER = /^(?:'s|’s)\s/;

/**
 * The nearest actor before `pos` in its clause that is no adjunct: an entity
 * or a resolved anaphor. A possessor ("the IMU's leadership") serves only
 * when nothing else does.
 */
export function agentBefore(
  ctx: Context,
  unit: Unit,
  pos: number,
  types: readonly EntityType[] = ACTORS,
  exclude?: string,
): Participant | undefined {
  const from = clauseStart(unit, pos);
  let best: Participant | undefined;
  let possessor: Participant | undefined;
  for (const entity of unit.entities) {
    if (entity.end > pos || entity.start < from || !types.includes(entity.type)) continue;
    if (entity.canonical === exclude || isAdjunct(ctx, entity.start)) continue;
    // "(IS)" after a name repeats it; it is no new candidate.
    if (ctx.doc.text[entity.start - 1] === "(" && ctx.doc.text[entity.end] === ")") continue;
    const possessive = POSSESSIVE_AFTER.test(ctx.doc.text.slice(entity.end, entity.end + 3));
    if (possessive && pos - entity.end > 12) possessor = fromEntity(entity);
    else best = fromEntity(entity);
  }
  const offset = best?.end ?? from;
  const region = ctx.doc.text.slice(offset, pos);
  let anaphor: Participant | undefined;
  const pronouns = [
    ...(types.includes("ORG") ? allMatches(ORG_ANAPHOR, region) : []),
    ...(types.includes("PERSON") ? allMatches(PERSON_PRONOUN, region) : []),
  ].sort((a, b) => a.index - b.index);
  for (const match of pronouns) {
    const start = offset + match.index;
    const end = start + match[0].length;
    if (isAdjunct(ctx, start)) continue;
    // A possessive pronoun is the agent only of a nominal trigger: "its allegiance to", "their break with".
    if (/^(?:its|their|our|his|her)$/i.test(match[0]) && end < pos - 16) continue;
    const value = resolveAnaphor(ctx, unit, match[0], start, exclude);
    if (!value) continue;
    const type = /^(?:he|she|his|her|him)$/i.test(match[0]) ? "PERSON" : "ORG";
    anaphor = { value, type, start, end };
  }
  return anaphor ?? best ?? possessor;
}

/** The first actor after `pos` in its clause; an anaphor ("to the group") takes the latest other group named before. */
export function objectAfter(
  ctx: Context,
  unit: Unit,
  pos: number,
  types: readonly EntityType[] = ACTORS,
  exclude?: string,
  limit = clauseEnd(unit, pos),
): Participant | undefined {
  const entity = unit.entities.find(
    (e) => e.start >= pos && e.start < limit && types.includes(e.type) && e.canonical !== exclude && ctx.doc.text[e.end] !== "-",
  );
  const stop = entity?.start ?? limit;
  const gap = ctx.doc.text.slice(pos, stop);
  const anaphor = /^\s*(?:to|with|from|of|against|on)?\s*(it|them|the (?:[a-z-]+ ){0,2}?(?:group|organi[sz]ation|movement))\b/i.exec(gap);
  if (anaphor && types.includes("ORG")) {
    const candidates = [...(ctx.units[unit.index - 1]?.entities ?? []), ...unit.entities].filter(
      (e) => e.type === "ORG" && e.end <= pos && e.canonical !== exclude,
    );
    const latest = candidates.at(-1);
    const start = pos + anaphor.index + anaphor[0].length - anaphor[1]!.length;
    if (latest) return { value: latest.canonical, type: "ORG", start, end: start + anaphor[1]!.length };
  }
  return entity ? wholeName(ctx, fromEntity(entity)) : undefined;
}

/** Every actor in a coordinated list after `pos` ("allied to Al Qaeda, the Afghan Taliban, and the TTP"). */
export function listAfter(ctx: Context, unit: Unit, pos: number, types: readonly EntityType[] = ["ORG"]): Participant[] {
  const first = objectAfter(ctx, unit, pos, types);
  if (!first) return [];
  const out = [first];
  let end = first.end;
  for (const entity of unit.entities) {
    if (entity.start < end || !types.includes(entity.type)) continue;
    const gap = ctx.doc.text.slice(end, entity.start);
    if (/^(?:\s*\([^)]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?$/i.test(gap)) {
      out.push(fromEntity(entity));
      end = entity.end;
    } else if (!/^\s*\([^)]*\)\s*$/.test(gap)) break;
    else end = entity.end;
  }
  return out;
}

/** Actors coordinated before `pos` in its clause ("the IMU and TTP also formed"). */
export function listBefore(ctx: Context, unit: Unit, pos: number, types: readonly EntityType[] = ACTORS): Participant[] {
  const last = agentBefore(ctx, unit, pos, types);
  if (!last) return [];
  const out = [last];
  const from = clauseStart(unit, pos);
  let start = last.start;
  for (const entity of [...unit.entities].reverse()) {
    if (entity.end > start || entity.start < from || !types.includes(entity.type)) continue;
    const gap = ctx.doc.text.slice(entity.end, start);
    if (!/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$/i.test(gap)) break;
    out.unshift(fromEntity(entity));
    start = entity.start;
  }
  return out;
}

/** A calendar date: a value that begins with a year (two digits at least), which no PRESENT_REF-like value does. */
const DATED = (time: Time) => time.type === "DATE" && /^\d\d/.test(time.value);

const SEEN_BY_ON = /\b(?:viewed|seen|obtained|reviewed|watched)\s+by\s+[^,.;]{1,40}?\s+(?:on|in)\s+$/i;

/** The calendar date nearest to [from, to), within [lo, hi); "since 2009" and ages do not date an event. */
export function dateNear(
  ctx: Context,
  unit: Unit,
  from: number,
  to: number,
  lo = clauseStart(unit, from),
  hi = clauseEnd(unit, to),
): Time | undefined {
  let best: Time | undefined;
  let bestDistance = Infinity;
  for (const time of unit.times) {
    if (!DATED(time) || time.start < lo || time.end > hi) continue;
    if (/\b(?:since|until|till|before|by)\s+(?:the\s+)?$/i.test(ctx.doc.text.slice(Math.max(0, time.start - 8), time.start))) continue;
    // "a video viewed by RFE/RL on August 6": when a reporter saw the record does not date what it shows.
    if (SEEN_BY_ON.test(ctx.doc.text.slice(Math.max(0, time.start - 60), time.start))) continue;
    let distance = time.end <= from ? from - time.end : time.start >= to ? time.start - to : 0;
    // A parenthetical "(between 20 - 24 March)" qualifies the date before it.
    if (/\([^)]*$/.test(ctx.doc.text.slice(Math.max(lo, time.start - 30), time.start))) distance += 1000;
    // "declared support in September 2014 and pledged loyalty in August 2015": a date does not cross "and <verb>".
    const between = time.end <= from ? ctx.doc.text.slice(time.end, to) : time.start >= to ? ctx.doc.text.slice(to, time.start) : "";
    if (/\band\s+(?:then\s+)?[a-z]+ed\b/i.test(between)) distance += 500;
    // Dates after the trigger ("attacked X on May 3") are as close as those before it.
    if (distance < bestDistance) {
      best = time;
      bestDistance = distance;
    }
  }
  return best;
}

/** A date heading its sentence ("On 1 January 2022, the OSCE observed 54 explosions …") dates what the sentence reports. */
export function sceneDate(ctx: Context, unit: Unit, before: number): Time | undefined {
  const first = unit.times[0];
  if (!first || !DATED(first) || first.end > before) return undefined;
  const lead = ctx.doc.text.slice(unit.start, first.start);
  const tail = ctx.doc.text.slice(first.end, first.end + 40);
  return /^\s*(?:(?:on|around|in|by|late|early|at|during)\s+)?(?:the\s+)?$/i.test(lead) && /^\s*(?:\([^)]*\)\s*)?[,:]/.test(tail) ? first : undefined;
}

/** How many sentences back a sentence without a date of its own may continue the report a day heads. */
const REPORT_REACH = 2;

/** A report of a protest or riot: what its later sentences tell of violence is background ("after a man was killed by the police") or policing. */
const PROTEST = /\b(?:protest(?:s|ed|ing|ers)?|riot(?:s|ed|ing|ers)?|demonstrat\w+|rall(?:y|ies|ied)|march(?:ed|es)|marchers|gathered|sit-ins?|petition\w*|placards?|slogans?|vigils?|took\s+to\s+the\s+streets?)\b/i;

/** A sentence that denies or doubts what it mentions: "No clashes were reported.", "It is unclear whether fighting took place." */
const UNSTATED = /\b(?:no|not|never|whether|unclear|unknown)\b|n['’]t\b/i;

type Report = { date: Time; unit: Unit };
/** Each unit's report, read once (null: none): every trigger of a sentence without a date asks. */
const reports = new WeakMap<Unit, Report | null>();

/**
 * The scene a sentence without a date of its own continues: the nearest
 * sentence before it that a day heads ("On 4 May 2022, in Veltra, armed men
 * tried to rob a bank. They exchanged fire with the police."), unless a dated
 * sentence stands between them, the sentence denies or doubts, or the report
 * or the sentence is of a protest or riot.
 */
export function reportScene(ctx: Context, unit: Unit): Report | undefined {
  let report = reports.get(unit);
  if (report === undefined) {
    report = findReport(ctx, unit) ?? null;
    reports.set(unit, report);
  }
  return report ?? undefined;
}

function findReport(ctx: Context, unit: Unit): Report | undefined {
  if (unit.times.some(DATED) || UNSTATED.test(unit.text) || PROTEST.test(unit.text)) return undefined;
  for (let back = 1; back <= REPORT_REACH; back++) {
    const before = ctx.units[unit.index - back];
    if (!before) return undefined;
    const date = sceneDate(ctx, before, before.end);
    if (date) return /^\d{4}-\d{2}-\d{2}/.test(date.value) && !PROTEST.test(before.text) ? { date, unit: before } : undefined;
    if (before.times.some(DATED)) return undefined;
  }
  return undefined;
}

/** A TIMEX3 value as a slot holds it (`mod` dropped). */
export const dateValue = (time: Time | undefined) => time?.value;

/** A place name used as a modifier: "Myanmar military", "Houthi forces", "Afghan army posts". */
const MODIFIER_USE = /^(?:\s+(?:military|forces|army|troops|police|policemen|government|authorities|soldiers|officials|militants|fighters|rebels|security|navy|air\s+force|regime|border\s+guards?|drone|air\s*strikes?|embassy|consulate)\b|-(?:led|backed|based|allied|aligned|linked|controlled))/i;
/** Words that may follow a place name that names where something happened. */
const AFTER_PLACE = new RegExp(
  String.raw`^\s+(?:(?:territorial|rural|urban)\s+(?:${ADMIN_NOUNS}|communit(?:y|ies))|${ADMIN_NOUNS}|camp|sector|zone|division|border|port|island|communit(?:y|ies)|airport|prison|hospital|market|road|highway|outside|inside|along|amid|on|in|at|near|and|or|to|from|with|by|for|during|after|before|where|which|who|that|was|were|is|are|has|had|have|but|as|of|said|says|also|late|early|last|this|these|when|while|since|until|between|into|against|without|amid|under|over|around|after|following|may|might|could|would|will|can|did|does|do|attack|attacks|bombing|bombings|blast|explosion|massacre|siege|shooting|airport|prison)\b|^\s*(?:[,.;:()[\]'’"“”–—-]|$)|^\s+[A-Z\d]`,
  "u",
);

/** A road named by the places it joins ("the Tsafe-Yankara road", "Bossangoa-Benzambe axis") runs between places; it is none of them. */
const ROUTE_NAME = /\p{L}-\p{Lu}/u;
const ROUTE_AFTER = /^\s+(?:road|highway|expressway|motorway|route|axis|corridor)\b/i;

/** A place named as an owner, not where the event happened: "the embassies of Israel", "the government of Canada", "the ruler of Okpara community". */
const OWNER_OF = String.raw`\b(?:embass(?:y|ies)|consulates?|government|forces|army|presidents?|prime\s+minister|citizens|nationals|rulers?|kings?|chiefs?|mayors?|governors?)\s+of\s+(?:the\s+)?`;
const OWNER_BEFORE = new RegExp(`${OWNER_OF}$`, "i");
/** A name after "to be" says what something is: "mines, presumed to be Ostrian, exploded". */
const PREDICATE_BEFORE = /\bto\s+be\s+(?:the\s+)?$/i;
const ADMIN_NOUN_AFTER = new RegExp(String.raw`^\s+(?:${ADMIN_NOUNS})\b`, "i");
/** The second of two owners: "the embassies of Israel and the U.S.". */
const OWNERS_BEFORE = new RegExp(String.raw`${OWNER_OF}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},?\s+and\s+(?:the\s+)?$`, "i");
/** A scene-setting locative at the head of the sentence: "On 4 March 2021, in Villa Serena, Monte Azul, …", "near Las Brisas, …", "in the rural area of Lakeside municipality". */
const SCENE = new RegExp(
  String.raw`^(?:[^,]{0,40},\s*)?(?:in|near|around|outside|between|close\s+to)\s+(?:the\s+)?(?:(?:rural\s+|urban\s+)?(?:${ADMIN_NOUNS}|vicinity|surroundings)\s+of\s+(?:the\s+)?)?$`,
  "iu",
);

/** Whether a place mention of `unit` is a scene-setting locative (SCENE), read once per mention: slots ask for each trigger. */
const sceneUse = new WeakMap<Entity, boolean>();
function setsScene(ctx: Context, unit: Unit, e: Entity): boolean {
  let scene = sceneUse.get(e);
  if (scene === undefined) {
    scene = SCENE.test(ctx.doc.text.slice(unit.start, e.start));
    sceneUse.set(e, scene);
  }
  return scene;
}

/**
 * Where the attackers or victims came from, were heading, lived, were based
 * or were taken, what a person stands for, or a road's namesake, not where the
 * attack happened: "a man from rural Damascus", "fired from their positions in
 * the Marlow region", "heading to Kessary", "tried to enter Israel", "a
 * delegate for Southwest state", "taken to a hospital in Dorrin", "coming
 * from the market in Dorrin", "who lives in Dorrin", "rebels based in Dorrin",
 * "on Dorrin road". Such a place is taken only when the text gives no other.
 */
const ORIGIN_OR_GOAL =
  /(?:\bfrom\s+(?:[\w-]+\s+){0,2}|(?<!\b(?:close|next|adjacent|addition)\s)\b(?:to|towards?|for|enter(?:ed|ing)?|reach(?:ed|ing)?|between)\s+(?:the\s+)?)$/i;
const FROM_POSITIONS = /\bfrom\s+(?:(?:a|an|their|its|his|her|the)\s+)?(?:[\w-]+\s+)?(?:positions?|bases?|camps?|territory|side)\s+(?:in|at|near|of)\s+(?:the\s+)?$/i;
const ASIDE_BEFORE =
  /(?:\b(?:taken|rushed|transported|evacuated|transferred|brought|admitted|moved|referred)\s+to\s+(?:[\w’'-]+\s+){0,4}?(?:in|at)|\b(?:coming|came|returning|returned|travell?ing|travell?ed|fleeing|fled|heading)\s+(?:back\s+|home\s+)?from\s+(?:[\w’'-]+\s+){0,4}?(?:in|at|of|near)|\b(?:lives?|lived|living|resides?|resided|residing|hails?|hailed|hailing)\s+(?:in|from)|\bbased\s+(?:in|at))\s+(?:the\s+)?$/i;
const ROAD_AFTER = /^\s+(?:road|highway|expressway|motorway)\b/i;
/** A word every ASIDE_BEFORE needs, found by plain search: most places have none before them, and the pattern is dearer. */
const hasAsideWord = (before: string) =>
  before.includes(" to ") || before.includes("from") || before.includes("liv") || before.includes("resid") || before.includes("hail") || before.includes("based");
/** The second end of "between X and Y", also after X's hierarchy: "between Dorrin (Velmar) and Kelvane", "between Dorrin, Kesh and Kelvane". */
const BETWEEN_AND = /\bbetween\s+(?:the\s+)?\p{Lu}(?:[^,;()]|,\s*\p{Lu}|\([^()]*\)){0,60}?\s+and\s+(?:the\s+)?$/u;

/** Whether a place mention is an origin, goal or other aside (ORIGIN_OR_GOAL and after), read once per mention. */
const originUse = new WeakMap<Entity, boolean>();
function isOriginOrGoal(ctx: Context, e: Entity): boolean {
  let origin = originUse.get(e);
  if (origin === undefined) {
    const before = ctx.doc.text.slice(Math.max(0, e.start - 50), e.start);
    // "between Dorrin (Velmar, Kesh) and": the first end's hierarchy may take the second end further away.
    const wide = ctx.doc.text.slice(Math.max(0, e.start - 70), e.start);
    origin =
      ORIGIN_OR_GOAL.test(before.slice(-24)) ||
      (before.includes("from") && FROM_POSITIONS.test(before)) ||
      (hasAsideWord(before) && ASIDE_BEFORE.test(before)) ||
      ROAD_AFTER.test(ctx.doc.text.slice(e.end, e.end + 12)) ||
      (wide.includes("between") && BETWEEN_AND.test(wide));
    originUse.set(e, origin);
  }
  return origin;
}

/** Between a place and the wider places given after it: " (", ", ", " district, ", "), ". */
const HIERARCHY_GAP = new RegExp(String.raw`^(?:\s+(?:${ADMIN_NOUNS}))?\s*\)?\s*[,(]\s*$`, "iu");

/** A unit's aside places (isOriginOrGoal) with the hierarchy given after each: "12 km from Dorrin (Velmar, Kesh)". */
const unitAsides = new WeakMap<Unit, Set<Entity>>();
function asidesOf(ctx: Context, unit: Unit): Set<Entity> {
  let asides = unitAsides.get(unit);
  if (!asides) {
    asides = new Set();
    let previous: Entity | undefined;
    for (const e of ctx.places(unit)) {
      if (isOriginOrGoal(ctx, e) || (previous && asides.has(previous) && HIERARCHY_GAP.test(ctx.doc.text.slice(previous.end, e.start)))) asides.add(e);
      previous = e;
    }
    unitAsides.set(unit, asides);
  }
  return asides;
}

/** Where a place name stands: after a locative preposition ("in the eastern", "on the outskirts of", "west of", "the village of tambon"). */
const LOCATIVE_SLOT = new RegExp(
  String.raw`(?:\b(?:in|near|at|on|outside|around|inside|across|along|into|within|over|toward|towards|nearby|to|from|between|via|through)|\b(?:${ADMIN_NOUNS}|vicinity|outskirts|surroundings|territory|front|part|side|(?:north|south)?(?:east|west)|north|south)\s+of)\s+(?:the\s+)?(?:\p{Ll}+\s+)?$`,
  "u",
);
const locativeUse = new WeakMap<Entity, boolean>();
function inLocativeSlot(ctx: Context, e: Entity): boolean {
  let locative = locativeUse.get(e);
  if (locative === undefined) {
    locative = LOCATIVE_SLOT.test(ctx.doc.text.slice(Math.max(0, e.start - 60), e.start));
    locativeUse.set(e, locative);
  }
  return locative;
}

/** The trigger's own object: "shelled Popasna", "targeted the Gire Tolan area". */
const VERB_OBJECT = /^\s+(?:the\s+)?$/;

/** A name that stands where a place stands: in a locative slot, or as the object of the trigger ending at `to`. */
const standsAsPlace = (ctx: Context, e: Entity, to: number) =>
  inLocativeSlot(ctx, e) || (e.start >= to && VERB_OBJECT.test(ctx.doc.text.slice(to, e.start)));

/** Whether a place mention names where something is, read once per mention (slots ask for each trigger). */
const whereUse = new WeakMap<Entity, boolean>();
function namesWhere(ctx: Context, e: Entity): boolean {
  let where = whereUse.get(e);
  if (where === undefined) {
    where = readsAsWhere(ctx, e);
    whereUse.set(e, where);
  }
  return where;
}

const readsAsWhere = (ctx: Context, e: Entity) =>
  !MODIFIER_USE.test(ctx.doc.text.slice(e.end, e.end + 16)) &&
  !(ROUTE_NAME.test(e.text) && ROUTE_AFTER.test(ctx.doc.text.slice(e.end, e.end + 16))) &&
  // "the Azerbaijan State Agency of Motor Roads": a place that begins an organisation's name modifies it; "Badr Organization" is none.
  !isOrgName(e.text) &&
  !beginsOrgName(ctx, e) &&
  // "Houthi positions", "DPR shelling": a name before a common noun modifies it.
  AFTER_PLACE.test(ctx.doc.text.slice(e.end, e.end + 24)) &&
  !OWNER_BEFORE.test(ctx.doc.text.slice(Math.max(0, e.start - 30), e.start)) &&
  // "presumed to be the Kora region" still names a place.
  !(PREDICATE_BEFORE.test(ctx.doc.text.slice(Math.max(0, e.start - 12), e.start)) && !ADMIN_NOUN_AFTER.test(ctx.doc.text.slice(e.end, e.end + 24))) &&
  // "the embassies of Israel and the U.S.": the second owner too.
  !OWNERS_BEFORE.test(ctx.doc.text.slice(Math.max(0, e.start - 60), e.start));

/**
 * The place an event happened: a scene-setting "in X" at the head of the
 * sentence, else the first place after the trigger in its window, else the
 * last one before it. Places used as modifiers ("Myanmar military") are not
 * where anything happened.
 */
export function placeNear(ctx: Context, unit: Unit, from: number, to: number, lo: number, hi: number): Participant | undefined {
  const mentions = ctx.places(unit);
  const scene = mentions.find((e) => e.end <= from && namesWhere(ctx, e) && setsScene(ctx, unit, e));
  if (scene) return fromEntity(scene);
  // "the Red Mosque siege", "the Manhattan attack": the place naming the event is where it happened.
  // Also inside a trigger that ends on its noun: "participated in the Red Mosque siege".
  const naming = mentions.find(
    (e) =>
      namesWhere(ctx, e) &&
      ((e.end <= from && /^\s+$/.test(ctx.doc.text.slice(e.end, from))) || (e.start > from && e.end < to && /^\s+[\w-]+$/.test(ctx.doc.text.slice(e.end, to)))),
  );
  if (naming) return wholePlace(ctx, unit, naming);
  // "a man from rural Damascus … in Al Bab": an origin is not where the event happened, if a place is given.
  const inWindow = mentions.filter((e) => namesWhere(ctx, e) && e.start >= lo && e.end <= hi);
  const aside = asidesOf(ctx, unit);
  const located = inWindow.filter((e) => !aside.has(e));
  const places = located.length ? located : inWindow;
  const after = places.filter((e) => e.start >= to);
  const before = places.filter((e) => e.end <= from);
  // A name that stands where a place stands comes first: "clashed with Koglweogo and volunteers in the village of Nyapaga".
  const slotted = (e: Entity) => standsAsPlace(ctx, e, to);
  let chosen = after.find(slotted) ?? before.filter(slotted).at(-1) ?? after[0] ?? before.at(-1);
  if (!chosen) return undefined;
  // "Tajikistan's Danghara district": the possessor is the wider place.
  const next = after[after.indexOf(chosen) + 1];
  if (next && /^(?:'s|’s)\s+$/.test(ctx.doc.text.slice(chosen.end, next.start))) chosen = next;
  // "Zabul Province, Afghanistan": the place before the comma is the narrower one.
  const wider = chosen;
  const narrower = mentions.find((e) => namesWhere(ctx, e) && e.end <= wider.start && /^,\s*$/.test(ctx.doc.text.slice(e.end, wider.start)));
  if (narrower) chosen = narrower;
  return wholePlace(ctx, unit, chosen);
}

/** Capitalised words (and Romance/Arabic particles) that continue a place name: "Porto| Velho", "Silao de la| Victoria". */
const CONTINUATION = /^(?:\s(?:(?:de|del|de la|de los|de las|das|do|da|dos|al|el|ar|as|ad|an)\s)?\p{Lu}[\p{L}’'-]*){1,3}/u;

function beginsOrgName(ctx: Context, e: Entity): boolean {
  const rest = CONTINUATION.exec(ctx.doc.text.slice(e.end, e.end + 60));
  return rest !== null && isOrgName(ctx.doc.text.slice(e.start, e.end + rest[0].length));
}

/**
 * The place as the text names it, when the tagger cut the name short ("Porto"
 * of "Porto Velho", "Tal" of "Tal Shanan"): the canonical name otherwise.
 */
function wholePlace(ctx: Context, unit: Unit, entity: Entity): Participant {
  const rest = CONTINUATION.exec(ctx.doc.text.slice(entity.end, Math.min(unit.end, entity.end + 60)));
  const end = rest ? entity.end + rest[0].length : entity.end;
  const overlapsOther = ctx.places(unit).some((e) => e !== entity && e.start < end && e.end > entity.end);
  if (!rest || overlapsOther) return fromEntity(entity);
  return { value: ctx.doc.text.slice(entity.start, end), type: entity.type, start: entity.start, end };
}

/** A noun phrase the text uses where it names no entity: "a group of Uzbeks", "foreign cyclists", "unknown gunmen". */
export function phraseAt(text: string, start: number, end: number): { value: string; start: number; end: number } | undefined {
  const slice = text.slice(start, end);
  const match = /^\s*(?:the\s+)?((?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?=\s+(?:in|at|on|near|who|which|that|from|by|during|with|as|after|before|while|when|and then|claiming|including)\b|\s*[,.;:(]|\s*$)/i.exec(slice);
  if (!match || !match[1]) return undefined;
  const value = match[1];
  const offset = start + match.index + match[0].length - value.length;
  return { value, start: offset, end: offset + value.length };
}

/** A name a word of which the tagger kept alone: "Islamic" of "the Islamic Caliphate". */
const CUT_NAME_AFTER = /^(?:\s+\p{Lu}[\p{L}’'-]*){1,3}/u;
/** Heads that name the same body as another name's head: the self-declared caliphate is the Islamic State. */
const SAME_HEAD: Record<string, string> = { Caliphate: "State", Khilafah: "State" };

/**
 * A participant as a name, never a bare adjective: a one-word mention the
 * text continues with capitalised words takes the whole name, and the
 * canonical of an entity of the document so named ("Islamic Caliphate" → Islamic State).
 */
export function wholeName(ctx: Context, participant: Participant): Participant {
  const text = ctx.doc.text.slice(participant.start, participant.end);
  if (/\s/.test(text)) {
    // "the Islamic Caliphate" tagged whole: the body the document names by the same head.
    const alias = sameHeadAlias(participant.value);
    return alias && ctx.doc.entities.some((e) => e.canonical === alias) ? { ...participant, value: alias } : participant;
  }
  if (!/^\p{Lu}\p{Ll}+(?:ic|ian|ese|ish|i)$/u.test(text)) return participant;
  const rest = CUT_NAME_AFTER.exec(ctx.doc.text.slice(participant.end, participant.end + 60));
  if (!rest) return participant;
  const end = participant.end + rest[0].length;
  const name = ctx.doc.text.slice(participant.start, end);
  const alias = sameHeadAlias(name) ?? name;
  const known = ctx.doc.entities.find((e) => e.text === name || e.text === alias || e.canonical === alias);
  return { ...participant, value: known?.canonical ?? name, end };
}

/** The name with its head replaced by one naming the same body ("Islamic Caliphate" → "Islamic State"), if it has such a head. */
function sameHeadAlias(name: string): string | undefined {
  const head = /\S+$/.exec(name)?.[0];
  const same = head && SAME_HEAD[head];
  return same ? name.slice(0, name.length - head.length) + same : undefined;
}

/** A second verb of the clause: "attacked civilians| and killed two", "killing one| and injuring two". */
const AND_VERB = String.raw`and\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+ing|took|shot|set|fled|left|stole|burnt|beat|hit|made|seized)\s+(?!and\b|or\b)`;
/** A word of a target phrase; "U.S." keeps its stops. */
const TARGET_WORD = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.?)+|[\p{L}\p{N}’'-]+)`;
/** "on a bike path" describes the target; "on Karachi airport", "in Manhattan" say where. */
const COMMON_NOUN_PHRASE = String.raw`\s+(?:a|an|the)(?=\s+\p{Ll})`;
const DESCRIBING_ON = String.raw`\s+on${COMMON_NOUN_PHRASE}`;
const TARGET_PHRASE = new RegExp(
  String.raw`^\s*(?:(?:[Tt]he|[Aa]n?)\s+)?(${TARGET_WORD}(?:(?:${DESCRIBING_ON})?\s+${TARGET_WORD}){0,5}?)` +
    String.raw`(?=\s+(?:in|at|on(?!${COMMON_NOUN_PHRASE})|near|who|which|that|from|by|during|with|as|after|before|while|when|killing|wounding|injuring|claiming|including|inside|outside|using|via|because|targeting|against|into|exploded|located|stationed|following|(?:north|south)?(?:east|west)\s+of|(?:north|south)\s+of|and\s+then|${AND_VERB})\b|\s*[,;:()\[]|\.(?:\s|$)|\s*$)`,
  "u",
);

/** The target an attack names in its own words, without an article: "convoy of Tajiki soldiers", "civilians on a bike path". */
export function targetPhraseAt(text: string, start: number, end: number): { value: string; start: number; end: number } | undefined {
  const match = TARGET_PHRASE.exec(text.slice(start, end));
  if (!match || !match[1]) return undefined;
  const value = match[1];
  const offset = start + match.index + match[0].length - value.length;
  return { value, start: offset, end: offset + value.length };
}

const ACTOR_NOUN =
  /\b((?:(?:a|an|the|some|several|two|three|four|five|unknown|unidentified|suspected|armed|presumed|alleged|local)\s+)*(?:[A-Z][\w-]*\s+(?:and|&)\s+)?(?:group of|band of|number of|pair of|members of|member of)?\s*(?:(?!(?:that|which|who|when|while|after|before|and|or|but|as|if|then|of|in|on|at|by|to|from|with|for)\s)[A-Za-z0-9-]+\s+){0,2}?(?:militants|militant|gunmen|gunman|fighters|attackers|assailants|insurgents|rebels|soldiers|forces|troops|police|policemen|men|man|members|group|gang|gangs|mob|bandits|extremists|jihadists|terrorists|Uzbeks|suspects|individuals|persons|people|residents|villagers|youths|officers|guerrillas|militia|militias|militiamen|traffickers|military|army|navy|kidnappers|robbers|criminals|hitmen|herders|vigilantes|personnel|force|elements|cadres|guard|guards|shooters|operatives|loyalists|tribesmen|pastoralists|individual|person|assailant|attacker|suspect|soldier|fighter|rebel|militiaman|trafficker|woman|youth|officer|snipers|coalition|division|brigade|battalion)(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?)\s*$/i;
/**
 * Where the subject describes the attackers' vehicle, post, dress or suspected aim before the verb: "gunmen in a
 * car| opened fire"; states a first deed: "gunmen| broke into a home and opened fire"; or names the craft a force
 * flew: "the army| warplanes struck".
 */
const TRAILING_ADJUNCT = /\s+(?:(?:positioned|stationed|based|deployed)\s+)?(?:in|on|at|near|onboard|aboard|riding|wearing|with|from)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+$|\s+(?:suspected|believed|thought|said)\s+to\s+(?:be|have)\s+[^,;]*$|\s+(?:[a-z]+ed|broke|took|stole|set|beat|hit|ran|fled|came)\s+(?:into|in|to|at|on|a|an|the|his|her|their)\s+[^,;]*?\s+and$|(?<=\b(?:army|military|air\s+force|navy|forces))\s+(?:warplanes?|jets?|helicopters?|drones?|aircraft|gunboats?|planes?)$/i;

/** A descriptive actor ending just before `pos`: "unknown gunmen shot", "Russian forces clashed". */
export function actorPhraseBefore(ctx: Context, unit: Unit, pos: number): Participant | undefined {
  const from = clauseStart(unit, pos);
  // "forces carried out| shelling": a support verb stands between the attackers and a trigger that names the act.
  const head = ctx.doc.text.slice(from, pos).replace(/\s+(?:also|then|reportedly|allegedly|presumably|have|has|had|were|was|carried(?:\s+out)?|conducted|launched|staged|mounted)\s*$/i, " ");
  const trimmed = head.replace(/\s+$/, "");
  const match = ACTOR_NOUN.exec(trimmed) ?? ACTOR_NOUN.exec(trimmed.replace(TRAILING_ADJUNCT, ""));
  if (!match) return undefined;
  // "2 Northland-led coalition| air raids": a count before a name counts the raids, not the attackers.
  const value = match[1]!.replace(/^(?:the|a|an)\s+/i, "").replace(/^\d+\s+(?=[A-Z])/, "").trim();
  const start = from + match.index + match[0].indexOf(value);
  return { value, start, end: start + value.length };
}
