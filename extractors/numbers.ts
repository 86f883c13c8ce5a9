/**
 * Quantities as news states them: "16+", "at least 250", "around 30",
 * "1,500 – 2,000", "eight people", "more than 100", word numbers, and the
 * casualty figures of an incident (killed, wounded, hostages kept apart;
 * freed prisoners are none of them). "unknown" yields nothing.
 */
import type { Quantity } from "../pipeline/schema.ts";
import { allMatches } from "./regex.ts";

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = `(?:${[...Object.keys(TENS), ...Object.keys(UNITS)].join("|")})`;
/** One number as written: digits (1,500 / 2.5) or words (twenty-five, two hundred, a dozen). */
export const NUMBER_SOURCE =
  `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|a\\s+dozen|dozens|hundreds|thousands|` +
  `${WORD}(?:[-\\s]${WORD})?(?:\\s+(?:hundred|thousand|million)(?:\\s+(?:and\\s+)?${WORD}(?:[-\\s]${WORD})?)?)?)`;

/** The value of one written number, or undefined. Vague plurals ("dozens") give their floor. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^[\d,]+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^a\s+dozen$/.test(t)) return 12;
  if (t === "dozens") return 24;
  if (t === "hundreds") return 200;
  if (t === "thousands") return 2000;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word in SCALES) {
      current = (current || 1) * SCALES[word]!;
      if (SCALES[word]! >= 1000) {
        total += current;
        current = 0;
      }
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

const APPROX = "around|about|approximately|roughly|some|an estimated|estimated|nearly|almost|close to|circa|~";
const AT_LEAST = "at least|a minimum of|no fewer than|no less than";
const MORE_THAN = "more than|over|upwards of|in excess of";
const AT_MOST = "up to|as many as|no more than|not more than|unlikely to have more than|at most";
const FEWER_THAN = "fewer than|less than|under";
const MODIFIER = `${AT_LEAST}|${MORE_THAN}|${AT_MOST}|${FEWER_THAN}|${APPROX}`;
const DASH = "\\s*(?:–|—|-|to)\\s*";

/** A quantity phrase: optional modifier, a number, an optional "+" or range end. */
const BETWEEN = "between\\s+";
const RANGE_END = `(?:${DASH}|\\s+and\\s+)`;
export const QUANTITY_SOURCE = `(?:${BETWEEN}${NUMBER_SOURCE}${RANGE_END}${NUMBER_SOURCE}|(?:(?:${MODIFIER})\\s+)?${NUMBER_SOURCE}(?:\\+|\\s+or\\s+more|${DASH}${NUMBER_SOURCE})?)`;
const QUANTITY_PARTS = new RegExp(
  `^(?:(${MODIFIER}|between)\\s+)?(${NUMBER_SOURCE})(\\+|\\s+or\\s+more|${RANGE_END}(${NUMBER_SOURCE}))?$`,
  "i",
);
const inList = (list: string, word: string) => list.split("|").includes(word.toLowerCase().replace(/\s+/g, " "));

