/**
 * Features of the NER tagger for one token: the word and its neighbours, word
 * shape, affixes, gazetteer matches, document-level case evidence, and (added
 * while decoding) the labels already predicted to its left and for the same
 * word earlier in the document.
 */
import { gazetteerFeatures } from "./gazetteer.ts";
import { LABELS, OUTSIDE } from "./labels.ts";

/** "Kabul" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d": character classes, repeats collapsed. */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const ch = word[i]!;
    const cls =
      code >= 48 && code <= 57
        ? "d"
        : ch !== ch.toLowerCase()
          ? "X"
          : ch !== ch.toUpperCase()
            ? "x"
            : ch;
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
function isCapsSentence(words: readonly string[]): boolean {
  let caps = 0;
  let cased = 0;
  for (const word of words) {
    if (word.toUpperCase() === word.toLowerCase()) continue;
    cased++;
    if (isAllCaps(word) && word.length > 1) caps++;
  }
  return cased > 0 && caps * 2 > cased;
}

export interface DocContext {
  /** lowercased word -> SEEN_* flags from positions where case carries information. */
  caseOf: Map<string, number>;
  /** lowercased capitalized word -> index into LABELS of its latest prediction in the document. */
  history: Map<string, number>;
}

export function docContext(sentences: readonly (readonly string[])[]): DocContext {
  const caseOf = new Map<string, number>();
  for (const words of sentences) {
    if (isCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!;
      const lower = word.toLowerCase();
      if (lower === word.toUpperCase()) continue;
      const flag = word === lower ? SEEN_LOWERCASE : startsUpper(word) ? SEEN_CAPITALIZED : 0;
      caseOf.set(lower, (caseOf.get(lower) ?? 0) | flag);
    }
  }
  return { caseOf, history: new Map() };
}

export interface SentenceFeatures {
  lower: string[];
  shape: string[];
  capitalized: boolean[];
  /** The features that do not depend on predicted labels, per token. */
  fixed: string[][];
}

const CASE_EVIDENCE = ["none", "cap", "low", "both"];

export function sentenceFeatures(words: readonly string[], doc: DocContext): SentenceFeatures {
  const n = words.length;
  const lower = words.map((word) => word.toLowerCase());
  const shape = words.map(wordShape);
  const capitalized = words.map(startsUpper);
  const gazetteer = gazetteerFeatures(lower);
  const caps = isCapsSentence(words) ? "caps" : "mixed";
  const fixed: string[][] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i]!;
    const previous = i > 0 ? lower[i - 1]! : "<s>";
    const next = i + 1 < n ? lower[i + 1]! : "</s>";
    const previousShape = i > 0 ? shape[i - 1]! : "<s>";
    const nextShape = i + 1 < n ? shape[i + 1]! : "</s>";
    const features = [
      "bias",
      "w=" + words[i],
      "l=" + l,
      "sh=" + shape[i],
      "p2=" + l.slice(0, 2),
      "p3=" + l.slice(0, 3),
      "s2=" + l.slice(-2),
      "s3=" + l.slice(-3),
      "s4=" + l.slice(-4),
      "l-1=" + previous,
      "l+1=" + next,
      "l-2=" + (i > 1 ? lower[i - 2] : "<s>"),
      "l+2=" + (i + 2 < n ? lower[i + 2] : "</s>"),
      "l-1|l=" + previous + "|" + l,
      "l|l+1=" + l + "|" + next,
      "sh-1|sh=" + previousShape + "|" + shape[i],
      "sh|sh+1=" + shape[i] + "|" + nextShape,
      "sh-1|sh|sh+1=" + previousShape + "|" + shape[i] + "|" + nextShape,
      "caps|sh=" + caps + "|" + shape[i] + (i === 0 ? "|first" : ""),
    ];
    if (capitalized[i]) features.push("dc=" + CASE_EVIDENCE[doc.caseOf.get(l) ?? 0]);
    for (const g of gazetteer[i]!) features.push("g=" + g);
    if (i > 0) for (const g of gazetteer[i - 1]!) features.push("g-1=" + g);
    if (i + 1 < n) for (const g of gazetteer[i + 1]!) features.push("g+1=" + g);
    fixed.push(features);
  }
  return { lower, shape, capitalized, fixed };
}

/** The full feature list of token i once the labels to its left are known. */
export function tokenFeatures(
  sentence: SentenceFeatures,
  i: number,
  previous: number,
  beforePrevious: number,
  doc: DocContext,
): string[] {
  const p1 = LABELS[previous]!;
  const p2 = LABELS[beforePrevious]!;
  const features = sentence.fixed[i]!.slice();
  features.push("t-1=" + p1, "t-2|t-1=" + p2 + "|" + p1, "t-1|l=" + p1 + "|" + sentence.lower[i], "t-1|sh=" + p1 + "|" + sentence.shape[i]);
  if (sentence.capitalized[i]) {
    const earlier = doc.history.get(sentence.lower[i]!);
    if (earlier !== undefined) {
      const type = earlier === OUTSIDE ? "O" : LABELS[earlier]!.slice(2);
      features.push("h=" + type, "h|t-1=" + type + "|" + p1);
    }
  }
  return features;
}
