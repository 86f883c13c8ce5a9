/**
 * Time expressions chrono-node does not know, as regex rules over one
 * sentence: references (now, recently), relative days/weeks/months/years
 * (yesterday, last week, two years ago), weekdays resolved by tense, years
 * in a date-like context, decades, centuries, seasons, quarters, durations
 * and sets. Each rule's match is the span (no leading preposition or "the":
 * those stay in lookbehinds); `make` returns null to reject a match.
 */
import type { Candidate, SentenceContext } from "./candidate.ts";
import {
  addDays,
  anchorDate,
  dateValue,
  dayValue,
  monthValue,
  quarterOf,
  resolveWeekday,
  resolveYear,
  shiftMonth,
  utcDate,
  weekValue,
  yearValue,
  type Anchor,
} from "./calendar.ts";
import {
  MONTH,
  NUMBER,
  monthNumber,
  ORDINALS,
  PART_OF_DAY,
  SEASON,
  UNIT,
  WEEKDAY,
  durationValue,
  numberValue,
  partOfDayCode,
  season,
  unitInfo,
  unitInfoOrNull,
  weekdayNumber,
} from "./lexicon.ts";
import { allMatches } from "../regex.ts";

/** A rule's reading of its match; `length` shortens the span to the match's first characters, `lead` joins characters before it. */
type Proposal = Omit<Candidate, "start" | "end"> & { length?: number; lead?: number };

interface Rule {
  /** A cheap test a sentence must pass before the rule's pattern runs on it; in lower case, as it runs on the lower-cased sentence. */
  cue: RegExp;
  pattern: RegExp;
  make(match: RegExpMatchArray, context: SentenceContext): Proposal | null;
}

const YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
const rx = (source: string) => new RegExp(source, "gi");
/** "the quarter-to-quarter comparison", "the year-over-year gain": a unit joined to a comparison is an adjective, not a time. */
const COMPARED_UNIT = "-(?:to|over|on)-";

/** The DCT shifted by `count` units, at the unit's granularity (two years ago → 1996). */
function shifted(anchor: Anchor, unit: string, count: number): string | null {
  const info = unitInfo(unit);
  if (info.time || !Number.isInteger(count)) return null;
  const singular = unit.toLowerCase().replace(/s$/, "");
  const years = { Y: 1, E: 10, C: 100 }[info.letter];
  if (years) return yearValue(anchor.year + count * years * info.times);
  if (anchor.month === undefined) return null;
  if (info.letter === "M") return monthValue(...shiftMonth(anchor.year, anchor.month, count));
  if (info.letter === "Q") {
    const [y, m] = shiftMonth(anchor.year, anchor.month, 3 * count);
    return `${yearValue(y)}-Q${quarterOf(m)}`;
  }
  const dct = anchorDate(anchor);
  if (!dct) return null;
  if (info.letter === "W") return weekValue(addDays(dct, 7 * count * info.times));
  return dateValue(addDays(dct, count * (singular === "weekend" ? 7 : 1)));
}

function dayOffset(anchor: Anchor | null, days: number): string | null {
  const dct = anchor && anchorDate(anchor);
  return dct ? dateValue(addDays(dct, days)) : null;
}

const before = (match: RegExpMatchArray, context: SentenceContext, width = 40) =>
  context.text.slice(Math.max(0, match.index! - width), match.index!);
const after = (match: RegExpMatchArray, context: SentenceContext, width = 40) =>
  context.text.slice(match.index! + match[0].length, match.index! + match[0].length + width);

