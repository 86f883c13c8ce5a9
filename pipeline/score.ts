/**
 * The scorer (SPEC "Scores"): predicted records against gold ones, matched by
 * `id`, one function per layer. Everything here is arithmetic over records;
 * report.ts turns the result into text.
 *
 * Conventions, all stated in the report's legend:
 * - Matching is one-to-one: a gold item pairs with at most one predicted item
 *   and vice versa, as many pairs as possible (`matchOneToOne`).
 * - Entity `partial` mode counts an overlapping same-type match as a full TP
 *   (not SemEval-2013's half credit).
 * - Per-type rows count TP and FN under the gold item's type and FP under the
 *   predicted item's type.
 * - A slot of an unmatched frame counts too: FN for a gold frame's slot, FP for
 *   a predicted frame's slot; list slots count element by element.
 */
import {
  ENTITY_TYPES,
  EVENT_SLOTS,
  EVENT_TYPES,
  KEY_PARTICIPANTS,
  TIME_TYPES,
  slotKind,
  type AnySlots,
  type DocumentRecord,
  type Entity,
  type EventFrame,
  type EventType,
  type SlotKind,
  type SlotValue,
  type Time,
} from "./schema.ts";

// ---------------------------------------------------------------- counts

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
/** Counts by row label (an entity type, an event type, "ATTACK.date" …). */
export type CountTable = Record<string, Counts>;

