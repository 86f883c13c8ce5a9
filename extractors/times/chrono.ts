/**
 * chrono-node's parse of one sentence, kept for what it does well (calendar
 * dates in their many spellings, clock times, ranges) and normalized here:
 * leading prepositions leave the span, year-less dates take the year the DCT
 * and the sentence's tense imply ("last December 11" → the December before
 * the DCT), a range becomes two expressions. Relative and casual phrases
 * ("last week", "yesterday", "Friday") are left to patterns.ts.
 */
import * as chrono from "chrono-node/en";
import type { ParsedComponents, ParsedResult } from "chrono-node";
import type { Candidate, SentenceContext } from "./candidate.ts";
import { dayValue, monthValue, resolveWeekday, resolveYear, yearValue, type Direction, type MonthRelation } from "./calendar.ts";

/** Only the parsers whose results this module keeps (calendar dates, clock times, weekdays to merge with them): fewer parsers, faster runs. */
const KEPT_PARSERS = /YearMonthDay|ISOFormat|SlashDate|MonthName|Weekday|SlashMonth|TimeExpression|CasualDate|CasualTime/;
const parser = chrono.casual.clone();
parser.parsers = parser.parsers.filter((p) => KEPT_PARSERS.test(p.constructor.name));
// "the end of November" is November with mod END (the stage joins the words), not November 30.
parser.refiners = parser.refiners.filter((r) => !/EndOfPeriod/.test(r.constructor.name));

const LEADING_WORDS = /^(?:(?:on|in|at|by|since|from|until|till|to|during|of|for|the|around|about|before|after)\s+)+/i;
const RANGE_SEPARATOR = /\s*(?:[–—-]|\bto\b|\buntil\b|\bthrough\b|\btill\b)\s*/gi;
/** What a clock time needs to be one: "3:15", "9 a.m.", "noon", "4 in the morning" (not "$2.50 a share"). */
const CLOCK = /\d:\d\d|\d\s*[ap]\.?m\b|\b(?:noon|midnight|o'clock|morning|afternoon|evening|night)\b/i;
/** "high noon": a decisive moment, not a time of day. */
const HIGH_BEFORE = /\bhigh\s+$/i;
/** A year-less numeric date ("7/8") is more often a fraction in news; "9/11" has its own rule. */
const BARE_SLASH_DATE = /^\d{1,2}\/\d{1,2}$/;
/** What a sentence must contain for chrono to find anything this module keeps: a month name, a clock time, a numeric date. */
const CHRONO_CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d[:/]\d|\d{4}-\d\d|\d\s*[aApP]\.?[mM]\b|\b(?:noon|midnight|o'clock)\b|\d\s+in\s+the\s+(?:morning|afternoon|evening)/;
const TRAILING = /(?:\s+of|[\s,;:])+$/i;
/** A month abbreviation alone ("Jan Kempdorp", "Mar de Cobo") is more often part of a name than a month. */
const BARE_ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/i;
/** Month names that are also common words: alone, they need a capital and a preposition or "last"/"next" before them. */
const AMBIGUOUS_MONTH = /^(?:may|march)$/i;
const MONTH_CONTEXT = /\b(?:in|by|since|until|till|of|from|to|through|during|early|late|mid|last|next|this|before|after)\s*-?\s*$/i;
const RELATION_BEFORE = /\b(last|next|this)\s+$/i;
/** "the March accession": "the" and a noun around a month name make it a date that qualifies the noun (not "the March of Dimes"). */
const QUALIFYING_THE = /\bthe\s+$/i;
const NOUN_AFTER = /^\s+(?!(?:of|on|to|for|and|or|in|at|by|is|was)\b)[a-z]/;

/** Whether the words around a month that is also a common word ("May", "March") make it the month. */
function monthContext(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 12), start);
  return MONTH_CONTEXT.test(before) || (QUALIFYING_THE.test(before) && NOUN_AFTER.test(sentence.slice(end, end + 12)));
}

