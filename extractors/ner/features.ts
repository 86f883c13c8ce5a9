/**
 * Features of the NER tagger for one token: the word and its neighbours, word
 * shape, affixes, gazetteer matches, document-level case evidence, and (added
 * while decoding) the labels already predicted to its left and for the same
 * word earlier in the document.
 */
import { gazetteerFeatures, inGazetteer } from "./gazetteer.ts";
import { LABELS, OUTSIDE } from "./labels.ts";

/** "Kabul" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d": character classes, repeats collapsed. */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let cls: string;
    if (code >= 48 && code <= 57) cls = "d";
    else if (code >= 65 && code <= 90) cls = "X";
    else if (code >= 97 && code <= 122) cls = "x";
    else if (code < 128) cls = word[i]!;
    else {
      const ch = word[i]!;
      cls = ch !== ch.toLowerCase() ? "X" : ch !== ch.toUpperCase() ? "x" : ch;
    }
    if (cls !== last) shape += cls;
    last = cls;
  }
  return shape;
}

const startsUpper = (word: string) => {
  const first = word[0]!;
  return first !== first.toLowerCase();
};
const isAllCaps = (word: string) => word === word.toUpperCase() && word !== word.toLowerCase();

/** Evidence, across a whole document, of how a word is cased where casing is informative. */
const SEEN_CAPITALIZED = 1;
const SEEN_LOWERCASE = 2;

/** A headline or a sports table: most of its letters are capitals, so casing says little. */
export function isCapsSentence(words: readonly string[]): boolean {
  let caps = 0;
  let cased = 0;
  for (const word of words) {
    if (word.toUpperCase() === word.toLowerCase()) continue;
    cased++;
    if (isAllCaps(word) && word.length > 1) caps++;
  }
  return cased > 0 && caps * 2 > cased;
}

/**
 * The order to tag a document's sentences in: headlines and other all-caps
 * lines last, so that what the body said about their words is known by then.
 */
export function taggingOrder(doc: DocContext): number[] {
  const order = doc.caps.map((_, s) => s);
  return [...order.filter((s) => !doc.caps[s]), ...order.filter((s) => doc.caps[s])];
}

const TITLE_CASE_FUNCTION_WORDS = new Set(["The", "Of", "In", "Is", "It", "To", "And", "For", "On", "A", "An", "With", "At", "By", "From", "As", "Its", "Are", "Now", "After", "Over"]);

/** A headline in title case ("IMU Declares It Is Now Part Of The Islamic State"), where capitals do not mark names. */
export function isTitleCaseHeadline(words: readonly string[]): boolean {
  let cased = 0;
  let capitalized = 0;
  let functionWords = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.toUpperCase() === word.toLowerCase()) continue;
    cased++;
    if (startsUpper(word)) capitalized++;
    if (i > 0 && TITLE_CASE_FUNCTION_WORDS.has(word)) functionWords++;
  }
  return cased >= 4 && functionWords > 0 && capitalized >= 0.8 * cased && !isCapsSentence(words);
}

/**
 * The words as the tagger should read them: in title-case headlines, a word
 * the rest of the document writes in lowercase (and never as in the
 * headline), or an ordinary English word it does not use at all, is
 * lowercased ("IMU Declares It Is Now Part Of The Islamic State" -> "IMU
 * declares it is now part of the Islamic State"), since the tagger learnt
 * capitals from running text.
 */
export function truecaseHeadlines(sentences: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const headline = sentences.map(isTitleCaseHeadline);
  if (!headline.includes(true)) return sentences;
  const seen = new Set<string>();
  sentences.forEach((words, s) => {
    if (!headline[s]) for (let i = 1; i < words.length; i++) seen.add(words[i]!);
  });
  const lowercased = (word: string) => {
    const lower = word.toLowerCase();
    if (lower === word || seen.has(word)) return word;
    return seen.has(lower) || (!seen.has(word.toUpperCase()) && inGazetteer("common", lower)) ? lower : word;
  };
  return sentences.map((words, s) => (headline[s] ? words.map((word, i) => (i > 0 ? lowercased(word) : word)) : words));
}

export interface DocContext {
  /** Per sentence: whether it is in capitals (a headline, a table). */
  caps: boolean[];
  /** lowercased word -> SEEN_* flags from positions where case carries information. */
  caseOf: Map<string, number>;
  /** lowercased capitalized word -> index into LABELS of its latest prediction in the document. */
  history: Map<string, number>;
}

export function docContext(sentences: readonly (readonly string[])[]): DocContext {
  const caseOf = new Map<string, number>();
  const caps = sentences.map(isCapsSentence);
  for (const [s, words] of sentences.entries()) {
    if (caps[s]) continue;
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!;
      const lower = word.toLowerCase();
      if (lower === word.toUpperCase()) continue;
      const flag = word === lower ? SEEN_LOWERCASE : startsUpper(word) ? SEEN_CAPITALIZED : 0;
      caseOf.set(lower, (caseOf.get(lower) ?? 0) | flag);
    }
  }
  return { caps, caseOf, history: new Map() };
}

export interface SentenceFeatures {
  words: readonly string[];
  lower: string[];
  shape: string[];
  capitalized: boolean[];
  /** Features of the token in its sentence and document (not of the word alone, not of labels), per token. */
  context: string[][];
}

