/**
 * List formats common in group profiles, one frame per item:
 *   "Formed: 1998"                                   → FOUNDING
 *   "February 16, 1999: Militants launched … (16+ killed, 100+ wounded)" → ATTACK
 *   "Usman Ghazi (August 2012 to December 2015): …"  → LEADERSHIP
 *   "- 2010: 2,500 – 4,000 (The Long War Journal)"   → STRENGTH
 *   "- U.S State Department Foreign Terrorist Organization (FTO): September 25, 2000 – Present." → DESIGNATION
 * The article's topic organisation is the subject of every item.
 */
import { isExcluded, span } from "../../pipeline/document.ts";
import type { AnySlots, Entity, EventType, Span, Time } from "../../pipeline/schema.ts";
import { addQuantity, casualties, parseQuantity, QUANTITY_SOURCE } from "../numbers.ts";
import { certaintyOf } from "./certainty.ts";
import { ROLE_WORDS, tollOf, type Context, type Unit } from "./context.ts";
import { blamed, methodOf, sentenceFrames, type Draft } from "./frames.ts";
import { allMatches } from "../regex.ts";
import { TRIGGERS } from "./triggers.ts";

export interface ListResult {
  drafts: Draft[];
  /** Event types that list items state for each unit, which the sentence pass then leaves alone. */
  claimed: Map<number, Set<EventType>>;
  /** Leadership items: the item's person and the end of their tenure, to date a death the item states without a date. */
  tenures: Map<number, { person: string; end?: string }>;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(ctx: Context): Line[] {
  const out: Line[] = [];
  const text = ctx.doc.text;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const trimmed = raw.trimEnd();
        // Inline reference markers ("[1]") are excluded; a line is out only when it starts in an excluded region.
    if (trimmed.trim() && !isExcluded(ctx.doc, start, start + 1)) {
      const lead = trimmed.length - trimmed.trimStart().length;
      out.push({ start: start + lead, end: start + trimmed.length, text: trimmed.trimStart() });
    }
    start = end + 1;
  }
  return out;
}

/** The first index of sorted `items` whose start is at least `pos`. */
function firstFrom(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of sorted `items` lying within [from, to), found by binary search, not by a scan of the document. */
function within<T extends { start: number; end: number }>(items: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstFrom(items, from); i < items.length && items[i]!.start < to; i++) if (items[i]!.end <= to) out.push(items[i]!);
  return out;
}

/** What list items look up by offset or name, built once per document. */
interface Lookup {
  times: Time[];
  entities: Entity[];
  named: Set<string>;
}
const lookups = new WeakMap<Context, Lookup>();
function lookup(ctx: Context): Lookup {
  let found = lookups.get(ctx);
  if (!found) {
    const byStart = <T extends { start: number }>(a: T, b: T) => a.start - b.start;
    found = {
      times: [...ctx.doc.times].sort(byStart),
      entities: [...ctx.doc.entities].sort(byStart),
      named: new Set(ctx.doc.entities.map((e) => e.canonical)),
    };
    lookups.set(ctx, found);
  }
  return found;
}
const timesOf = (ctx: Context) => lookup(ctx).times;

const timesIn = (ctx: Context, from: number, to: number) => within(timesOf(ctx), from, to);
/** The time mentions starting at `start`. */
function timesAt(ctx: Context, start: number): Time[] {
  const times = timesOf(ctx);
  const out: Time[] = [];
  for (let i = firstFrom(times, start); i < times.length && times[i]!.start === start; i++) out.push(times[i]!);
  return out;
}
const unitsIn = (ctx: Context, line: Line) => within(ctx.units, line.start, line.end);

/** A TIMEX3 value for a list header the time layer missed: a bare or qualified year. */
function headerValue(ctx: Context, from: number, to: number): string | undefined {
  const time = timesIn(ctx, from, to).find((t) => t.type === "DATE" && /^\d/.test(t.value));
  if (time) return time.value;
  return /\b(\d{4})\b/.exec(ctx.doc.text.slice(from, to))?.[1];
}

