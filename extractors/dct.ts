/**
 * The document creation time (DCT) that relative dates resolve against:
 * metadata when the input gave one, else a dateline near the top of the text
 * ("publish: 22 August 2015", "Published on March 3, 2016"), else inferred
 * (GUIDELINES §2, as precise as its evidence):
 *  - the latest full date the text gives (reference lists' access dates
 *    included: they bound the writing date from below);
 *  - without one, the year its dates imply: the latest year it names, or the
 *    year after when "last December 11" must fall after that point
 *    ("August 2015" … "last December 11" → 2016);
 * else none. Full dates are found by regex, not chrono: chrono over a whole
 * text is slow.
 */
import * as chrono from "chrono-node/en";
import type { Doc } from "../pipeline/document.ts";
import { MONTH, monthNumber } from "./times/lexicon.ts";

const DATELINE = /(?:publish(?:ed)?|posted|updated|date)\s*(?:on)?\s*:?\s*([^\n•|]{6,40})/i;
/** How far into the text a dateline may stand. */
const DATELINE_WINDOW = 600;

const YEAR = "((?:1[89]|20)\\d\\d)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const FULL_DATES = [
  { pattern: new RegExp(`\\b${DAY}\\s+(${MONTH})\\.?,?\\s+${YEAR}\\b`, "gi"), day: 1, month: 2, year: 3 },
  { pattern: new RegExp(`\\b(${MONTH})\\.?\\s+${DAY},?\\s+${YEAR}\\b`, "gi"), day: 2, month: 1, year: 3 },
  { pattern: new RegExp(`\\b${YEAR}-(\\d\\d)-(\\d\\d)\\b`, "g"), day: 3, month: 2, year: 1 },
];
/** A year the text names as a date: "in 2015", "August 2015", "since 2001" (not "2,000 fighters"). */
const NAMED_YEAR = new RegExp(`(?:\\b(?:in|since|of|by|from|to|until|during|early|late|mid-?)\\s+|\\b(${MONTH})\\.?\\s+)${YEAR}\\b`, "gi");
/** "last December 11", "last June": a month that points back from the DCT. */
const LAST_MONTH = new RegExp(`\\blast\\s+(${MONTH})\\b\\.?(?:\\s+${DAY}\\b)?(?!,?\\s*\\d{4})`, "gi");

const pad = (n: number) => String(n).padStart(2, "0");

function parseFullDate(text: string): string | null {
  const result = chrono.strict.parse(text, undefined, { forwardDate: false })[0];
  if (!result) return null;
  const { start } = result;
  if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) return null;
  return `${start.get("year")}-${pad(start.get("month")!)}-${pad(start.get("day")!)}`;
}

export function dateline(text: string): string | null {
  const match = DATELINE.exec(text.slice(0, DATELINE_WINDOW));
  return match ? parseFullDate(match[1]!) : null;
}

/** The latest day-month-year date anywhere in the text. */
export function latestFullDate(text: string): string | null {
  let latest: string | null = null;
  for (const form of FULL_DATES) {
    for (const m of text.matchAll(form.pattern)) {
      const month = /^\d+$/.test(m[form.month]!) ? Number(m[form.month]) : monthNumber(m[form.month]!);
      const day = Number(m[form.day]);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const iso = `${m[form.year]}-${pad(month)}-${pad(day)}`;
      if (latest === null || iso > latest) latest = iso;
    }
  }
  return latest;
}

/**
 * The year a text without full dates implies: its latest named year (with
 * month, when given), moved one on if a "last <month> [day]" can only fall
 * after that point.
 */
export function impliedYear(text: string): string | null {
  let latest: { year: number; month: number } | null = null;
  for (const m of text.matchAll(NAMED_YEAR)) {
    const point = { year: Number(m[2]), month: m[1] ? monthNumber(m[1]) : 0 };
    if (!latest || point.year > latest.year || (point.year === latest.year && point.month > latest.month)) latest = point;
  }
  if (!latest) return null;
  const pointsPastLatest = [...text.matchAll(LAST_MONTH)].some((m) => monthNumber(m[1]!) > latest.month);
  return String(pointsPastLatest ? latest.year + 1 : latest.year);
}

export function documentDate(doc: Doc): Doc {
  if (doc.published) return { ...doc, dctSource: "metadata" };
  const fromDateline = dateline(doc.text);
  if (fromDateline) return { ...doc, published: fromDateline, dctSource: "dateline" };
  const inferred = latestFullDate(doc.text) ?? impliedYear(doc.text);
  if (inferred) return { ...doc, published: inferred, dctSource: "inferred" };
  return { ...doc, published: null, dctSource: "none" };
}
