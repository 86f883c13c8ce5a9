/**
 * Time expressions scored against TimeML gold (TempEval-3 TimeBank/AQUAINT
 * style): tags are stripped into plain text with offsets kept, the DCT
 * TIMEX3 (functionInDocument="CREATION_TIME") becomes `published`, and the
 * inline TIMEX3 tags of <TEXT> are the gold.
 *
 * Figures (as TempEval-3): span P/R/F1 strict (same offsets) and relaxed
 * (overlap, one-to-one); value and type are judged on relaxed matches:
 * value F1 counts a match with the same value, value/type accuracy divide by
 * the relaxed matches. Values compare after `canonicalValue`, which only
 * unifies equivalent spellings.
 */
import type { Time } from "../schema.ts";

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
}

export interface TimemlDoc {
  id: string;
  text: string;
  /** The DCT's value, cut to a calendar date; null when the file has none. */
  published: string | null;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Parses one TimeML file; throws with the problem when the file is not TimeML. */
export function parseTimeml(id: string, xml: string): TimemlDoc {
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!body) throw new Error("no <TEXT> element");
  const dctTag = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dctValue = dctTag ? attribute(dctTag, "value") : undefined;
  const published = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;

  let text = "";
  const timexes: GoldTimex[] = [];
  const open: { tag: string; start: number }[] = [];
  const pieces = /<(\/?)([A-Za-z0-9]+)\b[^>]*?(\/?)>|[^<]+/g;
  for (const match of body[1]!.matchAll(pieces)) {
    const [whole, closing, name, selfClosing] = match;
    if (name === undefined) {
      text += unescape(whole);
      continue;
    }
    if (name !== "TIMEX3" || selfClosing) continue;
    if (!closing) {
      open.push({ tag: whole, start: text.length });
      continue;
    }
    const started = open.pop();
    if (!started) throw new Error(`unbalanced </TIMEX3> at character ${match.index}`);
    const mod = attribute(started.tag, "mod");
    timexes.push({
      start: started.start,
      end: text.length,
      text: text.slice(started.start, text.length),
      type: attribute(started.tag, "type") ?? "",
      value: attribute(started.tag, "value") ?? "",
      ...(mod ? { mod } : {}),
    });
  }
  timexes.sort((a, b) => a.start - b.start);
  return { id, text, published, timexes };
}

export interface Counts {
  gold: number;
  predicted: number;
  strict: number;
  relaxed: number;
  /** Relaxed matches with the same value / type / mod. */
  value: number;
  type: number;
  mod: number;
}

export const emptyCounts = (): Counts => ({ gold: 0, predicted: 0, strict: 0, relaxed: 0, value: 0, type: 0, mod: 0 });

export interface TimexError {
  doc: string;
  kind: "miss" | "false alarm" | "wrong value" | "wrong type";
  gold?: GoldTimex;
  predicted?: Time;
  context: string;
}

export interface DocScore {
  overall: Counts;
  /** Keyed by type: gold counts by the gold type, predicted counts by the predicted type. */
  byType: Record<string, Counts>;
  errors: TimexError[];
}

/** How a fraction of a duration unit is written in the next smaller one: 0.5 Y is 6 M, 0.5 H is 30 M, 0.5 M (minutes) is 30 S. */
const SMALLER_UNIT: Record<string, [string, number]> = { Y: ["M", 12], H: ["M", 60], TM: ["S", 60] };

/** "P2.5Y" as "P2Y6M", "PT1.5M" as "PT1M30S": the same duration, written whole. */
function wholeDuration(value: string): string {
  const match = /^(PT?)(\d+)\.(\d+)([YHM])$/.exec(value);
  const smaller = match && SMALLER_UNIT[match[1] === "PT" && match[4] === "M" ? "TM" : match[4]!];
  if (!match || !smaller || (match[1] === "P") !== (match[4] === "Y")) return value;
  const rest = Number(`0.${match[3]}`) * smaller[1];
  return Number.isInteger(rest) ? `${match[1]}${match[2]}${match[4]}${rest}${smaller[0]}` : value;
}