/** Counts with their precision, recall and F1; null where the ratio is 0/0. */
export interface Figures extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Agreement {
  agree: number;
  total: number;
  accuracy: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function figures({ tp, fp, fn }: Counts): Figures {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

function agreement(agree: number, total: number): Agreement {
  return { agree, total, accuracy: ratio(agree, total) };
}

function add(table: CountTable, row: string, counts: Partial<Counts>) {
  const cell = (table[row] ??= { tp: 0, fp: 0, fn: 0 });
  cell.tp += counts.tp ?? 0;
  cell.fp += counts.fp ?? 0;
  cell.fn += counts.fn ?? 0;
}

function sum(rows: Iterable<Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of rows) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

function addTable(into: CountTable, from: CountTable) {
  for (const [row, counts] of Object.entries(from)) add(into, row, counts);
}

// ---------------------------------------------------------------- matching

/**
 * Pairs gold and predicted items one-to-one, returning [goldIndex, predIndex]
 * pairs. `affinity` is null for items that cannot match, else a preference
 * (higher is better). The best pairs are taken first (greedy, by affinity);
 * then augmenting paths (Kuhn's algorithm) add pairs until there are as many
 * as possible, each unpaired gold item preferring a free candidate to moving
 * an existing pair.
 */
export function matchOneToOne<G, P>(
  gold: readonly G[],
  pred: readonly P[],
  affinity: (g: G, p: P) => number | null,
): Array<[number, number]> {
  const edges = gold.flatMap((g, i) =>
    pred.flatMap((p, j) => {
      const a = affinity(g, p);
      return a === null ? [] : [{ i, j, a }];
    }),
  );
  edges.sort((x, y) => y.a - x.a || x.i - y.i || x.j - y.j);
  const candidates: number[][] = gold.map(() => []);
  for (const { i, j } of edges) candidates[i]!.push(j);

  const partnerOfGold: number[] = gold.map(() => -1);
  const partnerOfPred: number[] = pred.map(() => -1);
  const pair = (i: number, j: number) => {
    partnerOfGold[i] = j;
    partnerOfPred[j] = i;
  };
  for (const { i, j } of edges) if (partnerOfGold[i] === -1 && partnerOfPred[j] === -1) pair(i, j);

  const augment = (i: number, seen: Set<number>): boolean => {
    const free = candidates[i]!.find((j) => partnerOfPred[j] === -1);
    if (free !== undefined) {
      pair(i, free);
      return true;
    }
    for (const j of candidates[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      if (augment(partnerOfPred[j]!, seen)) {
        pair(i, j);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < gold.length; i++) if (partnerOfGold[i] === -1) augment(i, new Set());
  return partnerOfGold.flatMap((j, i) => (j === -1 ? [] : [[i, j] as [number, number]]));
}

interface Interval {
  start: number;
  end: number;
}

/** Characters shared by two spans (0 when they do not overlap). */
export function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const sameSpan = (a: Interval, b: Interval) => a.start === b.start && a.end === b.end;

/** What one layer's matching left over, for the error listing. */
function unmatched<G, P>(gold: readonly G[], pred: readonly P[], pairs: Array<[number, number]>) {
  const g = new Set(pairs.map(([i]) => i));
  const p = new Set(pairs.map(([, j]) => j));
  return { gold: gold.filter((_, i) => !g.has(i)), pred: pred.filter((_, j) => !p.has(j)) };
}

/** A matching counted by type: TP and FN under the gold item's type, FP under the predicted item's. */
function countByType<T extends { type: string }>(gold: readonly T[], pred: readonly T[], pairs: Array<[number, number]>) {
  const table: CountTable = {};
  for (const [i] of pairs) add(table, gold[i]!.type, { tp: 1 });
  const left = unmatched(gold, pred, pairs);
  for (const g of left.gold) add(table, g.type, { fn: 1 });
  for (const p of left.pred) add(table, p.type, { fp: 1 });
  return { table, left };
}

// ---------------------------------------------------------------- errors

export type ErrorLayer = "entities" | "times" | "events" | "slots" | "excluded";

/** One miss (gold not found), false alarm (predicted, not in gold) or slot mismatch. */
export interface ScoreError {
  layer: ErrorLayer;
  kind: "miss" | "false alarm" | "mismatch";
  doc: string;
  start: number;
  end: number;
  detail: string;
}

const quote = (s: string) => JSON.stringify(s);
const at = (s: Interval) => `[${s.start}, ${s.end})`;

/** The items on the other side that overlap `item`, described for an error line. */
function overlapping<T extends Interval>(item: Interval, others: readonly T[], describe: (t: T) => string): string {
  const hits = others.filter((o) => overlap(item, o) > 0);
  return hits.length ? hits.map((o) => `${describe(o)} ${at(o)}`).join(", ") : "nothing";
}

/** A miss for each gold item left unmatched and a false alarm for each predicted one, with what the other side has there. */
function spanErrors<T extends Interval>(
  layer: ErrorLayer,
  doc: string,
  sides: { gold: readonly T[]; pred: readonly T[] },
  left: { gold: readonly T[]; pred: readonly T[] },
  describe: (t: T) => string,
): ScoreError[] {
  return [
    ...left.gold.map((g): ScoreError => ({ layer, kind: "miss", doc, start: g.start, end: g.end,
      detail: `gold ${describe(g)}; predicted here: ${overlapping(g, sides.pred, describe)}` })),
    ...left.pred.map((p): ScoreError => ({ layer, kind: "false alarm", doc, start: p.start, end: p.end,
      detail: `predicted ${describe(p)}; gold here: ${overlapping(p, sides.gold, describe)}` })),
  ];
}

// ---------------------------------------------------------------- entities

export const ENTITY_MODES = ["strict", "exact", "partial", "type"] as const;
export type EntityMode = (typeof ENTITY_MODES)[number];

/** How well a gold and a predicted mention match in each mode (null: no match). */
const ENTITY_AFFINITY: Record<EntityMode, (g: Entity, p: Entity) => number | null> = {
  strict: (g, p) => (sameSpan(g, p) && g.type === p.type ? 1 : null),
  exact: (g, p) => (sameSpan(g, p) ? 1 : null),
  partial: (g, p) => (g.type === p.type && overlap(g, p) > 0 ? overlap(g, p) : null),
  // Overlap is what matters; a same-type candidate wins a tie.
  type: (g, p) => (overlap(g, p) > 0 ? overlap(g, p) + (g.type === p.type ? 0.5 : 0) : null),
};

/** The four modes' counts by type; errors are listed for strict mode. */
export function scoreEntities(gold: DocumentRecord, pred: DocumentRecord) {
  const modes = {} as Record<EntityMode, CountTable>;
  let errors: ScoreError[] = [];
  for (const mode of ENTITY_MODES) {
    const pairs = matchOneToOne(gold.entities, pred.entities, ENTITY_AFFINITY[mode]);
    const { table, left } = countByType(gold.entities, pred.entities, pairs);
    modes[mode] = table;
    if (mode === "strict")
      errors = spanErrors("entities", gold.id, { gold: gold.entities, pred: pred.entities }, left, (e) => `${e.type} ${quote(e.text)}`);
  }
  return { modes, errors };
}

// ---------------------------------------------------------------- times

export const TIME_MODES = ["strict", "relaxed", "value"] as const;
export type TimeMode = (typeof TIME_MODES)[number];

const TIME_AFFINITY: Record<TimeMode, (g: Time, p: Time) => number | null> = {
  strict: (g, p) => (sameSpan(g, p) ? 1 : null),
  relaxed: (g, p) => (overlap(g, p) > 0 ? overlap(g, p) : null),
  value: (g, p) => (overlap(g, p) > 0 && g.type === p.type && g.value === p.value ? overlap(g, p) : null),
};

/** Counts by mode, value-mode counts by type, type agreement over relaxed matches; errors are listed for value mode. */
export function scoreTimes(gold: DocumentRecord, pred: DocumentRecord) {
  const modes: CountTable = {};
  let valueByType: CountTable = {};
  let errors: ScoreError[] = [];
  let sameType = 0;
  let relaxedPairs = 0;
  for (const mode of TIME_MODES) {
    const pairs = matchOneToOne(gold.times, pred.times, TIME_AFFINITY[mode]);
    const left = unmatched(gold.times, pred.times, pairs);
    add(modes, mode, { tp: pairs.length, fn: left.gold.length, fp: left.pred.length });
    if (mode === "relaxed") {
      relaxedPairs = pairs.length;
      sameType = pairs.filter(([i, j]) => gold.times[i]!.type === pred.times[j]!.type).length;
    }
    if (mode === "value") {
      valueByType = countByType(gold.times, pred.times, pairs).table;
      errors = spanErrors("times", gold.id, { gold: gold.times, pred: pred.times }, left, (t) => `${t.type} ${t.value} ${quote(t.text)}`);
    }
  }
  return { modes, valueByType, typeAgreement: { agree: sameType, total: relaxedPairs }, errors };
}

// ---------------------------------------------------------------- slot values

/** Folds a name for comparison: case, accents, punctuation, spaces and a leading "the" do not count. */
export function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^\W*the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The folded names that stand for an entity slot value in a gold document. */
export type NameIndex = (value: string) => Set<string>;

/**
 * MUC convention: a gold entity slot value stands for itself, its canonical
 * name, and the text of every gold mention with that canonical name.
 */
export function nameIndex(gold: DocumentRecord): NameIndex {
  const namesOf = new Map<string, Set<string>>(); // folded canonical -> folded names
  const canonicalsOf = new Map<string, Set<string>>(); // folded mention text -> folded canonicals
  for (const e of gold.entities) {
    const canonical = fold(e.canonical);
    const text = fold(e.text);
    (namesOf.get(canonical) ?? namesOf.set(canonical, new Set([canonical])).get(canonical)!).add(text);
    (canonicalsOf.get(text) ?? canonicalsOf.set(text, new Set()).get(text)!).add(canonical);
  }
  return (value) => {
    const folded = fold(value);
    const canonicals = namesOf.has(folded) ? [folded] : [...(canonicalsOf.get(folded) ?? [])];
    return new Set([folded, ...canonicals.flatMap((c) => [...namesOf.get(c)!])]);
  };
}

const asList = (v: SlotValue | undefined): string[] => (Array.isArray(v) ? v : []);

function sameValue(kind: SlotKind, gold: SlotValue, pred: SlotValue, names: NameIndex): boolean {
  if (kind === "entity") return typeof gold === "string" && typeof pred === "string" && names(gold).has(fold(pred));
  if (kind === "quantity")
    return typeof gold === "object" && typeof pred === "object" && !Array.isArray(gold) && !Array.isArray(pred)
      && gold.min === pred.min && gold.max === pred.max;
  return gold === pred; // timex values and labels
}

/** One role compared: list slots element by element (as sets), others as one value each. */
export function compareSlot(
  kind: SlotKind,
  gold: SlotValue | undefined,
  pred: SlotValue | undefined,
  names: NameIndex,
): Counts {
  if (kind === "entities") {
    const g = asList(gold);
    const p = asList(pred);
    const tp = matchOneToOne(g, p, (gv, pv) => (names(gv).has(fold(pv)) ? 1 : null)).length;
    return { tp, fp: p.length - tp, fn: g.length - tp };
  }
  if (gold === undefined || pred === undefined) return { tp: 0, fp: pred === undefined ? 0 : 1, fn: gold === undefined ? 0 : 1 };
  return sameValue(kind, gold, pred, names) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
}

const kindOf = (type: EventType, role: string): SlotKind => slotKind(type, role) ?? "label";
const slotsOf = (frame: EventFrame): AnySlots => frame.slots as AnySlots;
const show = (v: SlotValue | undefined) => (v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v));

// ---------------------------------------------------------------- events

const evidenceOverlap = (g: EventFrame, p: EventFrame) =>
  g.evidence.reduce((total, a) => total + p.evidence.reduce((t, b) => t + overlap(a, b), 0), 0);

function describeFrame(frame: EventFrame): string {
  const slots = Object.entries(slotsOf(frame)).map(([role, v]) => `${role}=${show(v)}`);
  return `${frame.type} (${frame.certainty}) ${slots.join(" ")}`.trim();
}

/** Frame counts by type, slot counts by type and role, certainty agreement over matched frames. */
export function scoreEvents(gold: DocumentRecord, pred: DocumentRecord) {
  const slots: CountTable = {};
  const errors: ScoreError[] = [];
  const names = nameIndex(gold);
  /** Adds every role either frame fills to `slots`; returns the roles that did not agree. */
  const countSlots = (type: EventType, g: AnySlots, p: AnySlots) =>
    Object.keys(EVENT_SLOTS[type]).filter((role) => {
      const counts = compareSlot(kindOf(type, role), g[role], p[role], names);
      if (counts.tp || counts.fp || counts.fn) add(slots, `${type}.${role}`, counts);
      return counts.fp || counts.fn;
    });
  const error = (kind: ScoreError["kind"], layer: ErrorLayer, frame: EventFrame, detail: string) => {
    const { start, end } = frame.evidence[0]!;
    errors.push({ layer, kind, doc: gold.id, start, end, detail });
  };

  // Best by evidence overlap; among equal overlaps (frames stated in one sentence), by agreeing slots.
  const slotAgreement = (g: EventFrame, p: EventFrame) => {
    const roles = Object.keys(EVENT_SLOTS[g.type]);
    const agreeing = roles.reduce((n, role) => n + compareSlot(kindOf(g.type, role), slotsOf(g)[role], slotsOf(p)[role], names).tp, 0);
    return agreeing / (agreeing + 1);
  };
  const pairs = matchOneToOne(gold.events, pred.events, (g, p) =>
    g.type === p.type && evidenceOverlap(g, p) > 0 ? evidenceOverlap(g, p) + slotAgreement(g, p) : null,
  );
  const { table: frames, left } = countByType(gold.events, pred.events, pairs);
  let sameCertainty = 0;
  for (const [i, j] of pairs) {
    const g = gold.events[i]!;
    const p = pred.events[j]!;
    if (g.certainty === p.certainty) sameCertainty++;
    for (const role of countSlots(g.type, slotsOf(g), slotsOf(p))) {
      const [gv, pv] = [slotsOf(g)[role], slotsOf(p)[role]];
      const kind = gv === undefined ? "false alarm" : pv === undefined ? "miss" : "mismatch";
      error(kind, "slots", g, `${g.type}.${role}: gold ${show(gv)}, predicted ${show(pv)}`);
    }
  }
  for (const g of left.gold) {
    countSlots(g.type, slotsOf(g), {});
    error("miss", "events", g, `gold ${describeFrame(g)}`);
  }
  for (const p of left.pred) {
    countSlots(p.type, {}, slotsOf(p));
    error("false alarm", "events", p, `predicted ${describeFrame(p)}`);
  }
  return { frames, slots, certaintyAgreement: { agree: sameCertainty, total: pairs.length }, errors };
}

/**
 * The slots that identify a real-world event in the corpus-level view: its
 * key participants, and the date for the types one participant has many of
 * (a place's attacks, a group's yearly strength estimates).
 */
const DATED_KEYS: ReadonlySet<EventType> = new Set(["ATTACK", "STRENGTH"]);
export const keySlots = (type: EventType): readonly string[] => [
  ...(KEY_PARTICIPANTS[type] as readonly string[]),
  ...(DATED_KEYS.has(type) ? ["date"] : []),
];

/**
 * Corpus-level view, as event databases count: evidence is ignored, and frames
 * of one document match when their type and every key slot agree (a key slot
 * missing on both sides agrees; present on one side only, it does not).
 */
export function scoreEventKeys(gold: DocumentRecord, pred: DocumentRecord): CountTable {
  const names = nameIndex(gold);
  const sameKeys = (g: EventFrame, p: EventFrame) =>
    g.type === p.type &&
    keySlots(g.type).every((role) => {
      const c = compareSlot(kindOf(g.type, role), slotsOf(g)[role], slotsOf(p)[role], names);
      return c.fp === 0 && c.fn === 0;
    });
  const pairs = matchOneToOne(gold.events, pred.events, (g, p) => (sameKeys(g, p) ? 1 : null));
  return countByType(gold.events, pred.events, pairs).table;
}

// ---------------------------------------------------------------- excluded regions

/** Sorted, disjoint intervals covering the same characters. */
function merge(spans: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else if (s.end > s.start) out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The parts of merged intervals `a` that merged intervals `b` do not cover. */
function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return a.flatMap((s) => {
    const parts: Interval[] = [];
    let from = s.start;
    for (const cut of b) {
      if (cut.end <= from || cut.start >= s.end) continue;
      if (cut.start > from) parts.push({ start: from, end: cut.start });
      from = Math.max(from, cut.end);
    }
    if (from < s.end) parts.push({ start: from, end: s.end });
    return parts;
  });
}

/** Characters in `spans`; given the text, only the non-space ones (whether a region takes its line's newline is a matter of taste). */
const size = (spans: readonly Interval[], text?: string) =>
  spans.reduce((n, s) => n + (text === undefined ? s.end - s.start : text.slice(s.start, s.end).replace(/\s+/g, "").length), 0);

/** Excluded regions compared character by character (`text`: the article, to leave whitespace out). */
export function scoreExcluded(gold: DocumentRecord, pred: DocumentRecord, text?: string) {
  const g = merge(gold.excluded);
  const p = merge(pred.excluded);
  const missed = subtract(g, p).filter((s) => size([s], text) > 0);
  const extra = subtract(p, g).filter((s) => size([s], text) > 0);
  const counts: Counts = { tp: size(g, text) - size(missed, text), fp: size(extra, text), fn: size(missed, text) };
  const error = (kind: ScoreError["kind"], detail: string) => (s: Interval): ScoreError =>
    ({ layer: "excluded", kind, doc: gold.id, start: s.start, end: s.end, detail });
  return {
    counts,
    errors: [...missed.map(error("miss", "gold excluded, predicted kept")), ...extra.map(error("false alarm", "predicted excluded, gold kept"))],
  };
}

// ---------------------------------------------------------------- corpus

export interface FigureTable {
  rows: Record<string, Figures>;
  micro: Figures;
}

export interface Scorecard {
  documents: { scored: string[]; withoutPrediction: string[]; withoutGold: string[] };
  entities: Record<EntityMode, FigureTable>;
  times: Record<TimeMode, Figures> & { valueByType: FigureTable; typeAccuracy: Agreement };
  events: { frames: FigureTable; certaintyAccuracy: Agreement; slots: FigureTable; corpusView: FigureTable };
  excluded: Figures;
  errors: ScoreError[];
}

/** Rows in `order` (all of them, or only those with counts), plus the micro average. */
function figureTable(table: CountTable, order: readonly string[], keepEmpty: boolean): FigureTable {
  const rows: Record<string, Figures> = {};
  for (const row of order) {
    const c = table[row];
    if (c || keepEmpty) rows[row] = figures(c ?? { tp: 0, fp: 0, fn: 0 });
  }
  return { rows, micro: figures(sum(Object.values(table))) };
}

const SLOT_ROWS = EVENT_TYPES.flatMap((type) => Object.keys(EVENT_SLOTS[type]).map((role) => `${type}.${role}`));

/**
 * Scores every document present on both sides; lists those present on one
 * side only. `textOf` gives an article's text where known (for excluded regions).
 */
export function scoreCorpus(
  gold: readonly DocumentRecord[],
  pred: readonly DocumentRecord[],
  textOf: (id: string) => string | undefined = () => undefined,
): Scorecard {
  const predById = new Map(pred.map((r) => [r.id, r]));
  const goldIds = new Set(gold.map((r) => r.id));
  const entities = Object.fromEntries(ENTITY_MODES.map((m) => [m, {} as CountTable])) as Record<EntityMode, CountTable>;
  const times: CountTable = {};
  const timeValues: CountTable = {};
  const frames: CountTable = {};
  const slots: CountTable = {};
  const corpusView: CountTable = {};
  const excluded: CountTable = {};
  const typeAgreement = { agree: 0, total: 0 };
  const certaintyAgreement = { agree: 0, total: 0 };
  const errors: ScoreError[] = [];
  const scored: string[] = [];

  for (const g of gold) {
    const p = predById.get(g.id);
    if (!p) continue;
    scored.push(g.id);
    const e = scoreEntities(g, p);
    for (const mode of ENTITY_MODES) addTable(entities[mode], e.modes[mode]);
    const t = scoreTimes(g, p);
    addTable(times, t.modes);
    addTable(timeValues, t.valueByType);
    typeAgreement.agree += t.typeAgreement.agree;
    typeAgreement.total += t.typeAgreement.total;
    const ev = scoreEvents(g, p);
    addTable(frames, ev.frames);
    addTable(slots, ev.slots);
    certaintyAgreement.agree += ev.certaintyAgreement.agree;
    certaintyAgreement.total += ev.certaintyAgreement.total;
    addTable(corpusView, scoreEventKeys(g, p));
    const x = scoreExcluded(g, p, g.text ?? textOf(g.id));
    add(excluded, "chars", x.counts);
    errors.push(...e.errors, ...t.errors, ...ev.errors, ...x.errors);
  }

  const zero = { tp: 0, fp: 0, fn: 0 };
  return {
    documents: {
      scored,
      withoutPrediction: gold.filter((r) => !predById.has(r.id)).map((r) => r.id),
      withoutGold: pred.filter((r) => !goldIds.has(r.id)).map((r) => r.id),
    },
    entities: Object.fromEntries(
      ENTITY_MODES.map((m) => [m, figureTable(entities[m], ENTITY_TYPES, true)]),
    ) as Record<EntityMode, FigureTable>,
    times: {
      strict: figures(times.strict ?? zero),
      relaxed: figures(times.relaxed ?? zero),
      value: figures(times.value ?? zero),
      valueByType: figureTable(timeValues, TIME_TYPES, true),
      typeAccuracy: agreement(typeAgreement.agree, typeAgreement.total),
    },
    events: {
      frames: figureTable(frames, EVENT_TYPES, true),
      certaintyAccuracy: agreement(certaintyAgreement.agree, certaintyAgreement.total),
      slots: figureTable(slots, SLOT_ROWS, false),
      corpusView: figureTable(corpusView, EVENT_TYPES, true),
    },
    excluded: figures(excluded.chars ?? zero),
    errors,
  };
}
