/**
 * Stage: TIMEX3 time expressions (SPEC "Time expressions", GUIDELINES §4),
 * found sentence by sentence (never over the whole text: chrono is slow on
 * long strings; excluded regions have no sentences) by chrono-node and by
 * the rules chrono lacks, then normalized against the DCT.
 */
import type { Doc } from "../pipeline/document.ts";
import { span } from "../pipeline/document.ts";
import type { Time } from "../pipeline/schema.ts";
import type { Candidate, SentenceContext } from "./times/candidate.ts";
import {
  addDays,
  dateValue,
  monthValue,
  parseAnchor,
  quarterOf,
  shiftMonth,
  utcDate,
  weekValue,
  yearValue,
  type Anchor,
  type Direction,
} from "./times/calendar.ts";
import { chronoCandidates } from "./times/chrono.ts";
import { MOD_PREFIX, modOf } from "./times/lexicon.ts";
import { patternCandidates } from "./times/patterns.ts";

/** Verbs and phrases that put a clause in the future, so "Friday" or "in March" point forward. */
const FUTURE_CUE =
  /\b(?:will|won't|shall|would|going to|scheduled|set to|expected to|expects?|forecasts?|predicts?|plans? to|planning to|planned|intends? to|is to|are to|is due|are due|as soon as|as early as|next(?!\s+to\b)|until|till|tomorrow)\b|'ll\b/gi;
/**
 * Past-tense verbs: the nearer of these and a future cue sets the tense ("would appeal the decision, announced Wednesday");
 * after "be" they are participles ("will be held Friday").
 */
const PAST_CUE =
  /\b(?:said|was|were|had|did|yesterday|ago|last)\b|(?<!\b(?:be|being)\s+)\b(?:told|met|came|went|left|began|took|made|held|gave|got|saw|fell|rose|won|lost|sent|spoke|wrote|found|brought|kept|led|ran|struck|shot|hit|fled|fought)\b|(?<!\b(?:[Aa]n?|[Tt]he|still|yet|be)\s+)\b[a-z]+ed(?<!eed)\b/g;
/** A deadline right before a date points it forward unless a past perfect looks back: "repay the loan by February", "effective Feb. 1". */
const DEADLINE_BEFORE = /\b(?:by|until|till|effective)\s+$/i;
/** "planned"/"scheduled" with no auxiliary before it, ending the text: a participle that qualifies a noun ("the talks scheduled for"). */
const ATTRIBUTIVE_PLAN = /(?<!\b(?:is|are|was|were|be|been|being|has|have|had|not)\s+)\b(?:planned|scheduled)$/i;
/** Where the verb phrase a date belongs to ends: punctuation or a conjunction ("planned a rally on Saturday and were planning …"). */
const COORDINATION = /[;:.!?,]|\b(?:and|but|or)\b/;
/** A past perfect or "previously": what follows is seen from after it. */
const PERFECT = /\b(?:had|previously)\b/i;
/** Where a clause ends after a time expression: the next clause's verb no longer speaks of it. */
const CLAUSE_END = /[;:.!?]|,\s+(?:and|but|while|which|who)\b/;
/** How many characters before an expression may hold the words that set its tense ("will meet on Thursday"). */
const DIRECTION_WINDOW = 50;
/** With no tense word in DIRECTION_WINDOW, how far back the expression's clause may open. */
const CLAUSE_WINDOW = 150;
/** Where a clause opens, before a time expression: punctuation or a word that starts a clause ("… blasts, where the Aug. 7 attack"). */
const CLAUSE_START = /[;:.!?,]|\b(?:where|when|which|who|that|because|after|before|while|since|although)\b/g;
/** With no tense before it, how far after an expression its clause's verb may stand, past a long subject ("On Tuesday, the National … League plans to"). */
const TENSE_AFTER_WINDOW = 100;

/**
 * Where the last match of global `pattern` in `text` ends, or -1. Its patterns never match the empty string, so
 * `lastIndex` after a match is where it ends; exec, unlike matchAll, does not copy the pattern on every call.
 */
function lastEnd(pattern: RegExp, text: string): number {
  let end = -1;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) end = pattern.lastIndex;
  return end;
}