/** Units TimeML writes as multiples of others: a decade (E) is 10 Y, a century (C) 100 Y, a quarter (Q) 3 M. */
const MULTIPLE_UNITS: Record<string, [number, string]> = { E: [10, "Y"], C: [100, "Y"], Q: [3, "M"] };

function inBaseUnits(value: string): string {
  const match = /^P(\d+)([ECQ])$/.exec(value);
  if (!match) return value;
  const [times, unit] = MULTIPLE_UNITS[match[2]!]!;
  return `P${Number(match[1]) * times}${unit}`;
}

/**
 * Spellings of one value that TimeML gold mixes: "1949-XX" is 1949, "2000-W7" is 2000-W07, the decade "197" is 197X,
 * "P2.5Y" is P2Y6M, "P2E" is P20Y, "T17" is T17:00.
 */
export function canonicalValue(value: string): string {
  return inBaseUnits(wholeDuration(value))
    .replace(/T(\d\d)$/, "T$1:00")
    .replace(/(?:-XX)+$/, "")
    .replace(/-W(\d)(?!\d)/, "-W0$1")
    .replace(/^(\d{2,3})X+$/, "$1");
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function contextOf(text: string, start: number, end: number): string {
  const left = text.slice(Math.max(0, start - 50), start);
  const right = text.slice(end, end + 50);
  return `${left}[${text.slice(start, end)}]${right}`.replace(/\s+/g, " ");
}

/** Scores one document's predicted times against its gold. */
export function scoreDoc(doc: TimemlDoc, predicted: Time[]): DocScore {
  const overall = emptyCounts();
  const byType: Record<string, Counts> = {};
  const forType = (type: string) => (byType[type] ??= emptyCounts());
  const errors: TimexError[] = [];
  const add = (key: keyof Counts, goldType: string) => {
    overall[key]++;
    forType(goldType)[key]++;
  };

  for (const g of doc.timexes) add("gold", g.type);
  for (const p of predicted) {
    overall.predicted++;
    forType(p.type).predicted++;
  }
  // One-to-one relaxed alignment: each gold takes the overlapping prediction with the largest overlap.
  const taken = new Set<number>();
  for (const g of doc.timexes) {
    let best = -1;
    let bestOverlap = 0;
    predicted.forEach((p, index) => {
      if (taken.has(index) || !overlaps(g, p)) return;
      const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (shared > bestOverlap) [best, bestOverlap] = [index, shared];
    });
    const context = contextOf(doc.text, g.start, g.end);
    if (best < 0) {
      errors.push({ doc: doc.id, kind: "miss", gold: g, context });
      continue;
    }
    taken.add(best);
    const p = predicted[best]!;
    add("relaxed", g.type);
    if (p.start === g.start && p.end === g.end) add("strict", g.type);
    if (canonicalValue(p.value) === canonicalValue(g.value)) add("value", g.type);
    else errors.push({ doc: doc.id, kind: "wrong value", gold: g, predicted: p, context });
    if (p.type === g.type) add("type", g.type);
    else errors.push({ doc: doc.id, kind: "wrong type", gold: g, predicted: p, context });
    if ((p.mod ?? "") === (g.mod ?? "")) add("mod", g.type);
  }
  predicted.forEach((p, index) => {
    if (!taken.has(index))
      errors.push({ doc: doc.id, kind: "false alarm", predicted: p, context: contextOf(doc.text, p.start, p.end) });
  });
  return { overall, byType, errors };
}

export function addCounts(total: Counts, counts: Counts): void {
  for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(correct: number, predicted: number, gold: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface Summary {
  strict: Prf;
  relaxed: Prf;
  value: Prf;
  /** Shares of the relaxed matches with the right value / type / mod. */
  valueAccuracy: number;
  typeAccuracy: number;
  modAccuracy: number;
}

export function summarize(c: Counts): Summary {
  const share = (n: number) => (c.relaxed ? n / c.relaxed : 0);
  return {
    strict: prf(c.strict, c.predicted, c.gold),
    relaxed: prf(c.relaxed, c.predicted, c.gold),
    value: prf(c.value, c.predicted, c.gold),
    valueAccuracy: share(c.value),
    typeAccuracy: share(c.type),
    modAccuracy: share(c.mod),
  };
}