/** "at least 250" → {min: 250}; "1,500 – 2,000" → {min: 1500, max: 2000}; "around 30" → approx; else undefined. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY_PARTS.exec(text.trim());
  if (!match) return undefined;
  const [, modifier, first, tail, second] = match;
  const n = parseNumber(first!);
  if (n === undefined) return undefined;
  const vague = /^(?:dozens|hundreds|thousands)$/i.test(first!);
  if (second) {
    const m = parseNumber(second);
    if (m === undefined || m < n) return undefined;
    return { min: n, max: m };
  }
  if (tail || vague) return { min: n };
  if (!modifier) return { min: n, max: n };
  if (inList(AT_LEAST, modifier)) return { min: n };
  if (inList(MORE_THAN, modifier)) return { min: n + 1 };
  if (inList(AT_MOST, modifier)) return { max: n };
  if (inList(FEWER_THAN, modifier)) return { max: Math.max(0, n - 1) };
  return { min: n, max: n, approx: true };
}

export interface Casualties {
  killed?: Quantity;
  wounded?: Quantity;
  hostages?: Quantity;
}

const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
/** A quantity that is not the day of a date ("July 29"). */
const Q = `(?<![-\\w])(${QUANTITY_SOURCE})`;
/** Calendar dates ("July 29", "7 January 2022"), blanked before counting so their numbers are not read as tolls. */
const CALENDAR_DATE = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})\\b\\.?|(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)(?:,?\\s+\\d{4}\\b)?`, "g");
const blankDates = (text: string) => text.replace(CALENDAR_DATE, (date) => " ".repeat(date.length));
/** Up to three words naming who: "people", "Tajiki soldiers", "military troops and PNO members". */
const WHO = `(?:\\s*\\([^)]{0,30}\\)|\\s+(?:and\\s+)?(?!(?:that|who|which|in|on|at|the|was|were|when|after|before|since|as|times|shots|rounds|bullets|shot|killed|attacked|stabbed|injured|wounded|opened|fired|kill|killing)\\b)['‘’"“”]?[A-Za-z][\\w'’"”-]*){0,5}?`;
/** "were killed" needs its auxiliary ("150 troops killed two civilians" is no toll); "died" does not. */
const BE = "(?:\\s+(?:were|was|have been|had been|are|got|being|reportedly|also|later))*";
const BE_REQUIRED = "(?:\\s+(?:reportedly|also|later))*\\s+(?:were|was|have been|had been|are|got|being)(?:\\s+(?:reportedly|also|later|critically|seriously|fatally|severely|slightly))*";
const KILL_VERB = `(?:${BE_REQUIRED}\\s+(?:killed|slain|murdered|shot dead|shot and killed|executed|beheaded|found dead)|${BE}\\s+(?:dead|died|perished|lost their lives))`;
const WOUND_VERB = `${BE_REQUIRED}\\s+(?:wounded|injured|hurt|maimed|shot and wounded|shot and injured)`;

/** One conjunct's count: a quantity, or "a"/"an" for one person ("and a councilman"). */
const ITEM = `(?:${Q}|\\b(?:a|an)(?!\\s+(?:number|few|total|group|dozen|couple|lot|series|string)\\b)(?=\\s))`;

/** A coordinated subject before a passive verb: "Two policemen and one polio worker were killed" → 3. */
/** A coordinated subject ending at its verb: the subject is read back from each verb, in a bounded window. */
interface Coordination {
  verbs: RegExp;
  /** The verb phrase the subject ends on ("were killed"): without it the costly subject pattern cannot match. */
  verbPhrase: RegExp;
  subject: RegExp;
}
const coordination = (verb: string, heads: string): Coordination => ({
  verbs: new RegExp(`\\b(?:${heads})\\b`, "gi"),
  verbPhrase: new RegExp(`${verb}$`, "i"),
  subject: new RegExp(`(?:${ITEM}${WHO}\\s*(?:,|and)\\s*)*${ITEM}${WHO}${verb}$`, "i"),
});
const CONJUNCT = new RegExp(`(?:^|,|\\band\\b)\\s*${ITEM}`, "gi");
const KILLED_COORDINATED = coordination(KILL_VERB, "killed|slain|murdered|shot dead|shot and killed|executed|beheaded|found dead|dead|died|perished|lost their lives");
const WOUNDED_COORDINATED = coordination(WOUND_VERB, "wounded|injured|hurt|maimed|shot and wounded|shot and injured");
/** How far before its verb a coordinated subject may start. */
const SUBJECT_REACH = 160;

function coordinated(text: string, { verbs, verbPhrase, subject }: Coordination): Quantity | undefined {
  for (const verb of allMatches(verbs, text)) {
    const end = verb.index + verb[0].length;
    const before = text.slice(Math.max(0, verb.index - SUBJECT_REACH), end);
    const match = verbPhrase.test(before) ? subject.exec(before) : null;
    if (!match) continue;
    const phrase = match[0];
    let sum: Quantity | undefined;
    let counted = false;
    let conjuncts = 0;
    for (const item of allMatches(CONJUNCT, phrase)) {
      const q = item[1] === undefined ? { min: 1, max: 1 } : casualtyCount(item[1]);
      if (!q) continue;
      counted ||= item[1] !== undefined;
      conjuncts++;
      sum = sum ? addQuantity(sum, q) : q;
    }
    // A figure, or people counted one by one ("a woman and a female adolescent"); "a man was killed" is left to victims().
    if (sum && (counted || conjuncts > 1)) return sum;
  }
  return undefined;
}

/** The sum of two counts of different people. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const out: Quantity = {};
  if (a.min !== undefined && b.min !== undefined) out.min = a.min + b.min;
  if (a.max !== undefined && b.max !== undefined) out.max = a.max + b.max;
  if (a.approx || b.approx) out.approx = true;
  if (out.min === undefined && out.max === undefined) return a;
  return out;
}

/** A casualty figure; a bare year ("in 2013 Omar died") is not one. */
function casualtyCount(text: string): Quantity | undefined {
  return /^(?:1[89]|20)\d\d$/.test(text.trim()) ? undefined : parseQuantity(text);
}

/** First quantity captured by any pattern, in pattern order. */
/** A figure the text states, found once per text; patterns then test only what stands around each. */
interface Figure {
  start: number;
  end: number;
  text: string;
}
const FIGURE = new RegExp(`(?<![-\\w])(?:${QUANTITY_SOURCE})(?![\\w])`, "gi");

function figuresIn(text: string): Figure[] {
  return allMatches(FIGURE, text).map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/**
 * A toll pattern: a figure with what must precede and follow it ("(16+ killed",
 * "39 dead"), or a keyword and the figure right after it ("killing 25").
 */
type TollPattern = { before?: RegExp; after: RegExp } | KeywordPattern;

/**
 * A keyword and the quantity pattern read where it ends. The long quantity
 * pattern is compiled once for all keywords instead of once in each.
 */
interface KeywordPattern {
  keyword: RegExp;
  quantity: RegExp;
}
const QUANTITY_AT = new RegExp(Q, "iy");
const QUANTITY_WORD_AT = new RegExp(`${Q}\\b`, "iy");
const keyword = (source: string, quantity = QUANTITY_AT): KeywordPattern => ({ keyword: new RegExp(`${source}\\s+`, "gi"), quantity });

/**
 * The first countable quantity right after the keyword, as one pattern of
 * both would find it: no keyword starts inside another's words, and no
 * quantity starts with a space.
 */
function afterKeyword(text: string, { keyword, quantity }: KeywordPattern): Quantity | undefined {
  keyword.lastIndex = 0;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    quantity.lastIndex = keyword.lastIndex;
    const figure = quantity.exec(text);
    if (!figure) continue;
    const q = casualtyCount(figure[1]!);
    if (q) return q;
    // The next match starts after this one's quantity.
    keyword.lastIndex = quantity.lastIndex;
  }
  return undefined;
}

const around = (before: string | undefined, after: string): TollPattern => ({
  ...(before ? { before: new RegExp(`${before}$`, "i") } : {}),
  after: new RegExp(after, "iy"),
});

function firstOf(text: string, figures: Figure[], patterns: TollPattern[]): Quantity | undefined {
  for (const pattern of patterns) {
    if ("keyword" in pattern) {
      const q = afterKeyword(text, pattern);
      if (q) return q;
      continue;
    }
    for (const figure of figures) {
      if (pattern.before && !pattern.before.test(text.slice(Math.max(0, figure.start - 20), figure.start))) continue;
      pattern.after.lastIndex = figure.end;
      if (!pattern.after.test(text)) continue;
      const q = casualtyCount(figure.text);
      if (q) return q;
    }
  }
  return undefined;
}

/** "a civilian", "an IMU member", "one drug trafficker": one person, not "a number of" or "a group of". */
const SINGLE_VICTIM = "(?:a|an|one|his|her|the)\\s+(?!(?:number|lot|total|group|dozen|few|couple|series|string|wave|hail|barrage|people|civilians|residents|villagers)\\b)(?:[\\w-]+\\s+){0,5}?(?!(?:number|lot|total|group|dozen|few|couple|series|people|civilians)\\b)[a-z0-9][\\w-]*";

const KILLED_PATTERNS: TollPattern[] = [
  around("\\(\\s*", "\\s+(?:killed|dead)\\b"),
  around(undefined, "\\s+(?:fatalities|fatality|deaths|dead|killed)\\b"),
  keyword("\\b(?:killing|killed|kills|kill|left|leaving|claimed the lives of|claiming the lives of|death toll (?:of|rose to|to|at)|death toll (?:stood|stands) at|shot dead|murdered|executed|beheaded)"),
  around(undefined, `${WHO}\\s+(?:dead|deaths)\\b`),
  keyword("\\bbod(?:y|ies)\\s+of"),
  around(undefined, `${WHO}(?:'s|’s)?\\s+(?:bodies|corpses)\\b`),
  keyword("\\b(?:killing|deaths?|murders?)\\s+of"),
  keyword("\\b(?:fatalities|deaths|death\\s+toll|casualties)\\s+(?:were\\s+|was\\s+|is\\s+)?(?:coded|estimated|put|set|rose|stood)\\s+(?:as|at|to)"),
];
const WOUNDED_PATTERNS: TollPattern[] = [
  around(undefined, "\\s+(?:wounded|injured|injuries)\\b"),
  keyword("\\b(?:wounding|wounded|injuring|injured|injures|wounds)"),
];
const HOSTAGE_PATTERNS: TollPattern[] = [
  around("\\b(?:held|holding|took|taking|take|seized|kidnapped|abducted|kidnapping|abducting)\\s+", `${WHO}\\s+(?:people\\s+)?(?:as\\s+)?hostages?\\b`),
  around(undefined, "\\s+hostages\\b"),
  keyword("\\b(?:kidnapped|abducted|kidnapping|abducting)", QUANTITY_WORD_AT),
];
/** People taken, listed after the verb: "kidnapped the mayor and three officials", "took four geologists and eight soldiers hostage". */
const KIDNAPPED = /\b(?:kidnapped|abducted|kidnapping|abducting)\s+/gi;
/** Words without which neither pattern can match: a cheap test that spares most sentences both. */
const HOSTAGE_WORDS = /hostage|kidnap|abduct/i;
const TAKEN_HOSTAGE = /\b(?:took|taking|take|takes|held|holding|hold|holds|seized|seizing)\s+((?:[\w’'-]+,?\s+){1,12}?)(?:as\s+)?hostages?\b/gi;

/**
 * Hostages counted one by one: a list of several kinds ("four Japanese
 * geologists and eight Kyrgyz soldiers" 12, "the mayor and three officials"
 * 4) or one person ("kidnapped a journalist"). A single counted kind keeps
 * the figure's own reading ("around 30 Hazara men", "at least 250 people").
 */
function listedHostages(text: string): Quantity | undefined {
  if (!HOSTAGE_WORDS.test(text)) return undefined;
  const objects = [
    ...allMatches(TAKEN_HOSTAGE, text).map((m) => m[1]!),
    ...allMatches(KIDNAPPED, text).map((m) => objectOf(text.slice(m.index + m[0].length))),
  ];
  for (const object of objects) {
    if (!CONJUNCTS.test(object) && NUMERAL.test(object)) continue;
    const count = listedCount(object);
    if (count) return { min: count, max: count };
  }
  return undefined;
}
const NONE_KILLED = /\b(?:no (?:one|body) (?:was|were) (?:killed|hurt)|nobody (?:was|were) (?:killed|hurt)|no (?:fatalities|deaths|casualties)|(?:were|was) no (?:fatalities|deaths|casualties)|without (?:casualties|fatalities))\b/i;
const NONE_WOUNDED = /\b(?:no (?:one|body) (?:was|were) (?:hurt|injured|wounded)|no (?:injuries|casualties)|(?:were|was) no (?:injuries|casualties))\b/i;

/** The casualty figures a sentence or list item states. A parenthesised tally "(8 killed, 3 wounded)" wins. */
/** Words without which a text states no toll: a cheap test before the costly patterns. */
const TOLL_WORD = /kill|dead|die|death|fatal|wound|injur|hurt|maim|hostage|kidnap|abduct|bod(?:y|ies)|corpse|slain|murder|execut|behead|perish|lives|casualt/i;

/** A numeral in digits or words: without one, only the one-by-one and "no casualties" readings apply. */
const NUMERAL = new RegExp(`\\d|\\b(?:${WORD}|dozens?|hundreds|thousands)\\b`, "i");

export function casualties(source: string): Casualties {
  const out: Casualties = {};
  if (!TOLL_WORD.test(source)) return out;
  const text = blankDates(source);
  const numeric = NUMERAL.test(text);
  const figures = numeric ? figuresIn(text) : [];
  const killed =
    (numeric ? firstOf(text, figures, KILLED_PATTERNS.slice(0, 2)) ?? coordinated(text, KILLED_COORDINATED) ?? firstOf(text, figures, KILLED_PATTERNS.slice(2)) : undefined) ??
    victims(text, KILLED_VICTIMS);
  if (killed) out.killed = killed;
  else if (NONE_KILLED.test(text)) out.killed = { min: 0, max: 0 };
  const wounded =
    (numeric ? firstOf(text, figures, WOUNDED_PATTERNS.slice(0, 1)) ?? coordinated(text, WOUNDED_COORDINATED) ?? firstOf(text, figures, WOUNDED_PATTERNS.slice(1)) : undefined) ??
    victims(text, WOUNDED_VICTIMS);
  if (wounded) out.wounded = wounded;
  else if (NONE_WOUNDED.test(text)) out.wounded = { min: 0, max: 0 };
  const hostages = listedHostages(text) ?? (numeric ? firstOf(text, figures, HOSTAGE_PATTERNS) : undefined);
  if (hostages) out.hostages = hostages;
  return out;
}

/** "killed a civilian", "a man was shot and killed": one victim. */
/** Where a list of victims after the verb ends: a place, time or manner phrase, or the clause's end. */
const OBJECT_END = /\s(?:in|at|near|on|during|while|after|before|inside|outside|from|as|because|with|by|who|which|when|close|to)\s|[.;:(]|,(?!\s*(?:and\s+)?(?:a|an|one|his|her|him|\d))/i;

/**
 * People named one by one: "killed a woman and her daughter" (2), "killed him
 * and 2 of his relatives" (3), "a man was shot and killed" (1), "He was killed" (1).
 */
interface VictimPatterns {
  verb: RegExp;
  /** The verb as a word: without it `passive` cannot match, and this test is much cheaper. */
  verbWord: RegExp;
  passive: RegExp;
  died?: RegExp;
}
/** The words without which `died` cannot match. */
const DIED_WORD = /\b(?:died|succumbed)\b|(?:'s|’s)\s+body\s+was\s+found/i;

const VICTIM_SUBJECT = `(?:\\b${SINGLE_VICTIM}|\\b(?:he|she))`;
const victimPatterns = (verb: string, deaths: boolean): VictimPatterns => ({
  verb: new RegExp(`\\b${verb}\\s+`, "gi"),
  verbWord: new RegExp(`\\b${verb}\\b`, "i"),
  passive: new RegExp(`${VICTIM_SUBJECT}\\s+(?:(?:was|later)\\s+)?(?:[a-z]+\\s+){0,4}?${verb}\\b`, "i"),
  ...(deaths
    ? { died: new RegExp(`${VICTIM_SUBJECT}\\s+(?:(?:later|also|reportedly)\\s+)?(?:died|succumbed)\\b|${VICTIM_SUBJECT}(?:'s|’s)\\s+body\\s+was\\s+found`, "i") }
    : {}),
});
const KILLED_VICTIMS = victimPatterns("(?:shot and killed|shot dead|killed|killing|murdered|executed|beheaded|stabbed to death|beat to death|beaten to death|hacked to death)", true);
const WOUNDED_VICTIMS = victimPatterns("(?:wounded|injured|injuring|wounding|shot and wounded|shot and injured)", false);
const LEADING_VICTIM = new RegExp(`^${SINGLE_VICTIM}`, "i");

/** A verb's object: what follows it up to a place, time or manner phrase. */
function objectOf(rest: string): string {
  const end = OBJECT_END.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

const CONJUNCTS = /\s*,\s*(?:and\s+)?|\s+and\s+/;

/** How many people an object lists one by one ("the mayor and three officials" 4); 0 if none. */
function listedCount(object: string): number {
  const chunks = object.split(CONJUNCTS);
  let count = 0;
  for (const chunk of chunks) {
    // The count heading the chunk (the shared pattern, read at its start).
    QUANTITY_WORD_AT.lastIndex = 0;
    const number = QUANTITY_WORD_AT.exec(chunk);
    const q = number ? casualtyCount(number[1]!) : undefined;
    if (q?.min !== undefined && q.min === q.max) count += q.min;
    else if (LEADING_VICTIM.test(chunk) || /^(?:him|her|another)\b/i.test(chunk)) count += 1;
    else break;
  }
  return count;
}

function victims(text: string, patterns: VictimPatterns): Quantity | undefined {
  for (const match of allMatches(patterns.verb, text)) {
    const count = listedCount(objectOf(text.slice(match.index + match[0].length)));
    if (count) return { min: count, max: count };
  }
  // "a man was shot and killed", "He was killed", "The pilot died", "a little girl's body was found".
  const oneVictim =
    (patterns.verbWord.test(text) && patterns.passive.test(text)) ||
    (patterns.died !== undefined && DIED_WORD.test(text) && patterns.died.test(text));
  return oneVictim ? { min: 1, max: 1 } : undefined;
}

/**
 * A sentence that states an article's death toll as a total: "2 fatalities.",
 * "The death toll rose to 12.", "Unknown fatalities coded as 3."
 */
const SOLE_TOTAL = new RegExp(`^\\W*${Q}\\s+(?:fatalit(?:y|ies)|deaths?|dead|people\\s+(?:were\\s+)?killed)\\b[^.]*\\.?\\s*(?:\\[[^\\]]*\\]\\s*)?$`, "i");
const CODED_TOTAL = new RegExp(`\\b(?:fatalities|deaths|death\\s+toll)\\s+(?:were\\s+|was\\s+|is\\s+)?(?:coded|rose|stood|stands|climbed|reached)\\s+(?:as|at|to)\\s+${Q}`, "i");

export function statedTotal(text: string): Quantity | undefined {
  if (!TOLL_WORD.test(text)) return undefined;
  text = blankDates(text);
  const sole = SOLE_TOTAL.exec(text);
  if (sole) return casualtyCount(sole[1]!);
  const coded = /\b(?:coded|rose|stood|stands|climbed|reached)\b/i.test(text) ? CODED_TOTAL.exec(text) : null;
  return coded ? casualtyCount(coded[1]!) : undefined;
}

const MEMBER_NOUNS = "fighters|members|militants|men|troops|soldiers|followers|recruits|combatants|gunmen|insurgents|personnel|cadres";
const MEMBERS = new RegExp(`${Q}\\s+(?:(?:armed|active|foreign|[A-Z][a-z]+)\\s+)?(?:${MEMBER_NOUNS})\\b`, "i");

/** A membership figure: "approximately 5,000 fighters", "more than 100 members", with its offsets in `text`. */
const MEMBER_WORD = new RegExp(`\\b(?:${MEMBER_NOUNS})\\b`, "i");

export function memberCount(text: string): { quantity: Quantity; start: number; end: number; text: string } | undefined {
  if (!MEMBER_WORD.test(text)) return undefined;
  const match = MEMBERS.exec(text);
  if (!match) return undefined;
  let quantity = parseQuantity(match[1]!);
  if (!quantity) return undefined;
  const before = text.slice(Math.max(0, match.index - 30), match.index);
  // "unlikely to have more than 100": the negation caps the figure instead of flooring it.
  if (/\b(?:unlikely|not|no|never)\b[^.]*$/i.test(before) && /^more than|^over/i.test(match[1]!))
    quantity = { max: (quantity.min ?? 1) - 1 };
  return { quantity, start: match.index, end: match.index + match[0].length, text: match[0] };
}