const LABEL = /^(?:(?:First|Last|Latest|Most\s+recent|Deadliest)\s+Attack|Attack)\s*:\s*/i;
const FIELD_FOUNDED = /^(?:Formed|Founded|Established|Created|Date\s+founded)\s*:\s*/i;
/** The attack triggers as one-shot (non-global) patterns, to test a list item's body. */
const ATTACK_TRIGGERS = TRIGGERS.filter((t) => t.type === "ATTACK").map((t) => new RegExp(t.pattern.source, "i"));

/** "February 16, 1999: …", "December 2002 – May 2003: …": the header's first time and the body's offset. */
function datedHeader(ctx: Context, line: Line, from: number): { time: Time; body: number } | undefined {
  const first = timesAt(ctx, from).find((t) => t.type === "DATE");
  if (!first) return undefined;
  let at = first.end;
  const range = /^\s*(?:–|—|-|to)\s*/.exec(ctx.doc.text.slice(at, line.end));
  if (range) {
    const second = timesAt(ctx, at + range[0].length)[0];
    if (second) at = second.end;
  }
  const colon = /^\s*:\s*/.exec(ctx.doc.text.slice(at, line.end));
  return colon ? { time: first, body: at + colon[0].length } : undefined;
}

/** The match of the first pattern (in lexicon order) that matches, without running the rest. */
function firstMatch(patterns: readonly RegExp[], text: string): RegExpExecArray | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return undefined;
}

function attackItem(ctx: Context, line: Line, header: { time: Time; body: number }, evidence: Span[]): Draft | undefined {
  const body = ctx.doc.text.slice(header.body, line.end);
  const trigger = firstMatch(ATTACK_TRIGGERS, body);
  if (!trigger) return undefined;
  const units = unitsIn(ctx, line);
  const parts = units.flatMap((unit) => sentenceFrames(ctx, unit, new Set(["ATTACK"])));
  const slots: AnySlots = {};
  // Named perpetrators win over descriptions ("Militants") from another sentence of the item.
  const { named } = lookup(ctx);
  const ranked = [...parts].sort((a, b) => Number(isNamed(b, named)) - Number(isNamed(a, named)));
  for (const part of ranked)
    for (const [key, value] of Object.entries(part.slots)) if (slots[key] === undefined && value !== undefined) slots[key] = value;
  // Each sentence of an item names its own victims ("kidnapped the mayor … took four Japanese geologists … hostage").
  const targets = [...new Set(parts.flatMap((part) => (Array.isArray(part.slots.targets) ? part.slots.targets.filter((t) => typeof t === "string") : [])))];
  if (targets.length) slots.targets = targets;
  const accused = units.map((unit) => blamed(ctx, unit) ?? affiliate(ctx, unit)).find((p) => p);
  if (accused) slots.perpetrators = [accused.value];
  Object.assign(slots, casualties(body));
  // Each sentence of an item that tells of a taking takes its own hostages ("kidnapped the mayor and three officials …
  // took four geologists … hostage"); one that only mentions them ("the 12 hostages were freed") adds none.
  const taken = units.filter((unit) => TAKING.test(unit.text)).map((unit) => tollOf(ctx, unit).hostages).filter((q) => q !== undefined);
  if (taken.length > 1) slots.hostages = taken.reduce(addQuantity);
  const method = methodOf(body);
  if (method) slots.method = method;
  slots.date = header.time.value;
  const firstUnit = units[0];
  return {
    type: "ATTACK",
    certainty: certaintyOf(body, trigger.index),
    evidence,
    slots,
    at: line.start,
    unit: firstUnit ? firstUnit.index : -1,
  };
}

const TAKING = /\b(?:kidnapped|abducted|took|seized)\b/i;

const AFFILIATED = /\b(?:was|were|is|are|been)\s+(?:[a-z]+\s+)?affiliated\s+with\s+(?:the\s+)?/gi;

/** The group a profile's attack item ties its attackers to: "It is possible that the militants were affiliated with the IMU". */
function affiliate(ctx: Context, unit: Unit): { value: string } | undefined {
  for (const match of allMatches(AFFILIATED, unit.text)) {
    const at = unit.start + match.index + match[0].length;
    const group = unit.entities.find((e) => e.start === at && e.type === "ORG");
    if (group) return { value: group.canonical };
  }
  return undefined;
}