function referenceDate(context: SentenceContext): Date {
  const anchor = context.anchor;
  return anchor ? new Date(Date.UTC(anchor.year, (anchor.month ?? 7) - 1, anchor.day ?? 1, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
}

/** The TIMEX3 value chrono's components state, with the year resolved by our rules; null for what patterns.ts handles. */
function valueOf(c: ParsedComponents, context: SentenceContext, position: number, relation: string | undefined): Omit<Candidate, "start" | "end"> | null {
  const { anchor } = context;
  const hasHour = c.isCertain("hour");
  const relative = [...c.tags()].some((tag) => tag.startsWith("result/relativeDate") || tag.startsWith("casualReference/"));
  if (relative && !hasHour) return null;
  const hasMonth = c.isCertain("month");
  if (!hasMonth && !c.isCertain("year") && !hasHour) return null;
  // The tense is read only for a year-less month or a weekday: most dates give their year, and reading it costs regex scans.
  const direction = (): Direction => (relation === "next" ? "future" : relation === "last" ? "past" : context.directionAt(position));
  const monthRelation = (): MonthRelation => (relation === "last" || relation === "next" || relation === "this" ? relation : direction());
  let date: string | null = null;
  if (hasMonth) {
    const month = c.get("month")!;
    const day = c.isCertain("day") ? c.get("day")! : undefined;
    const year = c.isCertain("year")
      ? yearValue(c.get("year")!)
      : anchor
        ? yearValue(resolveYear(anchor, month, day, monthRelation()))
        : "XXXX";
    date = day === undefined ? monthValue(0, month).replace("0000", year) : dayValue(0, month, day).replace("0000", year);
    if (!c.isCertain("year") && !hasHour) return { type: "DATE", value: date, yearless: true };
  } else if (c.isCertain("weekday") && anchor) {
    date = resolveWeekday(anchor, c.get("weekday")!, direction());
  } else if (!hasHour) {
    return { type: "DATE", value: yearValue(c.get("year")!) };
  }
  if (!hasHour) return date ? { type: "DATE", value: date } : null;
  const day = date ?? (anchor?.day ? dayValue(anchor.year, anchor.month!, anchor.day) : "XXXX-XX-XX");
  const time = `${String(c.get("hour")).padStart(2, "0")}:${String(c.get("minute") ?? 0).padStart(2, "0")}`;
  return { type: "TIME", value: day.length === 7 ? `${day}-XXT${time}` : `${day}T${time}`, ...(date ? {} : { dayless: true }) };
}

/** A chrono result with its index into the whole sentence. */
type Found = Pick<ParsedResult, "index" | "text" | "start" | "end">;

/** Result text without leading prepositions/determiners, and a "last"/"next" just before it joined to the span. */
function trimmed(result: Found, context: SentenceContext): { start: number; text: string; relation?: string } {
  const lead = LEADING_WORDS.exec(result.text)?.[0].length ?? 0;
  let start = result.index + lead;
  let text = result.text.slice(lead).replace(TRAILING, "");
  // "(4 a.m. EDT Thursday)": chrono keeps the closing parenthesis of a time given in brackets
  if (text.endsWith(")") && !text.includes("(")) text = text.slice(0, -1).replace(TRAILING, "");
  const relation = RELATION_BEFORE.exec(context.text.slice(Math.max(0, start - 6), start));
  if (relation) {
    start -= relation[0].length;
    text = relation[0] + text;
  }
  return { start, text, ...(relation ? { relation: relation[1]!.toLowerCase() } : {}) };
}

/** A part of the day chrono merges into the date after it ("the night of Oct. 23"): the date alone is the expression. */
const PART_OF_DAY_OF = /^(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;
/** A number after "at" that chrono reads as a clock time ("Jan. 1, 1990 at 1,015 francs"). */
const FALSE_CLOCK = /\s+at\s+[\d,.]+$/;

/** chrono's results for `context.text` from `from` to `to`, with indexes into the whole sentence. */
function parseSlice(context: SentenceContext, from: number, to: number): Found[] {
  const results = parser.parse(context.text.slice(from, to), { instant: referenceDate(context), timezone: 0 }, { forwardDate: false });
  return results.map(({ index, text, start, end }) => ({ index: index + from, text, start, end }));
}

/** Re-reads a result whose date chrono merged with something that is not part of it; null when it needs no re-reading. */
function reread(result: Found, context: SentenceContext): Found[] | null {
  const partOfDay = PART_OF_DAY_OF.exec(result.text);
  if (partOfDay) return parseSlice(context, result.index + partOfDay[0].length, result.index + result.text.length);
  const falseClock = result.start.isCertain("hour") && !CLOCK.test(result.text) ? FALSE_CLOCK.exec(result.text) : null;
  if (falseClock) return parseSlice(context, result.index, result.index + falseClock.index);
  return null;
}

export function chronoCandidates(context: SentenceContext): Candidate[] {
  if (!CHRONO_CUE.test(context.text)) return [];
  const candidates: Candidate[] = [];
  const results = parseSlice(context, 0, context.text.length).flatMap((result) => reread(result, context) ?? [result]);
  for (const result of results) {
    const { start, text, relation } = trimmed(result, context);
    if (BARE_SLASH_DATE.test(text) || BARE_ABBREVIATION.test(text) || (result.start.isCertain("hour") && !CLOCK.test(text))) continue;
    if (/^noon$/i.test(text) && HIGH_BEFORE.test(context.text.slice(Math.max(0, start - 6), start))) continue;
    const monthWords = relation ? text.slice(relation.length).trimStart() : text;
    if (AMBIGUOUS_MONTH.test(monthWords) && (!/^[A-Z]/.test(monthWords) || !monthContext(context.text, start, start + text.length))) continue;
    if (result.end) {
      // A range: split at its last separator into two expressions.
      const separators = [...text.matchAll(RANGE_SEPARATOR)];
      const separator = separators[separators.length - 1];
      if (separator && separator.index! > 0) {
        const first = valueOf(result.start, context, start, relation);
        const second = valueOf(result.end, context, start, relation);
        if (first) candidates.push({ start, end: start + separator.index!, ...first });
        if (second) candidates.push({ start: start + separator.index! + separator[0].length, end: start + text.length, ...second });
        continue;
      }
    }
    const value = valueOf(result.start, context, start, relation);
    // "midnight Friday" ends Friday: TimeML writes it T24:00 of that day, not T00:00
    if (value && /\bmidnight\b/i.test(text)) value.value = value.value.replace(/T00:00$/, "T24:00");
    if (value && text.length) candidates.push({ start, end: start + text.length, ...value });
  }
  return candidates;
}