/** What may stand before a bare four-digit year for it to be one: a preposition, a label, a list or range start. */
const YEAR_BEFORE =
  /(?:\b(?:in|into|since|by|until|till|through|thru|of|from|to|before|after|during|between|both|and|or|early|late|mid|fiscal|year|the|a|an|that|this|its|their|his|her|our|whose|due|around|circa|c\.|for|as of|end|start|beginning|middle|spring|summer|fall|autumn|winter|formed|founded|established|born|died|pre|post|is|was|isn['’]t|wasn['’]t|not|be|been)\s*-?\s*|['’]s\s+|^\s*(?:[-•*]\s*)?|[:(\[–—"“]\s*|\d{4}\s*(?:[-/,]|,?\s+and|,?\s+or)\s*)$/i;
/** What after a bare year makes it a range start: "1998 – 2001", "1998 to November 2001", "2000 – Present". */
const YEAR_RANGE_AFTER = new RegExp(`^\\s*(?:[–—-]|to|until|through)\\s*(?:${MONTH}\\.?\\s+(?:\\d{1,2},?\\s+)?)?(?:${YEAR}|present)`, "i");
/** A count, not a year: "2000 fighters", "around 2000 people", "1998 percent", "1990s" is a decade (its own rule). */
const YEAR_COUNT_AFTER =
  /^(?:\s*(?:%|percent|per\b)|\s+(?!(?:is|was|has|as|this|its|his|us|does)\b)[a-z]+s\b(?!')|\s+(?:people|men|women|children|police|personnel|staff|youth)\b|[,.]\d)/i;
/** A determiner or possessive before "1992 protests" makes the number a year that qualifies a noun, not a count. */
const DETERMINER_BEFORE = /(?:\b(?:the|its|his|her|their|our|this|that)|['’]s)\s+$/i;
/** A possessive and an adjective before a year make it qualify a noun: "his unsuccessful 1996 campaign". */
const QUALIFIED_BEFORE = /(?:\b(?:its|his|her|their|our)|['’]s)\s+[a-z]+\s+$/;
const FUTURE_WORD = /^(?:next|coming|this|following)$/i;
/** The end a quarter is named by: "the quarter ended July 31", "the quarter ending Sept. 30, 1989". */
const QUARTER_ENDED = new RegExp(`^\\s+(?:ended|ending)\\s+(${MONTH})\\.?\\s+(\\d{1,2})\\b(?:,\\s*(${YEAR}))?`, "i");
/** The year "this"/"last"/"next" year names, from the DCT's. */
const YEAR_SHIFT: Record<string, number> = { this: 0, last: -1, next: 1 };
/** "three-quarters of the vote": a fraction, not quarters of a year. */
const FRACTION_OF = /^\s+of\s+(?:the|a|an|its|their|his|her|all|this|that|those|these|\d)\b/i;
/** "Person of the Year", "employee of the month": an award, not a time. */
const TITLE_BEFORE = /\b(?:person|man|woman|player|employee|book|word)\s+of\s+the\s+$/i;
/** An amount before "a year" or "annually" makes it the unit of a rate ("$1.76 a year", "8.5% annually", "700 seats a week"). */
const AMOUNT_BEFORE = /(?:\d|%|\b(?:percent|million|billion|dollars?|cents?))(?:\s+[a-z]+s)?\s+$/i;
/** Words that take a length of time after them: "for a year of talks" is a duration, "referring to a year of attacks" is not. */
const DURATION_BEFORE = /\b(?:for|after|over|during|within|in|following|about|nearly|almost|than|another|spent|took|lasted)\s+$/i;

const pad2 = (n: number) => String(n).padStart(2, "0");
/** Decade words from the twenties on; index + 2 is the decade's digit. */
const DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
/** Holidays by name: month and fixed day (null: Thanksgiving, the fourth Thursday of November). */
const HOLIDAYS: [RegExp, number, number | null][] = [
  [/^christmas eve/, 12, 24],
  [/^christmas/, 12, 25],
  [/^new year's eve/, 12, 31],
  [/^new year/, 1, 1],
  [/^thanksgiving/, 11, null],
  [/^(?:fourth of july|independence day)/, 7, 4],
  [/^halloween/, 10, 31],
  [/^valentine/, 2, 14],
];
const thanksgiving = (year: number) => {
  const firstWeekday = utcDate(year, 11, 1).getUTCDay();
  return 1 + ((4 - firstWeekday + 7) % 7) + 21;
};

const RULES: Rule[] = [
  // nine-eleven
  {
    cue: /9\/11/,
    pattern: /\b9\/11\b/g,
    make: () => ({ type: "DATE", value: "2001-09-11" }),
  },
  // present in a range
  {
    cue: /present/i,
    pattern: rx(`(?<=(?:${YEAR}|\\d{1,2})\\s*(?:[–—-]|\\bto|\\buntil)\\s*(?:the\\s+)?)present\\b`),
    make: () => ({ type: "DATE", value: "PRESENT_REF" }),
  },
  // present reference
  {
    cue: /now|current|present/i,
    pattern: /\b(?:now|currently|presently|nowadays|at present|(?:then[\s-]+)?current(?!\s+(?:account|affairs|events|accounts)\b))\b/gi,
    // "the then-current price": current at a past time
    make: (m) => ({ type: "DATE", value: /^then/i.test(m[0]) ? "PAST_REF" : "PRESENT_REF" }),
  },
  // past reference
  {
    cue: /recent|lately|formerly|earlier|past/i,
    pattern: rx(
      `\\b(?:recently|lately|formerly|recent(?:\\s+(?<units>years|months|weeks|days|decades|quarters))?)\\b|(?<!-|\\b${UNIT}s?\\s+|^\\s*)\\bearlier(?=\\s*[,.;:]|\\s*$)|(?<=\\bin\\s+the\\s+)past\\b(?![\\s-]+(?:${NUMBER}|${UNIT}s?)\\b)`,
    ),
    // "in recent years": an unknown number of units up to now, as TimeML writes it (PXY)
    make: (m) => (m.groups?.units ? { type: "DURATION", value: durationValue("X", unitInfo(m.groups.units)) } : { type: "DATE", value: "PAST_REF" }),
  },
  // "in coming months", "future quarters": some time ahead
  {
    cue: /coming|future/i,
    pattern: /\b(?:coming|future)\s+(?:years|months|weeks|days|quarters)\b/gi,
    make: () => ({ type: "DATE", value: "FUTURE_REF" }),
  },
  // future reference: "the near future", "in the short term", "at a later date"
  {
    cue: /future|term|later\s+date/i,
    pattern: /(?<=\bthe\s+)(?:(?:near|distant|foreseeable)\s+)?future\b(?!\s+of\b)|(?<=\bthe\s+)(?:near|short|long|longer)\s+term\b(?!\s*-)|\ba\s+later\s+date\b/gi,
    make: () => ({ type: "DATE", value: "FUTURE_REF" }),
  },
  // "will one day be": an unknown time ahead
  {
    cue: /(?:one|some)\s+day/i,
    pattern: /(?<=\b(?:will|would|could|might|may|can|shall|should|must)\s+)(?:one|some)\s+day\b/gi,
    make: () => ({ type: "DATE", value: "FUTURE_REF" }),
  },
  // "these days": the present
  {
    cue: /these\s+days/i,
    pattern: /\bthese\s+days\b/gi,
    make: () => ({ type: "DATE", value: "PRESENT_REF" }),
  },
  // "at midday", "by mid-afternoon": a part of the day, on the day its sentence names (the stage finds it)
  {
    cue: /mid/i,
    pattern: rx(`\\b(?:midday|mid[\\s-]?(morning|afternoon|evening))(?:\\s+(yesterday|today|tomorrow|${WEEKDAY}))?\\b`),
    make: (m, { anchor, directionAt }) => {
      // "mid-afternoon yesterday": the day is named in the span
      const named = m[2]?.toLowerCase();
      const offset = named === "yesterday" ? -1 : named === "tomorrow" ? 1 : 0;
      const weekday = named ? weekdayNumber(named) : -1;
      const day = (anchor && weekday >= 0 ? resolveWeekday(anchor, weekday, directionAt(m.index!)) : dayOffset(anchor, offset)) ?? "XXXX-XX-XX";
      const time = m[1] ? { value: `${day}T${partOfDayCode(m[1])}`, mod: "MID" as const } : { value: `${day}T12:00` };
      return { type: "TIME", ...time, ...(named ? {} : { dayless: true }) };
    },
  },
  // "in the morning", "late in the afternoon": that part of the day the sentence or the text last named (the stage finds it), else of the DCT
  {
    cue: /morning|afternoon|evening/i,
    pattern: /(?<=\b(?:in|during)\s+the\s+)(morning|afternoon|evening)\b(?!\s+(?:of|after|before|hours)\b)/gi,
    make: (m, { anchor }) => ({ type: "TIME", value: `${dayOffset(anchor, 0) ?? "XXXX-XX-XX"}T${partOfDayCode(m[1]!)}`, dayless: true }),
  },
  // day words
  {
    cue: /yesterday|today|tomorrow|night|morning|afternoon|evening/i,
    pattern: rx(`\\b(yesterday|today|tomorrow|tonight|last night|this(?=\\s+${PART_OF_DAY}))(?:\\s+(${PART_OF_DAY}))?\\b`),
    make: (m, context) => {
      const { anchor } = context;
      // "USA Today", "VOA Today": a capitalized "Today" after a name is part of it
      if (m[1] === "Today" && /\b[A-Z][\w.]*\s+$/.test(before(m, context, 12))) return null;
      const word = m[1]!.toLowerCase().trim();
      const offset = word === "yesterday" || word === "last night" ? -1 : word === "tomorrow" ? 1 : 0;
      const day = dayOffset(anchor, offset);
      const part = word === "tonight" || word === "last night" ? "NI" : m[2] ? partOfDayCode(m[2]) : null;
      if (!day) return word === "today" && !part ? { type: "DATE", value: "PRESENT_REF" } : null;
      return part ? { type: "TIME", value: `${day}T${part}` } : { type: "DATE", value: day };
    },
  },
  // weekday
  {
    cue: /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i,
    // "following" and "previous" count from the narrative only after "the" ("prices rose following Monday's vote")
    pattern: rx(`\\b(?:(last|next|this|past|coming|(?<=\\bthe\\s+)(?:previous|preceding|following))\\s+)?(${WEEKDAY})(s?)(?:\\s+(${PART_OF_DAY})(s?))?\\b`),
    make: (m, context) => {
      const { anchor } = context;
      const direction = context.directionAt(m.index!);
      const weekday = weekdayNumber(m[2]!);
      // "Mondays", "Tuesday nights": every such day
      if (m[3] || m[5]) return { type: "SET", value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}${m[5] ? `T${partOfDayCode(m[4]!)}` : ""}` };
      const relation = m[1]?.toLowerCase();
      // "Wednesday's ruling": news names a day by what happened on it, so the day is past (or today)
      const possessive = /^['’]s\b/.test(context.text.slice(m.index! + m[0].length));
      const way = relation === "this" ? direction : relation ? (FUTURE_WORD.test(relation) ? "future" : "past") : possessive ? "past" : direction;
      const strict = relation !== undefined && relation !== "this";
      const day = anchor ? resolveWeekday(anchor, weekday, way, strict) : null;
      const value = day ?? `XXXX-WXX-${weekday === 0 ? 7 : weekday}`;
      if (m[4] && day) return { type: "TIME", value: `${day}T${partOfDayCode(m[4])}` };
      // "the previous Friday", "the following Monday": seen from the date the text last gave, else from the DCT
      const narrative = relation === "previous" || relation === "preceding" ? -1 : relation === "following" ? 1 : 0;
      return { type: "DATE", value, ...(narrative ? { anchored: { unit: "weekday" as const, shift: narrative, weekday } } : {}) };
    },
  },
  // spelled-out year, as broadcast transcripts write them: "nineteen ninety-six", "January nineteen ninety-seven",
  // "the winter of nineteen ninety-four", "the year two thousand"
  {
    cue: /nineteen|twenty|thousand/i,
    pattern: rx(
      `\\b(?:(?<month>${MONTH})\\s+|(?<season>${SEASON})\\s+of\\s+)?(?:(?<century>nineteen|twenty)[\\s-]+(?<rest>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)|(?<=\\byear\\s+)two\\s+thousand(?:\\s+and\\s+(?<units>one|two|three|four|five|six|seven|eight|nine))?)\\b`,
    ),
    make: (m) => {
      const { month, season: seasonWord, century, rest, units } = m.groups as Record<string, string | undefined>;
      const tail = rest ? numberValue(rest.replace(/\s+/g, "-")) : units ? numberValue(units) : 0;
      if (tail === "X" || (month && !/^[A-Z]/.test(month))) return null;
      const year = yearValue((century ? (century.toLowerCase() === "nineteen" ? 1900 : 2000) : 2000) + tail);
      if (month) return { type: "DATE", value: `${year}-${pad2(monthNumber(month))}` };
      return { type: "DATE", value: seasonWord ? `${year}-${season(seasonWord).code}` : year };
    },
  },
  // "the week of March 6": the ISO week of that day
  {
    cue: /week\s+of/i,
    pattern: rx(`(?<=\\bthe\\s+)week\\s+of\\s+(${MONTH})\\.?\\s+(\\d{1,2})\\b(?:,?\\s+(${YEAR}))?`),
    make: (m, { anchor, directionAt }) => {
      const month = monthNumber(m[1]!);
      const day = Number(m[2]);
      const year = m[3] ? Number(m[3]) : anchor ? resolveYear(anchor, month, day, directionAt(m.index!)) : null;
      return year && day <= 31 ? { type: "DATE", value: weekValue(utcDate(year, month, day)) } : null;
    },
  },
  // a month in a year named relative to the DCT: "January this year", "June 3 last year"
  {
    cue: /(?:this|last|next)\s+year/i,
    pattern: rx(`\\b(${MONTH})\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+(this|last|next)\\s+year\\b`),
    make: (m, { anchor }) => {
      if (!/^[A-Z]/.test(m[1]!) || !anchor) return null;
      const year = anchor.year + YEAR_SHIFT[m[3]!.toLowerCase()]!;
      const month = monthNumber(m[1]!);
      return { type: "DATE", value: m[2] ? dayValue(year, month, Number(m[2])) : monthValue(year, month) };
    },
  },
  // a month named relative to the DCT: "last May", "next March"
  {
    cue: /(?:last|next)\s/i,
    pattern: rx(`\\b(last|next)\\s+(${MONTH})\\b(?!\\.?\\s*\\d)`),
    make: (m, { anchor }) => {
      if (!/^[A-Z]/.test(m[2]!)) return null;
      const month = monthNumber(m[2]!);
      const relation = m[1]!.toLowerCase() === "last" ? "last" : "next";
      return { type: "DATE", value: anchor ? monthValue(resolveYear(anchor, month, undefined, relation), month) : `XXXX-${String(month).padStart(2, "0")}` };
    },
  },
  // "the weekend": the one under way at the DCT, else the one just past, or the coming one in a future clause ("ahead of the weekend")
  {
    cue: /weekend/i,
    pattern: /(?<=\bthe\s+)weekend\b/gi,
    make: (m, context) => {
      const dct = context.anchor && anchorDate(context.anchor);
      if (!dct) return null;
      const weekday = dct.getUTCDay();
      const sameWeek = weekday === 0 || weekday === 6;
      const ahead = !sameWeek && (context.directionAt(m.index!) === "future" || /\bahead\s+of\s+the\s+$/i.test(before(m, context, 20)));
      return { type: "DATE", value: `${weekValue(addDays(dct, sameWeek ? 0 : ahead ? 6 - weekday : -weekday - 1))}-WE` };
    },
  },
  // "year-earlier", "year-ago" results: the year before
  {
    cue: /year-/i,
    pattern: /\byear-(?:earlier|ago)(?:\s+period)?\b(?!\s+(?:(?:first|second|third|fourth)\s+)?quarter\b|\s+(?:three|six|nine|\d+)\s+months\b)/gi,
    make: (_m, { anchor }) => (anchor ? { type: "DATE", value: yearValue(anchor.year - 1) } : null),
  },
  // "the corresponding period last year", "last year's quarter": in a report, the year before (the stage makes it a quarter)
  {
    cue: /last\s+year/i,
    pattern: /(?<=\bthe\s+)(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year\b|\blast\s+year['’]s\s+(?:period|quarter)\b/gi,
    make: (_m, { anchor }) => (anchor ? { type: "DATE", value: yearValue(anchor.year - 1) } : null),
  },
  // holidays with a calendar date: "Christmas", "New Year's Day", "Thanksgiving", "the Fourth of July"
  {
    cue: /christmas|new year|thanksgiving|fourth of july|independence day|halloween|valentine/i,
    pattern:
      /\b(?:(last|next|this)\s+)?(Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Fourth\s+of\s+July|Independence\s+Day|Halloween|Valentine['’]s\s+Day)\b/g,
    make: (m, { anchor, directionAt }) => {
      const name = m[2]!.toLowerCase().replace(/\s+/g, " ").replace("’", "'");
      const relation = (m[1]?.toLowerCase() as "last" | "next" | "this" | undefined) ?? directionAt(m.index!);
      const [month, fixedDay] = HOLIDAYS.find(([pattern]) => pattern.test(name))!.slice(1) as [number, number | null];
      if (!anchor) return { type: "DATE", value: fixedDay ? `XXXX-${pad2(month)}-${pad2(fixedDay)}` : `XXXX-${pad2(month)}` };
      const year = resolveYear(anchor, month, fixedDay ?? 24, relation);
      return { type: "DATE", value: dayValue(year, month, fixedDay ?? thanksgiving(year)) };
    },
  },
  // decade
  {
    cue: /0s\b/,
    pattern: /\b(1\d|20)(\d)0s\b|(?<![\w'’])['’](\d)0s\b/gi,
    make: (m) => {
      const century = m[1] ?? (Number(m[3]) >= 3 ? "19" : "20");
      return { type: "DATE", value: `${century}${m[2] ?? m[3]}X` };
    },
  },
  // spelled-out decade: "the nineties", the latest such decade begun by the DCT
  {
    cue: /ties\b/i,
    pattern: /(?<=\bthe\s+(?:early\s+|mid-|late\s+)?)(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
    make: (m, { anchor }) => {
      const digit = DECADE_WORDS.indexOf(m[1]!.toLowerCase()) + 2;
      const latest = anchor ? Math.floor(anchor.year / 10) : 199;
      const decade = latest % 10 >= digit ? latest - (latest % 10) + digit : latest - (latest % 10) - 10 + digit;
      return { type: "DATE", value: `${decade}X` };
    },
  },
  // century
  {
    cue: /century/i,
    pattern: /\b(?:(\d{1,2})(?:st|nd|rd|th)|(nineteenth|twentieth|twenty-first))[\s-]+century\b/gi,
    make: (m) => {
      const ordinal = m[1] ? Number(m[1]) : ({ nineteenth: 19, twentieth: 20, "twenty-first": 21 } as Record<string, number>)[m[2]!.toLowerCase()]!;
      return { type: "DATE", value: String(ordinal - 1).padStart(2, "0") };
    },
  },
  // fiscal year
  {
    cue: /fiscal/i,
    pattern: rx(`\\bfiscal(?:\\s+year)?\\s+(${YEAR})\\b`),
    make: (m) => ({ type: "DATE", value: m[1]! }),
  },
  // year
  {
    cue: /(?:1[89]|20)\d\d/,
    pattern: rx(`(?<![\\d$£€#.,/]|(?<!\\b(?:mid|pre|post))-)${YEAR}(?!['’]?s\\b)(?![\\d/])`),
    make: (m, context) => {
      const following = after(m, context);
      const preceding = before(m, context);
      // "post-1959 politics": after that year, the prefix in the span
      const side = /\b(pre|post)-$/i.exec(preceding);
      if (side) return { type: "DATE", value: m[0], mod: side[1]!.toLowerCase() === "pre" ? "BEFORE" : "AFTER", lead: side[0].length };
      if (YEAR_COUNT_AFTER.test(following) && !DETERMINER_BEFORE.test(preceding)) return null;
      if (!YEAR_BEFORE.test(preceding) && !YEAR_RANGE_AFTER.test(following) && !QUALIFIED_BEFORE.test(preceding)) return null;
      return { type: "DATE", value: m[0] };
    },
  },
  // season
  {
    cue: /spring|summer|fall|autumn|winter/i,
    pattern: rx(`\\b(?:(last|this|next|past|coming)\\s+)?(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR}))?\\b(?!-)`),
    make: (m, context) => {
      const { code, firstMonth } = season(m[2]!);
      const relation = m[1]?.toLowerCase();
      if (m[3]) return { type: "DATE", value: `${m[3]}-${code}` };
      const word = m[2]!.toLowerCase();
      if (!relation && (word === "spring" || word === "fall") && !/\b(?:in|the|early|late|mid|during|by|until|since|of)\s*-?\s*$/i.test(before(m, context)))
        return null;
      const anchor = context.anchor;
      if (!anchor) return { type: "DATE", value: `XXXX-${code}` };
      const month = anchor.month ?? 12;
      const started = month >= firstMonth;
      let year = anchor.year;
      if (relation === "last" || relation === "past") year = started && month >= firstMonth + 3 ? anchor.year : anchor.year - 1;
      else if (relation === "next" || relation === "coming") year = started ? anchor.year + 1 : anchor.year;
      else if (!relation && context.directionAt(m.index!) === "past" && !started) year = anchor.year - 1;
      return { type: "DATE", value: `${yearValue(year)}-${code}` };
    },
  },
  // quarter
  {
    cue: /quarter|latest\s+period/i,
    pattern: rx(
      `\\b(?:(?:(${YEAR})\\s+|(?<back>year-(?:earlier|ago))\\s+|(?<yearOf>this|last|next)\\s+year['’]s\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)|(last|latest|past|previous|this|current|next|coming|year-earlier|year-ago))[\\s-]+(?:fiscal[\\s-]+)?quarter\\b(?:,?\\s+(?:of\\s+)?(?:fiscal\\s+)?(${YEAR}))?|(?<=\\bthe\\s+)latest\\s+period\\b|(?<=\\bthe\\s+)quarter\\b(?!\\s+(?:of\\s+)?(?:a|an|the|century)\\b|${COMPARED_UNIT})`,
    ),
    make: (m, context) => {
      const { anchor, directionAt } = context;
      const direction = directionAt(m.index!);
      const ordinal = m[4] ? ORDINALS[m[4].toLowerCase()]! : null;
      const namedYear = m[1] ?? m[6];
      // "the quarter ended July 31": the calendar quarter holding most of the three months to that day
      const ended = !ordinal && !m[5] ? QUARTER_ENDED.exec(after(m, context)) : null;
      if (ended && anchor) {
        const endMonth = monthNumber(ended[1]!);
        const endYear = ended[3] ? Number(ended[3]) : resolveYear(anchor, endMonth, Number(ended[2]), "past");
        const [year, middle] = shiftMonth(endYear, endMonth, -1);
        return { type: "DATE", value: `${yearValue(year)}-Q${quarterOf(middle)}` };
      }
      if (ordinal && namedYear) return { type: "DATE", value: `${namedYear}-Q${ordinal}` };
      // "next year's first quarter": that quarter of the year named relative to the DCT
      const yearOf = m.groups?.yearOf?.toLowerCase();
      if (ordinal && yearOf) return anchor ? { type: "DATE", value: `${yearValue(anchor.year + YEAR_SHIFT[yearOf]!)}-Q${ordinal}` } : null;
      // "the year-ago third quarter": that quarter of the year before the DCT's
      if (ordinal && m.groups?.back) return anchor ? { type: "DATE", value: `${yearValue(anchor.year - 1)}-Q${ordinal}` } : null;
      if (!anchor?.month) return ordinal ? { type: "DATE", value: `${anchor ? yearValue(anchor.year) : "XXXX"}-Q${ordinal}` } : null;
      const current = quarterOf(anchor.month);
      if (ordinal) {
        // The quarter just ended is the one reports speak of, whatever their tense ("plans cuts after a third-quarter loss").
        const justEnded = ordinal === current - 1 || (current === 1 && ordinal === 4);
        const way = justEnded ? "past" : direction;
        const year = way === "past" ? (ordinal <= current ? anchor.year : anchor.year - 1) : ordinal >= current ? anchor.year : anchor.year + 1;
        return { type: "DATE", value: `${yearValue(year)}-Q${ordinal}` };
      }
      const relation = m[5]?.toLowerCase() ?? "the";
      const shift = { this: 0, current: 0, next: 1, coming: 1, "year-earlier": -5, "year-ago": -5 }[relation] ?? -1;
      const [year, month] = shiftMonth(anchor.year, anchor.month, 3 * shift);
      return { type: "DATE", value: `${yearValue(year)}-Q${quarterOf(month)}` };
    },
  },
  // "the first half of 1990", "the last half of this year", "the first two quarters of 1990": a half year
  {
    cue: /half|two\s+quarters/i,
    pattern: rx(`\\b(first|second|last|latter)\\s+(?:half|two\\s+quarters)\\s+of\\s+(?:(${YEAR})|(this|last|next)\\s+year|the\\s+year)\\b`),
    make: (m, { anchor }) => {
      const half = m[1]!.toLowerCase() === "first" ? "H1" : "H2";
      const year = m[2] ? Number(m[2]) : anchor ? anchor.year + ({ last: -1, next: 1 }[m[3]?.toLowerCase() ?? ""] ?? 0) : null;
      return year ? { type: "DATE", value: `${yearValue(year)}-${half}` } : null;
    },
  },
  // "the 1988 period", "the 1988 quarter" in a report: that year's quarter (the stage gives it the quarter under report)
  {
    cue: /period|quarter/i,
    pattern: rx(`(?<=\\bthe\\s+)(${YEAR})\\s+(?:period|quarter)\\b`),
    make: (m) => ({ type: "DATE", value: m[1]! }),
  },
  // anchored to the previous date in the text: "the following month", "the same day" (the stage resolves them)
  {
    cue: /same|following|previous|preceding|next\s+day/i,
    // "the next day" follows the narrative; "the next year" more often counts from the DCT, as "next year" does
    pattern: /\bthe\s+(?:(same|following|previous|preceding)\s+(day|week|month|year)|(next)\s+(day))\b/gi,
    make: (m) => {
      const relation = (m[1] ?? m[3]!).toLowerCase();
      const unit = (m[2] ?? m[4]!).toLowerCase() as "day" | "week" | "month" | "year";
      return { type: "DATE", value: "", anchored: { unit, shift: relation === "same" ? 0 : relation === "following" || relation === "next" ? 1 : -1 } };
    },
  },
  // "on April 24 and 25": a later day of the month just named, counted from it (the stage resolves it)
  {
    cue: /\d\s+(?:and|or)\s+\d/,
    pattern: rx(`(?<=\\b${MONTH}\\.?\\s+(\\d{1,2})\\s+(?:and|or)\\s+)(\\d{1,2})(?=\\s*(?:[,.;:)]|$)|\\s+(?:in|at|on|to|for|when|while)\\b)`),
    make: (m) => {
      const [first, second] = [Number(m[1]), Number(m[2])];
      return second > first && second <= 31 ? { type: "DATE", value: "", anchored: { unit: "day", shift: second - first } } : null;
    },
  },
  // anchored to the previous date: "that year", "later that year", "earlier that day", "that same day"
  {
    cue: /that\s/i,
    pattern: /\b(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(day|week|month|year)\b/gi,
    make: (m) => ({ type: "DATE", value: "", anchored: { unit: m[1]!.toLowerCase() as "day" | "week" | "month" | "year", shift: 0 } }),
  },
  // "since then", "until then": the previous date itself
  {
    cue: /then\b/i,
    pattern: /(?<=\b(?:since|until|till|by|before|from)\s+)then\b/gi,
    make: () => ({ type: "DATE", value: "", anchored: { unit: "date", shift: 0 } }),
  },
  // "Around this time": about the previous date
  {
    cue: /(?:around|about)\s+th(?:is|at)\s+time/i,
    pattern: /\b(?:around|about)\s+th(?:is|at)\s+time\b/gi,
    make: () => ({ type: "DATE", value: "", mod: "APPROX", anchored: { unit: "date", shift: 0 } }),
  },
  // a report's year: "for the year ended Sept. 30" is a year's length; "for the year", "the full year" the DCT's year
  {
    cue: /\byear\b/i,
    pattern: rx(`(?<=\\bthe\\s+)(?:(?:full|fiscal|current|whole|entire)\\s+)*year\\b(?![-\\s]+(?:before|after|earlier|ago|later|\\d|two|nineteen)\\b|${COMPARED_UNIT})(\\s+(?:ended|ending)\\b)?`),
    make: (m, { anchor }) => {
      // "Person of the Year", "Employee of the Month": a title, not a time
      if (/(?:^|\s)[A-Z]\w*$/.test(m[0]) || TITLE_BEFORE.test(m.input!.slice(0, m.index!))) return null;
      if (m[1]) return { type: "DURATION", value: "P1Y", length: m[0].length - m[1].length };
      return anchor ? { type: "DATE", value: yearValue(anchor.year) } : null;
    },
  },
  // "by the end of the month": the DCT's month
  {
    cue: /month\b/i,
    pattern: /(?<=\bthe\s+)(?:current\s+)?month\b(?![-\s]+(?:before|after|earlier|ago|later|of|long|old)\b|-)/gi,
    make: (m, { anchor }) => {
      if (/^[A-Z]|\s[A-Z]/.test(m[0]) || TITLE_BEFORE.test(m.input!.slice(0, m.index!))) return null;
      return anchor?.month ? { type: "DATE", value: monthValue(anchor.year, anchor.month) } : null;
    },
  },
  // "year-end", "by year's end": the end of the DCT's year
  {
    cue: /year/i,
    pattern: /\byear(?:-|\s+|['’]s\s+)end\b/gi,
    make: (_m, { anchor }) => (anchor ? { type: "DATE", value: yearValue(anchor.year), mod: "END" } : null),
  },
  // relative unit
  {
    cue: /week|month|year|decade|century/i,
    pattern: rx(`\\b(?:(earlier|later)\\s+)?(last|next|this|past|coming|previous)\\s+(week|weekend|month|year|decade|century)\\b`),
    make: (m, context) => {
      const { anchor } = context;
      // "ABC's 'This Week'": a capitalized unit inside a sentence names a programme
      if (/^[A-Z]/.test(m[3]!) && m.index! > 0) return null;
      const relation = m[2]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      // "in the past year": the year before the DCT's, as news uses it
      if (relation === "past" && unit === "year" && anchor && /\bthe\s+$/i.test(before(m, context, 5))) return { type: "DATE", value: yearValue(anchor.year - 1) };
      if (relation === "past" || unit === "decade" || unit === "century") {
        if (relation === "this") return null;
        return { type: "DURATION", value: durationValue(1, unitInfo(unit)) };
      }
      if (!anchor) return null;
      const shift = relation === "last" || relation === "previous" ? -1 : relation === "this" ? 0 : 1;
      const value = shifted(anchor, unit, shift);
      if (!value) return null;
      if (unit === "weekend") {
        const dct = anchorDate(anchor)!;
        return { type: "DATE", value: `${weekValue(addDays(dct, 7 * shift))}-WE` };
      }
      return { type: "DATE", value, ...(m[1]?.toLowerCase() === "earlier" ? { mod: "START" as const } : {}) };
    },
  },
  // frequency
  {
    cue: /every|each|daily|nightly|weekly|monthly|yearly|annually|hourly|once|twice|times/i,
    pattern: rx(
      `\\b(?:(?:every|each)\\s+(other\\s+)?(?:(${NUMBER})\\s+)?(${UNIT}|${WEEKDAY}|${MONTH})s?|(daily|nightly|weekly|monthly|yearly|annually|hourly)|(?:once|twice|three times|\\d+ times)\\s+(?:a|an|per|each|every)\\s+(${UNIT}))\\b`,
    ),
    make: (m, context) => {
      if (m[4]) {
        // A name ("Daily Telegraph") or an average ("the average daily volume"), not a frequency.
        if ((/^[A-Z]/.test(m[4]) && m.index! > 0) || /\baverage\s+$/i.test(before(m, context, 12))) return null;
        if (AMOUNT_BEFORE.test(before(m, context, 30))) return null;
        const word = m[4].toLowerCase();
        const unit = word === "daily" || word === "nightly" ? "day" : word === "annually" ? "year" : word.replace(/ly$/, "");
        return { type: "SET", value: durationValue(1, unitInfo(unit)) };
      }
      const unit = m[3] ?? m[5]!;
      const weekday = weekdayNumber(unit);
      if (weekday >= 0) return { type: "SET", value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}` };
      // "each July": that month of every year
      if (!unitInfoOrNull(unit)) return /^[A-Z]/.test(unit) ? { type: "SET", value: `XXXX-${pad2(monthNumber(unit))}` } : null;
      const count = m[2] ? numberValue(m[2]) : m[1] ? 2 : 1;
      if (context.text.slice(m.index! + m[0].length).startsWith("-")) return null;
      return { type: "SET", value: durationValue(count, unitInfo(unit)) };
    },
  },
  // rate
  {
    cue: /\b(?:a|an|per)\s+(?:second|minute|hour|day|night|week|month|quarter|year)/i,
    pattern: rx(`(?<=\\b(?:times|once|twice)\\s+)(?:a|an|per)\\s+(${UNIT})\\b`),
    make: (m) => ({ type: "SET", value: durationValue(1, unitInfo(m[1]!)) }),
  },
  // duration or offset
  {
    cue: /second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur/i,
    pattern: rx(
      `\\b(?:(?:first|last|past|next|coming|previous|final|initial|following)\\s+)?(?<number>${NUMBER})(?<halfBefore>\\s+and\\s+a\\s+half)?[\\s-]+(?:(?:more|additional|further|straight|consecutive|full|trading|business|working)\\s+)?(?<unit>${UNIT})s?\\b(?<halfAfter>\\s+and\\s+a\\s+half\\b)?(?:(?<old>[\\s-]+old\\b)|(?<orSo>\\s+or\\s+so)?\\s+(?<offset>ago|earlier|later|from now|hence)\\b)?`,
    ),
    make: (m, context) => {
      const { number, unit, old, offset, halfBefore, halfAfter, orSo } = m.groups as Record<string, string>;
      if (old) return null;
      // "$500 million a year", "8.5% a year": a unit of a measure, not a time
      if (!offset && /^(?:an?|per)$/i.test(number!) && AMOUNT_BEFORE.test(before(m, context, 20))) return null;
      if (/^second$/i.test(unit!) && /^an?$/i.test(number!)) return null;
      if (/\bag(?:e|ed|es)\s*$/i.test(before(m, context, 8))) return null;
      const whole = numberValue(number!);
      const count = whole !== "X" && (halfBefore || halfAfter) ? whole + 0.5 : whole;
      // "the 1988 quarter": a year before a unit, not a count; "three-quarters of": a fraction
      if (/^(?:1[89]|20)\d\d$/.test(number!) || (/^quarter/i.test(unit!) && FRACTION_OF.test(after(m, context)))) return null;
      // "60 Minutes", "Seven Days": a capitalized unit inside a sentence names a programme or a title
      if (/^[A-Z]/.test(unit!) && m.index! > 0 && !/^[A-Z]/.test(number!)) return null;
      // "a night club", "a day school": the unit word qualifies a noun
      if (!offset && /^an?\s+\w+$/i.test(m[0]) && /^\s*(?:club|clubs|shift|shifts|care|school|schools|market|markets|life|trip|trips|pass|passes|ticket|tickets|shelter|shelters|job|jobs|labou?rers?)\b/i.test(after(m, context, 12))) return null;
      // "referring to a year of attacks": a period named by what filled it, not a length of time
      if (!offset && count === 1 && /^\s+of\s+(?!the\b|\d)[a-z]/i.test(after(m, context)) && !DURATION_BEFORE.test(before(m, context, 20))) return null;
      // "A few months later", "three days later", "a day earlier": TimeML tags the length, and the word after is its
      // signal; only a year or more before ("a year earlier" in a report) names the earlier point itself.
      if (offset && /^(?:earlier|later)$/i.test(offset) && (count === "X" || /^later$/i.test(offset) || !/^[YEC]$/.test(unitInfo(unit!).letter)))
        return { type: "DURATION", value: durationValue(count, unitInfo(unit!)), length: m[0].length - offset.length - 1 };
      if (offset) {
        const ago = /^(?:ago|earlier)$/i.test(offset);
        if (count === "X" || !context.anchor) return { type: "DATE", value: ago ? "PAST_REF" : "FUTURE_REF" };
        const value = shifted(context.anchor, unit!, ago ? -count : count);
        // "two hours ago": no calendar point to name, so the length is the expression.
        return value
          ? { type: "DATE", value, ...(orSo ? { mod: "APPROX" as const } : {}) }
          : { type: "DURATION", value: durationValue(count, unitInfo(unit!)), length: m[0].length - offset.length - 1 };
      }
      // "would be redeemed in five years": a point that far ahead of the DCT (not "in a quarter that …")
      const ahead = /\bin\s+$/i.test(before(m, context, 4)) && !/^\s+(?:that|which|when|where|of)\b/i.test(after(m, context, 8));
      if (count !== "X" && context.anchor && ahead && context.directionAt(m.index!) === "future") {
        const value = shifted(context.anchor, unit!, count);
        if (value) return { type: "DATE", value };
      }
      return { type: "DURATION", value: durationValue(count, unitInfo(unit!)) };
    },
  },
  // "day-long", "decades-long"
  {
    cue: /-long\b/i,
    pattern: rx(`\\b(${UNIT})(s?)-long\\b`),
    make: (m) => ({ type: "DURATION", value: durationValue(m[2] ? "X" : 1, unitInfo(m[1]!)) }),
  },
  // a stretch of time of unknown length around the narrative: "over the years", "in the years that followed", "the weeks ahead"
  {
    cue: /(?:years|months|weeks|days|decades)\s+(?:that|ahead|to\s+come)|over\s+the\s+(?:years|months|decades)/i,
    pattern:
      /(?<=\bover\s+the\s+)(?:years|months|decades)\b(?!\s+(?:of|since|before|after|between|from)\b)|(?<=\bthe\s+)(?:years|months|weeks|days|decades)(?=\s+that\s+followed\b)|(?<=\bthe\s+)(?:years|months|weeks|days|decades)\s+(?:ahead|to\s+come)\b/gi,
    make: (m) => ({ type: "DURATION", value: durationValue("X", unitInfo(m[0].split(/\s/)[0]!)) }),
  },
  // vague duration
  {
    cue: /years|months|weeks|days|decades|centuries|hours|minutes/i,
    pattern: rx(
      `(?<=\\b(?:for|over|within|after|took|takes|take|lasted|last|only|just|mere)\\s+)(?:years|months|weeks|days|decades|centuries|hours|minutes)\\b|(?<=\\bin\\s+)(?:years|months|weeks|decades)\\b(?=\\s*[.,;:]|\\s*$)`,
    ),
    make: (m) => ({ type: "DURATION", value: durationValue("X", unitInfo(m[0])) }),
  },
];

/** The cues without their /i flag: a case-sensitive test of the lower-cased sentence is much faster. */
const CUES = RULES.map((rule) => new RegExp(rule.cue.source, rule.cue.flags.replace("i", "")));
/** How many consecutive rules share one joined cue (about 10 measured fastest: most sentences pass few cues). */
const CUE_GROUP_SIZE = 10;
/** Runs of consecutive rules, each with one regex joining their cues: it matches exactly when one of them does, so a sentence it misses skips the run. */
const CUE_GROUPS = Array.from({ length: Math.ceil(RULES.length / CUE_GROUP_SIZE) }, (_, index) => {
  const first = index * CUE_GROUP_SIZE;
  const end = Math.min(first + CUE_GROUP_SIZE, RULES.length);
  return { first, end, cue: new RegExp(CUES.slice(first, end).map((cue) => `(?:${cue.source})`).join("|")) };
});

/** Every rule's proposals for one sentence; `priority` is the rule's rank (lower wins a tie). */
export function patternCandidates(context: SentenceContext): (Candidate & { priority: number })[] {
  const found: (Candidate & { priority: number })[] = [];
  const lower = context.text.toLowerCase();
  for (const group of CUE_GROUPS) {
    if (!group.cue.test(lower)) continue;
    for (let priority = group.first; priority < group.end; priority++) {
      if (!CUES[priority]!.test(lower)) continue;
      const rule = RULES[priority]!;
      for (const match of allMatches(rule.pattern, context.text)) {
        const proposal = rule.make(match, context);
        if (!proposal) continue;
        const { length, lead = 0, ...candidate } = proposal;
        found.push({ ...candidate, start: match.index! - lead, end: match.index! + (length ?? match[0].length), priority });
      }
    }
  }
  return found;
}
