/**
 * The document creation time (DCT) that relative dates resolve against:
 * metadata when the input gave one, else a dateline near the top of the text
 * ("publish: 22 August 2015", "Published on March 3, 2016"), else inferred
 * from the latest full date the text mentions (reference lists' access dates
 * included: they bound the writing date from below), else none.
 */
import * as chrono from "chrono-node";
import type { Doc } from "../pipeline/document.ts";

const DATELINE = /(?:publish(?:ed)?|posted|updated|date)\s*(?:on)?\s*:?\s*([^\n•|]{6,40})/i;
/** How far into the text a dateline may stand. */
const DATELINE_WINDOW = 600;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function parseFullDate(text: string): string | null {
  const result = chrono.strict.parse(text, undefined, { forwardDate: false })[0];
  if (!result) return null;
  const { start } = result;
  if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) return null;
  return isoDay(new Date(Date.UTC(start.get("year")!, start.get("month")! - 1, start.get("day")!)));
}

export function dateline(text: string): string | null {
  const match = DATELINE.exec(text.slice(0, DATELINE_WINDOW));
  return match ? parseFullDate(match[1]!) : null;
}

/** The latest day-month-year date anywhere in the text. */
export function latestFullDate(text: string): string | null {
  let latest: string | null = null;
  for (const result of chrono.strict.parse(text)) {
    const { start } = result;
    if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) continue;
    const iso = isoDay(new Date(Date.UTC(start.get("year")!, start.get("month")! - 1, start.get("day")!)));
    if (latest === null || iso > latest) latest = iso;
  }
  return latest;
}

export function documentDate(doc: Doc): Doc {
  if (doc.published) return { ...doc, dctSource: "metadata" };
  const fromDateline = dateline(doc.text);
  if (fromDateline) return { ...doc, published: fromDateline, dctSource: "dateline" };
  const inferred = latestFullDate(doc.text);
  if (inferred) return { ...doc, published: inferred, dctSource: "inferred" };
  return { ...doc, published: null, dctSource: "none" };
}