/** The tense at `position` in `sentence`: future when a future cue stands nearer before it than any past-tense verb. */
function directionAt(sentence: string, position: number): Direction {
  const window = sentence.slice(Math.max(0, position - DIRECTION_WINDOW), position);
  if (DEADLINE_BEFORE.test(window) && !PERFECT.test(window)) return PERFECT.test(clauseAfter(sentence, position)) ? "past" : "future";
  const future = lastEnd(FUTURE_CUE, window);
  const past = lastEnd(PAST_CUE, window);
  if (future < 0 && past < 0) {
    // no tense word near it: the verb earlier in its clause ("would still be held at the … summit on April 24"), else the one after
    const clause = clauseBefore(sentence, position);
    const [clauseFuture, clausePast] = [lastEnd(FUTURE_CUE, clause), lastEnd(PAST_CUE, clause)];
    if (clauseFuture < 0 && clausePast < 0) return tenseAfter(sentence.slice(position, position + TENSE_AFTER_WINDOW));
    return clauseFuture > clausePast ? "future" : "past";
  }
  // "had been scheduled to expire Friday", "as previously planned": a plan seen from after it
  if (future >= 0 && PERFECT.test(window.slice(0, future))) return "past";
  // "a service planned for Saturday was canceled": a plan that qualifies a noun takes the tense of its clause's verb
  if (future >= past && ATTRIBUTIVE_PLAN.test(window.slice(0, future))) {
    const rest = sentence.slice(position, position + TENSE_AFTER_WINDOW);
    const end = rest.search(COORDINATION);
    return cueAfter(end < 0 ? rest : rest.slice(0, end)) ?? "future";
  }
  return future >= 0 && future >= past ? "future" : "past";
}

/** The words of the clause before `position`, back to where it opens, at most CLAUSE_WINDOW characters. */
function clauseBefore(sentence: string, position: number): string {
  const before = sentence.slice(Math.max(0, position - CLAUSE_WINDOW), position);
  return before.slice(Math.max(0, lastEnd(CLAUSE_START, before)));
}

/** The words after `position` up to the end of their clause: "Until Thursday, they had not called him a suspect." */
function clauseAfter(sentence: string, position: number): string {
  const rest = sentence.slice(position, position + DIRECTION_WINDOW);
  return rest.slice(0, CLAUSE_END.exec(rest.slice(1))?.index ?? rest.length);
}

/** The tense of the first cue in `text`, or null without one. */
function cueAfter(text: string): Direction | null {
  const future = text.search(FUTURE_CUE);
  const past = text.search(PAST_CUE);
  if (future < 0 && past < 0) return null;
  return future >= 0 && (past < 0 || future < past) ? "future" : "past";
}

/** With no tense before it ("On Tuesday, the league plans to …"), the first cue after an expression sets it. */
function tenseAfter(text: string): Direction {
  return cueAfter(text) ?? "past";
}