const CASE_EVIDENCE = ["none", "cap", "low", "both"];
export const SENTENCE_START = "<s>";
export const SENTENCE_END = "</s>";

/*
 * A token's features come in groups, so that the tagger can cache the
 * weights of the groups that depend on one word (ownFeatures,
 * neighbourFeature, labelledWordFeatures) or on labels alone
 * (labelFeatures, historyFeatures), and look up only contextFeatures per token.
 */

/** Features of the word itself. */
export function ownFeatures(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    "bias",
    "w=" + word,
    "l=" + lower,
    "sh=" + wordShape(word),
    "p2=" + lower.slice(0, 2),
    "p3=" + lower.slice(0, 3),
    "s2=" + lower.slice(-2),
    "s3=" + lower.slice(-3),
    "s4=" + lower.slice(-4),
  ];
}

/** The offsets of the neighbouring words that are features of a token. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** The feature of a token whose neighbour at `offset` is `lower` (or SENTENCE_START / SENTENCE_END). */
export function neighbourFeature(offset: number, lower: string): string {
  return `l${offset > 0 ? "+" : ""}${offset}=${lower}`;
}

/** Features of the word conjoined with the label before it. */
export function labelledWordFeatures(word: string, previous: number): string[] {
  const p1 = LABELS[previous]!;
  return ["t-1|l=" + p1 + "|" + word.toLowerCase(), "t-1|sh=" + p1 + "|" + wordShape(word)];
}

/** Features of the two labels before the token. */
export function labelFeatures(previous: number, beforePrevious: number): string[] {
  const p1 = LABELS[previous]!;
  return ["t-1=" + p1, "t-2|t-1=" + LABELS[beforePrevious]! + "|" + p1];
}

/** Features of the label the same (capitalized) word had earlier in the document, if any. */
export function historyFeatures(earlier: number | undefined, previous: number): string[] {
  if (earlier === undefined) return [];
  const type = earlier === OUTSIDE ? "O" : LABELS[earlier]!.slice(2);
  return ["h=" + type, "h|t-1=" + type + "|" + LABELS[previous]!];
}

/** Features of sentence `s` of the document. */
export function sentenceFeatures(words: readonly string[], doc: DocContext, s: number): SentenceFeatures {
  const n = words.length;
  const lower = words.map((word) => word.toLowerCase());
  const shape = words.map(wordShape);
  const capitalized = words.map(startsUpper);
  const gazetteer = gazetteerFeatures(lower);
  const caps = doc.caps[s] ? "caps" : "mixed";
  const context: string[][] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i]!;
    const previous = i > 0 ? lower[i - 1]! : SENTENCE_START;
    const next = i + 1 < n ? lower[i + 1]! : SENTENCE_END;
    const previousShape = i > 0 ? shape[i - 1]! : SENTENCE_START;
    const nextShape = i + 1 < n ? shape[i + 1]! : SENTENCE_END;
    const features = [
      "sh-1|sh=" + previousShape + "|" + shape[i],
      "sh|sh+1=" + shape[i] + "|" + nextShape,
      "caps|sh=" + caps + "|" + shape[i] + (i === 0 ? "|first" : ""),
    ];
    if (capitalized[i]) features.push("dc=" + CASE_EVIDENCE[doc.caseOf.get(l) ?? 0]);
    // What the document said earlier about the next word (its label history, as for the word itself).
    const nextEarlier = i + 1 < n && capitalized[i + 1] ? doc.history.get(next) : undefined;
    if (nextEarlier !== undefined) features.push("h+1=" + (nextEarlier === OUTSIDE ? "O" : LABELS[nextEarlier]!.slice(2)));
    features.push("l-1|sh=" + previous + "|" + shape[i], "sh|l+1=" + shape[i] + "|" + next);
    for (const g of gazetteer[i]!) features.push("g=" + g);
    if (i > 0) for (const g of gazetteer[i - 1]!) features.push("g-1=" + g);
    if (i + 1 < n) for (const g of gazetteer[i + 1]!) features.push("g+1=" + g);
    context.push(features);
  }
  return { words, lower, shape, capitalized, context };
}

/** The lowercased word at `i`, or the sentence boundary marker beyond either end. */
export function wordAt(sentence: SentenceFeatures, i: number): string {
  return i < 0 ? SENTENCE_START : i >= sentence.lower.length ? SENTENCE_END : sentence.lower[i]!;
}

/** All features of token i once the labels to its left are known (the training path; the tagger's fast path sums the same groups). */
export function tokenFeatures(sentence: SentenceFeatures, i: number, previous: number, beforePrevious: number, doc: DocContext): string[] {
  const word = sentence.words[i]!;
  return [
    ...ownFeatures(word),
    ...NEIGHBOUR_OFFSETS.map((offset) => neighbourFeature(offset, wordAt(sentence, i + offset))),
    ...sentence.context[i]!,
    ...labelFeatures(previous, beforePrevious),
    ...labelledWordFeatures(word, previous),
    ...historyFeatures(sentence.capitalized[i] ? doc.history.get(sentence.lower[i]!) : undefined, previous),
  ];
}
