/**
 * Records as brat standoff (https://brat.nlplab.org/standoff.html): a .txt
 * with the document's text and a .ann beside it, one annotation a line.
 *
 *   T  entity mentions and time expressions typed with their OntoNotes /
 *      TIMEX3 type; an event's evidence as the trigger, typed with the event
 *      type. A span with a line break inside becomes fragments joined by ";"
 *      ("0 5;6 20"), the text repeats the fragments joined by a space, as
 *      brat checks.
 *   E  one per event frame, "TYPE:Ttrigger role:Tn role2:Tm": entity slots
 *      point to a mention with that canonical name inside the evidence, else
 *      the nearest one; date slots to a time expression with that value.
 *   A  the frame's certainty ("Certainty E1 reported").
 *   #  AnnotatorNotes with the normalized values: "canonical: …" on
 *      mentions, "value: …" (and "mod: …") on times, the frame's slots as
 *      "role: value | role: value" on events (see slots.ts), and
 *      "evidence: start-end; …" when the trigger's fragments alone do not
 *      give back the evidence spans.
 *
 * brat counts offsets in code points, so they are converted (offsets.ts).
 * `BRAT_ANNOTATION_CONF` declares every type, role and attribute, and lets
 * spans overlap (an evidence sentence contains its mentions), so brat opens
 * the directory as is.
 */
import {
  CERTAINTIES,
  ENTITY_TYPES,
  EVENT_SLOTS,
  TIME_TYPES,
  slotKind,
  type DocumentRecord,
  type EventFrame,
  type EventType,
  type SlotValue,
} from "../schema.ts";
import { offsetMap, type OffsetMap } from "./offsets.ts";
import { formatSlots, formatSlotValue, LIST_SEPARATOR, SLOT_SEPARATOR } from "./slots.ts";

type Interval = [start: number, end: number];

/** Characters that end a line for brat's reader (Python's str.splitlines), so never inside a fragment. */
const LINE_BREAKS = /[\n\r\u2028\u2029\x0b\x0c\x85\x1c-\x1e]+/g;

/** [start, end) cut at line breaks, empty pieces dropped. */
function splitAtLineBreaks(text: string, start: number, end: number): Interval[] {
  const pieces: Interval[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(LINE_BREAKS)) {
    const at = start + m.index;
    if (at > from) pieces.push([from, at]);
    from = at + m[0].length;
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}

/** The fragments brat gets for a set of spans: sorted, cut at line breaks, and merged where they overlap or touch (brat rejects both). */
function fragmentsOf(text: string, spans: readonly { start: number; end: number }[]): Interval[] {
  const pieces = spans.flatMap((s) => splitAtLineBreaks(text, s.start, s.end)).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push([...piece]);
  }
  return merged;
}

/** The spans a reader recovers from fragments: neighbours separated only by line breaks are one span. */
export function spansOfFragments(text: string, fragments: readonly Interval[]): Interval[] {
  const spans: Interval[] = [];
  for (const [start, end] of fragments) {
    const last = spans.at(-1);
    const gap = last ? text.slice(last[1], start) : "";
    if (last && gap !== "" && gap.replace(LINE_BREAKS, "") === "") last[1] = end;
    else spans.push([start, end]);
  }
  return spans;
}

const ENTITY_ARG_TYPES = ENTITY_TYPES.join("|");
const TIME_ARG_TYPES = TIME_TYPES.join("|");

function eventTypeLine(type: EventType): string {
  const args = Object.keys(EVENT_SLOTS[type]).flatMap((role) => {
    const kind = slotKind(type, role);
    if (kind === "entities") return [`${role}*:${ENTITY_ARG_TYPES}`];
    if (kind === "entity") return [`${role}?:${ENTITY_ARG_TYPES}`];
    if (kind === "timex") return [`${role}?:${TIME_ARG_TYPES}`];
    return [];
  });
  return `${type}\t${args.join(", ")}`;
}

export const BRAT_ANNOTATION_CONF = [
  "# newsframes: entities (OntoNotes types), TIMEX3 time expressions, event frames.",
  "# Normalized values (canonical names, TIMEX3 values, slots) are in AnnotatorNotes.",
  "[entities]",
  ...ENTITY_TYPES,
  ...TIME_TYPES,
  "",
  "[relations]",
  "# Evidence sentences contain mentions and times; let any spans overlap.",
  "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>",
  "",
  "[events]",
  ...(Object.keys(EVENT_SLOTS) as EventType[]).map(eventTypeLine),
  "",
  "[attributes]",
  `Certainty\tArg:<EVENT>, Value:${CERTAINTIES.join("|")}`,
  "",
].join("\n");

/** Builds the .ann lines, numbering each kind of annotation from 1. */
class AnnWriter {
  readonly lines: string[] = [];
  private readonly counts = { T: 0, E: 0, A: 0, "#": 0 };
  private readonly map: OffsetMap;