const MOD_BEFORE = new RegExp(`\\b${MOD_PREFIX}(?:\\s+the)?[\\s-]*$`, "i");
const CALENDAR_DATE = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/;
const NARRATIVE_SENTENCES = 2;
/** A date named to the month or day with its year: it sets the year for year-less dates in that month after it in its paragraph. */
const DATED_MONTH = /^\d{4}-\d\d(?:-\d\d)?$/;
/** "the August 1988 cease-fire": a date before a noun dates that thing, not the narrative that follows. */
const ATTRIBUTIVE_BEFORE = /(?:\b(?:the|a|an|its|their|his|her)|['’]s)\s+$/i;
/** Calendar values a mod word can qualify (not references or durations). */
const CALENDAR_VALUE = /^[\dX]{2}/;

/** Keeps the longest of overlapping candidates; on equal length the lower priority (patterns before chrono). Sorts `candidates` in place. */
function resolveOverlaps(candidates: (Candidate & { priority: number })[]): Candidate[] {
  const ordered = candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ordered) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Words before a duration or date that make it approximate: "about two weeks", "around 1998". */
const APPROX_BEFORE = /\b(?:about|around|approximately|roughly)\s+$/i;

/**
 * Joins a preceding "early", "late", "mid-", "the end of" to a date ("late
 * 2015" → 2015, END) and "about"/"around" to a date or duration (APPROX):
 * words that set the mod are inside the span.
 */
function withModifier(c: Candidate, sentence: string): Candidate {
  if (c.mod || !(c.type === "DURATION" || CALENDAR_VALUE.test(c.value))) return c;
  const before = sentence.slice(Math.max(0, c.start - 24), c.start);
  const words = c.type === "DATE" ? MOD_BEFORE.exec(before) : null;
  if (words) {
    const lead = words[0].replace(/^the\s+/i, "");
    return { ...c, start: c.start - lead.length, mod: modOf(lead) };
  }
  // "ways around Wednesday's ruling": the word goes with the noun the date qualifies
  const approx = /^['’]s\b/.test(sentence.slice(c.end)) ? null : APPROX_BEFORE.exec(before);
  return approx ? { ...c, start: c.start - approx[0].length, mod: "APPROX" } : c;
}

export function sentenceTimes(context: SentenceContext): Candidate[] {
  const candidates = patternCandidates(context);
  for (const c of chronoCandidates(context)) candidates.push({ ...c, priority: Number.MAX_SAFE_INTEGER });
  return resolveOverlaps(candidates).map((c) => withModifier(c, context.text));
}

/** "a year ago", "the year-earlier period", "the corresponding period last year": in a text that reports by quarter, the same quarter a year before. */
const YEAR_BACK =
  /^(?:(?:an?|one)\s+year\s+(?:ago|earlier)|year-(?:earlier|ago)(?:\s+period)?|(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year|last\s+year['’]s\s+(?:period|quarter))$/i;
/** "a loss of $3 million last year", "last year's $1.55 billion", "last year's results": in a report by quarter, the quarter a year back. */
const LAST_YEAR = /^last\s+year$/i;
const AMOUNT_BEFORE = /(?:\$|\d)[\d.,]*\s*(?:million|billion|cents)?(?:\s+a\s+share)?\s+$/i;
const AMOUNT_AFTER = /^['’]s\s+(?:\$|results\b)/i;
/** A sentence about a period longer than the quarter ("through the first nine months … a year earlier") compares years. */
const LONGER_PERIOD = /\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\b(?:full|fiscal)\s+year\b|\byear\s+to\s+date\b/i;
/** "the latest period" of a report: the quarter it reports on. */
const LATEST_PERIOD = /^latest\s+period$/i;
/** "the latest quarter" names the quarter a report is about, whatever it named before. */
const LATEST = /^latest\b/i;
/** "This quarter's loss includes charges": in the past tense, a report's "this quarter" is the one it reports on, not the one under way. */
const THIS_QUARTER = /^this\s+quarter$/i;
/** "the 1988 period": in a report by quarter, that year's quarter under report. */
const YEAR_PERIOD = /^\d{4}\s+(?:period|quarter)$/i;
/** "the year-ago third quarter": a quarter named for comparison, not the one a report is about. */
const COMPARISON = /\byear[-\s]+(?:earlier|ago)\b/i;
const QUARTER_VALUE = /^(\d{4})-(Q\d)$/;

/** The value of "the following month", "the same day" … from the date the text last gave; null without one precise enough. */
function resolveAnchored(anchored: NonNullable<Candidate["anchored"]>, previous: RegExpExecArray | null): string | null {
  if (!previous) return null;
  if (anchored.unit === "date") return previous[0];
  const [year, month, day] = [Number(previous[1]), previous[2] ? Number(previous[2]) : undefined, previous[3] ? Number(previous[3]) : undefined];
  const { unit, shift } = anchored;
  if (unit === "year") return yearValue(year + shift);
  if (month === undefined) return null;
  if (unit === "month") return monthValue(...shiftMonth(year, month, shift));
  // "that same day" after "last October": a day of that month
  if (day === undefined) return unit === "day" ? `${monthValue(year, month)}-XX` : null;
  const date = utcDate(year, month, day);
  if (unit === "weekday") {
    // "the previous Friday": the latest Friday before that date; "the following Monday": the first after it
    const gap = shift < 0 ? (date.getUTCDay() - anchored.weekday! + 7) % 7 : (anchored.weekday! - date.getUTCDay() + 7) % 7;
    return dateValue(addDays(date, shift * (gap || 7)));
  }
  return unit === "week" ? weekValue(addDays(date, 7 * shift)) : dateValue(addDays(date, shift));
}

const DAY_VALUE = /^\d{4}-\d\d-\d\d$/;

/** The day a clock time said without one belongs to: the nearest day its sentence names ("at 10:35 a.m. (0735 GMT) Friday"). */
function dayOf(time: Candidate, sentence: Candidate[]): string | null {
  let best: Candidate | null = null;
  const distance = (c: Candidate) => Math.min(Math.abs(c.start - time.end), Math.abs(time.start - c.end));
  for (const c of sentence) if (c.type === "DATE" && DAY_VALUE.test(c.value) && (!best || distance(c) < distance(best))) best = c;
  return best?.value ?? null;
}

/**
 * A quarter a report can be about: one ended by the DCT, or the one under way when spoken of in the past at `position`
 * in `sentence` ("the third quarter of 1990" in 1989 and "continue into the fourth quarter" are forecasts; fiscal
 * quarters end off the calendar).
 */
function reportedQuarter(value: string, anchor: Anchor | null, sentence: string, position: number): RegExpExecArray | null {
  const quarter = QUARTER_VALUE.exec(value);
  if (!quarter || !anchor?.month) return quarter;
  const [year, number] = [Number(quarter[1]), Number(quarter[2]!.slice(1))];
  const [index, current] = [year * 4 + number, anchor.year * 4 + quarterOf(anchor.month)];
  // the quarter under way is reported on only when spoken of in the past ("expect the trend to continue into the fourth quarter" is a forecast);
  // the tense is read only then, as it costs several regex scans
  return index < current || (index === current && directionAt(sentence, position) === "past") ? quarter : null;
}

/** The later of two quarters: "a gain in third-quarter net … after a flat second quarter" still reports on the third. */
function laterQuarter(current: RegExpExecArray | null, named: RegExpExecArray | null): RegExpExecArray | null {
  if (!current || !named) return named ?? current;
  return named[0] >= current[0] ? named : current;
}

export function timeExpressions(doc: Doc): Doc {
  const anchor = parseAnchor(doc.published);
  const times: Time[] = [];
  let lastQuarter: RegExpExecArray | null = null;
  let lastDate: RegExpExecArray | null = null;
  // "August 1999: On August 9, … On August 23, …": a year-less date in the month that the same paragraph dated
  // at most NARRATIVE_SENTENCES sentences before takes that date's year.
  let datedMonth: { month: string; sentence: number } | null = null;
  let previousEnd = 0;
  doc.sentences.forEach((sentence, index) => {
    if (doc.text.slice(previousEnd, sentence.start).includes("\n") || (datedMonth && index - datedMonth.sentence > NARRATIVE_SENTENCES))
      datedMonth = null;
    previousEnd = sentence.end;
    const text = doc.text.slice(sentence.start, sentence.end);
    const context: SentenceContext = { text, anchor, directionAt: (position) => directionAt(text, position) };
    const found = sentenceTimes(context);
    for (const c of found) {
      if (c.dayless) {
        const day = dayOf(c, found) ?? (lastDate?.[3] ? lastDate[0] : null);
        if (day) c.value = day + c.value.slice(c.value.indexOf("T"));
      }
      if (c.anchored) {
        const value = resolveAnchored(c.anchored, lastDate);
        if (value) c.value = value;
        else if (!c.value) continue;
      }
      if (c.yearless && datedMonth?.month.slice(4) === c.value.slice(4, 7)) c.value = datedMonth.month.slice(0, 4) + c.value.slice(4);
      else if (!c.yearless && !c.anchored && c.type === "DATE" && DATED_MONTH.test(c.value) && !ATTRIBUTIVE_BEFORE.test(text.slice(0, c.start)))
        datedMonth = { month: c.value.slice(0, 7), sentence: index };
      // A quarter a year back is a comparison: the quarter under report stays the one before it.
      const words = text.slice(c.start, c.end);
      const amountYearBack = LAST_YEAR.test(words) && (AMOUNT_BEFORE.test(text.slice(0, c.start)) || AMOUNT_AFTER.test(text.slice(c.end)));
      if (lastQuarter && (YEAR_BACK.test(words) || amountYearBack) && !LONGER_PERIOD.test(text)) c.value = `${Number(lastQuarter[1]) - 1}-${lastQuarter[2]}`;
      else if (lastQuarter && (LATEST_PERIOD.test(words) || (THIS_QUARTER.test(words) && directionAt(text, c.start) === "past"))) c.value = lastQuarter[0];
      else if (lastQuarter && YEAR_PERIOD.test(words)) c.value = `${c.value}-${lastQuarter[2]}`;
      else if (!COMPARISON.test(words)) {
        const named = reportedQuarter(c.value, anchor, text, c.start);
        lastQuarter = LATEST.test(words) ? named ?? lastQuarter : laterQuarter(lastQuarter, named);
      }
      lastDate = CALENDAR_DATE.exec(c.value) ?? lastDate;
      const time: Time = { ...span(doc, sentence.start + c.start, sentence.start + c.end), type: c.type, value: c.value };
      if (c.mod) time.mod = c.mod;
      times.push(time);
    }
  });
  return { ...doc, times };
}