const isNamed = (draft: Draft, named: Set<string>) =>
  Array.isArray(draft.slots.perpetrators) && draft.slots.perpetrators.some((p) => named.has(p));

const TENURE = new RegExp(`^\\s*\\(([^)]*)\\)\\s*:`);
const ROLE_IN_BODY = new RegExp(
  `\\b(?:served\\s+as|became|was\\s+named|was\\s+appointed)\\s+(?:(?:its|the|their|a|an)\\s+)?(?:(?:first|second|third|fourth|fifth|new|interim|acting)\\s+)*((?:[a-z-]+\\s+){0,2}?(?:${ROLE_WORDS})(?:\\s+(?:[a-z-]+\\s+)?(?:${ROLE_WORDS}))?)\\b`,
);

function leadershipItem(ctx: Context, line: Line, evidence: Span[]): { draft: Draft; person: string; end?: string } | undefined {
  const { entities } = lookup(ctx);
  let person: Entity | undefined;
  for (let i = firstFrom(entities, line.start); i < entities.length && entities[i]!.start === line.start; i++)
    if (entities[i]!.type === "PERSON") {
      person = entities[i];
      break;
    }
  if (!person) return undefined;
  const tenure = TENURE.exec(ctx.doc.text.slice(person.end, line.end));
  if (!tenure || !/\b(?:to|–|—|-|until)\b|[–—-]/.test(tenure[1]!)) return undefined;
  const inside = person.end + tenure[0].indexOf("(") + 1;
  const times = timesIn(ctx, inside, inside + tenure[1]!.length).filter((t) => t.type === "DATE");
  if (!times.length) return undefined;
  const start = times[0]!.value;
  const endValue = times[1]?.value;
  const end = endValue && endValue !== "PRESENT_REF" ? endValue : undefined;
  const role = ROLE_IN_BODY.exec(ctx.doc.text.slice(person.end, line.end))?.[1]?.toLowerCase() ?? "leader";
  const slots: AnySlots = { person: person.canonical, role, start };
  if (ctx.topic) slots.org = ctx.topic;
  if (end) slots.end = end;
  return {
    draft: { type: "LEADERSHIP", certainty: "asserted", evidence, slots, at: line.start, unit: unitsIn(ctx, line)[0]?.index ?? -1 },
    person: person.canonical,
    end,
  };
}

const STRENGTH_ITEM = new RegExp(`^[-•*]?\\s*(?:(?:early|mid|late)[\\s-]+)?[^:]{0,30}:\\s*(${QUANTITY_SOURCE})\\s*(?:\\(([^)]+)\\))?\\s*(?:\\[\\d+\\])?\\.?$`, "i");

function strengthItem(ctx: Context, line: Line, evidence: Span[]): Draft | undefined {
  if (!/^[-•*]/.test(line.text) && !/^\s*\d{4}\s*:/.test(line.text)) return undefined;
  const match = STRENGTH_ITEM.exec(line.text);
  if (!match) return undefined;
  const members = parseQuantity(match[1]!);
  const colon = line.start + line.text.indexOf(":");
  const date = headerValue(ctx, line.start, colon);
  if (!members || !date) return undefined;
  const slots: AnySlots = { members, date };
  if (ctx.topic) slots.org = ctx.topic;
  if (match[2]) {
    const sourceAt = line.start + line.text.lastIndexOf(match[2]);
    const entity = ctx.doc.entities.find((e) => e.start >= sourceAt && e.end <= sourceAt + match[2]!.length);
    slots.source = entity ? entity.canonical : match[2].trim();
  }
  // A figure given with its source is attributed to it (GUIDELINES §5, certainty).
  const certainty = slots.source ? "reported" : "asserted";
  return { type: "STRENGTH", certainty, evidence, slots, at: line.start, unit: unitsIn(ctx, line)[0]?.index ?? -1 };
}