  constructor(private readonly text: string) {
    this.map = offsetMap(text);
  }

  private next(prefix: keyof AnnWriter["counts"]): string {
    return `${prefix}${++this.counts[prefix]}`;
  }

  textBound(type: string, fragments: readonly Interval[], what: string): string {
    if (!fragments.length) throw new Error(`${what} is empty or covers only line breaks; brat cannot mark it`);
    const id = this.next("T");
    const offsets = fragments.map(([s, e]) => `${this.map.toCodePoints(s)} ${this.map.toCodePoints(e)}`).join(";");
    const text = fragments.map(([s, e]) => this.text.slice(s, e)).join(" ");
    this.lines.push(`${id}\t${type} ${offsets}\t${text}`);
    return id;
  }

  event(type: string, trigger: string, args: readonly string[]): string {
    const id = this.next("E");
    this.lines.push(`${id}\t${type}:${trigger}${args.map((a) => ` ${a}`).join("")}`);
    return id;
  }

  attribute(name: string, target: string, value: string) {
    this.lines.push(`${this.next("A")}\t${name} ${target} ${value}`);
  }

  note(target: string, fields: readonly string[]) {
    if (fields.length) this.lines.push(`${this.next("#")}\tAnnotatorNotes ${target}\t${fields.join(SLOT_SEPARATOR)}`);
  }

  codePoints([start, end]: Interval): string {
    return `${this.map.toCodePoints(start)}-${this.map.toCodePoints(end)}`;
  }
}

interface Located {
  start: number;
  end: number;
  id: string;
}

/** Distance between [start, end) and the closest evidence span; 0 inside one. */
function distance(item: { start: number; end: number }, evidence: EventFrame["evidence"]): number {
  return Math.min(
    ...evidence.map((s) =>
      item.start >= s.start && item.end <= s.end ? 0 : Math.max(s.start - item.end, item.start - s.end, 0) + 1,
    ),
  );
}

function nearest(candidates: readonly Located[] | undefined, evidence: EventFrame["evidence"]): Located | undefined {
  let best: Located | undefined;
  let bestDistance = Infinity;
  for (const c of candidates ?? []) {
    const d = distance(c, evidence);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The .ann file of a record over its text. */
export function toBratAnn(record: DocumentRecord, text: string): string {
  const ann = new AnnWriter(text);
  const mentionsByName = new Map<string, Located[]>();
  const timesByValue = new Map<string, Located[]>();

  record.entities.forEach((e, i) => {
    const id = ann.textBound(e.type, splitAtLineBreaks(text, e.start, e.end), `entities[${i}]`);
    ann.note(id, [`canonical: ${formatSlotValue("entity", e.canonical)}`]);
    push(mentionsByName, e.canonical, { start: e.start, end: e.end, id });
  });
  record.times.forEach((t, i) => {
    const id = ann.textBound(t.type, splitAtLineBreaks(text, t.start, t.end), `times[${i}]`);
    ann.note(id, [`value: ${t.value}`, ...(t.mod ? [`mod: ${t.mod}`] : [])]);
    push(timesByValue, t.value, { start: t.start, end: t.end, id });
  });

  record.events.forEach((event, i) => {
    const fragments = fragmentsOf(text, event.evidence);
    const trigger = ann.textBound(event.type, fragments, `events[${i}].evidence`);
    const args: string[] = [];
    const roleCounts = new Map<string, number>();
    const addArg = (role: string, target: Located | undefined) => {
      if (!target) return;
      const n = (roleCounts.get(role) ?? 0) + 1;
      roleCounts.set(role, n);
      // brat numbers repeated roles: perpetrators, perpetrators2, …
      args.push(`${role}${n > 1 ? n : ""}:${target.id}`);
    };
    for (const [role, value] of Object.entries(event.slots as Record<string, SlotValue | undefined>)) {
      const kind = slotKind(event.type, role);
      if (kind === "entity" || kind === "entities")
        for (const name of [value as string | string[]].flat()) addArg(role, nearest(mentionsByName.get(name), event.evidence));
      else if (kind === "timex") addArg(role, nearest(timesByValue.get(value as string), event.evidence));
    }
    const id = ann.event(event.type, trigger, args);
    ann.attribute("Certainty", id, event.certainty);

    const recovered = spansOfFragments(text, fragments);
    const exact =
      recovered.length === event.evidence.length &&
      recovered.every(([s, e], j) => s === event.evidence[j]!.start && e === event.evidence[j]!.end);
    const evidence = exact
      ? []
      : [`evidence: ${event.evidence.map((s) => ann.codePoints([s.start, s.end])).join(LIST_SEPARATOR)}`];
    ann.note(id, [...formatSlots(event), ...evidence]);
  });
  return ann.lines.length ? ann.lines.join("\n") + "\n" : "";
}