const DESIGNATION_HEAD = /\b(?:terrorist|sanctions?|proscribed|banned|listed|designat\w*)\b/i;
const LIST_DESCRIPTOR = /\s*(?:Foreign\s+)?(?:Listed\s+|Proscribed\s+|Designated\s+)?Terrorist\s+(?:Organi[sz]ation|Entity|Group)s?(?:\s*\([A-Z]+\))?\s*$/i;

function designationItem(ctx: Context, line: Line, evidence: Span[]): Draft | undefined {
  if (!/^[-•*]/.test(line.text)) return undefined;
  const colonIndex = line.text.lastIndexOf(":", line.text.search(/\d/) >= 0 ? line.text.search(/\d{4}/) : line.text.length);
  if (colonIndex < 0) return undefined;
  const head = line.text.slice(0, colonIndex);
  if (!DESIGNATION_HEAD.test(head)) return undefined;
  const headStart = line.start;
  const colon = line.start + colonIndex;
  const date = headerValue(ctx, colon, line.end);
  if (!date) return undefined;
  const quoted = [...head.matchAll(/[“"][^”"]*[”"]/g)].map((q) => [headStart + q.index, headStart + q.index + q[0].length]);
  const inQuotes = (start: number) => quoted.some(([a, b]) => start >= a! && start < b!);
  // The designator is the body named before the listing words ("Government of Canada| Listed Terrorist Entity");
  // a name the tagger found for exactly those words gives its canonical ("UNSC" → UN Security Council).
  const body = head.replace(/^[-•*]\s*/, "").replace(/[“"][^”"]*[”"]/g, "").replace(LIST_DESCRIPTOR, "").trim();
  const entity = ctx.doc.entities.find(
    (e) => e.start >= headStart && e.end <= colon && ["ORG", "GPE"].includes(e.type) && !inQuotes(e.start) && e.text === body,
  );
  const designator = entity?.canonical ?? body;
  if (!designator) return undefined;
  const slots: AnySlots = { designator, date };
  if (ctx.topic) slots.org = ctx.topic;
  return { type: "DESIGNATION", certainty: "asserted", evidence, slots, at: line.start, unit: unitsIn(ctx, line)[0]?.index ?? -1 };
}

function foundedField(ctx: Context, line: Line, evidence: Span[]): Draft | undefined {
  const field = FIELD_FOUNDED.exec(line.text);
  if (!field || !ctx.topic) return undefined;
  const date = headerValue(ctx, line.start + field[0].length, line.end);
  if (!date) return undefined;
  return { type: "FOUNDING", certainty: "asserted", evidence, slots: { org: ctx.topic, date }, at: line.start, unit: unitsIn(ctx, line)[0]?.index ?? -1 };
}

const claim = (claimed: Map<number, Set<EventType>>, units: Unit[], type: EventType) => {
  for (const unit of units) {
    const set = claimed.get(unit.index) ?? new Set<EventType>();
    set.add(type);
    claimed.set(unit.index, set);
  }
};

export function listFrames(ctx: Context): ListResult {
  const result: ListResult = { drafts: [], claimed: new Map(), tenures: new Map() };
  for (const line of lines(ctx)) {
    const evidence = [span(ctx.doc, line.start, line.end)];
    const units = unitsIn(ctx, line);
    const label = LABEL.exec(line.text);
    const header = datedHeader(ctx, line, line.start + (label?.[0].length ?? 0));
    if (header) {
      const draft = attackItem(ctx, line, header, evidence);
      if (draft) {
        result.drafts.push(draft);
        claim(result.claimed, units, "ATTACK");
      }
      continue;
    }
    const founded = foundedField(ctx, line, evidence);
    if (founded) {
      result.drafts.push(founded);
      continue;
    }
    const leadership = leadershipItem(ctx, line, evidence);
    if (leadership) {
      result.drafts.push(leadership.draft);
      for (const unit of units) result.tenures.set(unit.index, { person: leadership.person, end: leadership.end });
      continue;
    }
    const item = strengthItem(ctx, line, evidence) ?? designationItem(ctx, line, evidence);
    if (item) {
      result.drafts.push(item);
      claim(result.claimed, units, item.type);
    }
  }
  return result;
}
