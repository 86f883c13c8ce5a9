/**
 * Features of the NER tagger for one token: the word and its neighbours, word
 * shape, affixes, gazetteer matches, document-level case evidence, and (added
 * while decoding) the labels already predicted to its left and for the same
 * word earlier in the document.
 */
import { firstNameNode, gazetteerFeatures, inGazetteer, type NameNode } from "./gazetteer.ts";
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

/** What the features need to know of a word alone, computed once per distinct word (see wordInfo). */
export interface WordInfo {
  readonly lower: string;
  readonly shape: string;
  /** Starts with a capital letter. */
  readonly capitalized: boolean;
  /** Has letters that have case. */
  readonly cased: boolean;
  /** Is its own lowercase. */
  readonly lowercase: boolean;
  /** Is longer than one letter, all capitals. */
  readonly capitals: boolean;
  /** Where gazetteer names starting with it begin, if any do. */
  readonly names: NameNode | undefined;
}

const WORD_INFO = new Map<string, WordInfo>();
const MAX_CACHED_WORDS = 100_000;

export function wordInfo(word: string): WordInfo {
  let info = WORD_INFO.get(word);
  if (info) return info;
  if (WORD_INFO.size >= MAX_CACHED_WORDS) WORD_INFO.clear();
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  info = {
    lower,
    shape: wordShape(word),
    capitalized: startsUpper(word),
    cased: lower !== upper,
    lowercase: word === lower,
    capitals: word === upper && word !== lower && word.length > 1,
    names: firstNameNode(lower),
  };
  WORD_INFO.set(word, info);
  return info;
}

/** Evidence, across a whole document, of how a word is cased where casing is informative. */
const SEEN_CAPITALIZED = 1;
const SEEN_LOWERCASE = 2;

/** A headline or a sports table: most of its letters are capitals, so casing says little. */
export function isCapsSentence(words: readonly string[]): boolean {
  return inCapitals(words, wordInfo);
}

const ownInfo = (info: WordInfo) => info;

/** isCapsSentence, stopping as soon as the words left cannot make it true. */
function inCapitals<W>(words: readonly W[], infoOf: (word: W) => WordInfo): boolean {
  let caps = 0;
  let cased = 0;
  for (let i = 0; i < words.length; i++) {
    const info = infoOf(words[i]!);
    if (!info.cased) continue;
    cased++;
    if (info.capitals) caps++;
    else if (cased - caps >= caps + words.length - 1 - i) return false;
  }
  return cased > 0 && caps * 2 > cased;
}

/**
 * The order to tag a document's sentences in: headlines and other all-caps
 * lines last, so that what the body said about their words is known by then.
 */
export function taggingOrder(caps: readonly boolean[]): number[] {
  const order = caps.map((_, s) => s);
  return [...order.filter((s) => !caps[s]), ...order.filter((s) => caps[s])];
}

const TITLE_CASE_FUNCTION_WORDS = new Set(["The", "Of", "In", "Is", "It", "To", "And", "For", "On", "A", "An", "With", "At", "By", "From", "As", "Its", "Are", "Now", "After", "Over"]);

/** A headline in title case ("IMU Declares It Is Now Part Of The Islamic State"), where capitals do not mark names. */
export function isTitleCaseHeadline(words: readonly string[]): boolean {
  let cased = 0;
  let capitalized = 0;
  let functionWords = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const info = wordInfo(word);
    if (!info.cased) continue;
    cased++;
    if (info.capitalized) capitalized++;
    // Already too many lowercase words for capitals to be 80% of the cased ones, whatever follows.
    else if (5 * (cased - capitalized) > words.length) return false;
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
  // The forms of headline words that the rest of the document is searched for, as written, lowercase and in capitals.
  const forms = new Set<string>();
  sentences.forEach((words, s) => {
    if (headline[s]) for (let i = 1; i < words.length; i++) forms.add(words[i]!).add(words[i]!.toLowerCase()).add(words[i]!.toUpperCase());
  });
  const seen = new Set<string>();
  sentences.forEach((words, s) => {
    if (!headline[s]) for (let i = 1; i < words.length; i++) if (forms.has(words[i]!)) seen.add(words[i]!);
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

/** isCapsSentence of words as wordInfo gives them. */
export const sentenceInCapitals = (words: readonly WordInfo[]) => inCapitals(words, ownInfo);

/** The SEEN_* flag of a cased word, not first in a sentence not in capitals. */
export const caseFlag = (word: WordInfo) => (word.lowercase ? SEEN_LOWERCASE : word.capitalized ? SEEN_CAPITALIZED : 0);

/** The document context of sentences of words (as wordInfo gives them). */
export function docContext(sentences: readonly (readonly WordInfo[])[]): DocContext {
  const caseOf = new Map<string, number>();
  const caps = sentences.map(sentenceInCapitals);
  for (const [s, words] of sentences.entries()) {
    if (caps[s]) continue;
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!;
      if (word.cased) caseOf.set(word.lower, (caseOf.get(word.lower) ?? 0) | caseFlag(word));
    }
  }
  return { caps, caseOf, history: new Map() };
}

const CASE_EVIDENCE = ["none", "cap", "low", "both"];
export const SENTENCE_START = "<s>";
export const SENTENCE_END = "</s>";

/*
 * A token's features come in groups, so that the tagger can cache the
 * weights of the groups that depend on one word (ownFeatures,
 * neighbourFeature, labelledWordFeatures), on labels alone (labelFeatures,
 * historyFeatures), or on a pair of adjacent words or shapes (the context
 * features below), and need build no feature string per token.
 */

/** Features of the word itself. */
export function ownFeatures(word: string): string[] {
  const { lower, shape } = wordInfo(word);
  return [
    "bias",
    "w=" + word,
    "l=" + lower,
    "sh=" + shape,
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
  const { lower, shape } = wordInfo(word);
  return ["t-1|l=" + p1 + "|" + lower, "t-1|sh=" + p1 + "|" + shape];
}

/** Features of the two labels before the token. */
export function labelFeatures(previous: number, beforePrevious: number): string[] {
  const p1 = LABELS[previous]!;
  return ["t-1=" + p1, "t-2|t-1=" + LABELS[beforePrevious]! + "|" + p1];
}

/** The entity type of a label ("B-PER" -> "PER"), or "O". */
const typeOfLabel = (label: number) => (label === OUTSIDE ? "O" : LABELS[label]!.slice(2));

/** Features of the label the same (capitalized) word had earlier in the document, if any. */
export function historyFeatures(earlier: number | undefined, previous: number): string[] {
  if (earlier === undefined) return [];
  const type = typeOfLabel(earlier);
  return ["h=" + type, "h|t-1=" + type + "|" + LABELS[previous]!];
}

/* Context features: of the token in its sentence and document, not of the word alone nor of labels. */

/** Of the token with shape `shape` after one of shape `previous` (SENTENCE_START at the start). */
export const previousShapeFeature = (previous: string, shape: string) => "sh-1|sh=" + previous + "|" + shape;
/** Of the token with shape `shape` before one of shape `next` (SENTENCE_END at the end). */
export const nextShapeFeature = (shape: string, next: string) => "sh|sh+1=" + shape + "|" + next;
/** Of the token's shape in a sentence in capitals or not, and first in it or not. */
export const capsShapeFeature = (caps: boolean, shape: string, first: boolean) => "caps|sh=" + (caps ? "caps" : "mixed") + "|" + shape + (first ? "|first" : "");
/** Of a capitalized token: how the document cases its word elsewhere (SEEN_* flags). */
export const caseEvidenceFeature = (seen: number) => "dc=" + CASE_EVIDENCE[seen]!;
/** Of the token before a capitalized word labelled `label` earlier in the document. */
export const nextHistoryFeature = (label: number) => "h+1=" + typeOfLabel(label);
/** Of the token with shape `shape` after the lowercased word `previous`. */
export const previousWordFeature = (previous: string, shape: string) => "l-1|sh=" + previous + "|" + shape;
/** Of the token with shape `shape` before the lowercased word `next`. */
export const nextWordFeature = (shape: string, next: string) => "sh|l+1=" + shape + "|" + next;
/** Of the token at `offset` (-1, 0, 1) from one that is in a gazetteer name (`match`, from gazetteerFeatures). */
export const gazetteerFeature = (offset: number, match: string) => (offset < 0 ? "g-1=" : offset > 0 ? "g+1=" : "g=") + match;

export interface SentenceFeatures {
  words: readonly string[];
  lower: string[];
  capitalized: boolean[];
  /** The context features of each token (of the token in its sentence and document, not of the word alone, not of labels). */
  context: string[][];
}

/** Features of sentence `s` of the document. */
export function sentenceFeatures(words: readonly string[], doc: DocContext, s: number): SentenceFeatures {
  const n = words.length;
  const infos = words.map(wordInfo);
  const lower = infos.map((info) => info.lower);
  const shape = infos.map((info) => info.shape);
  const capitalized = infos.map((info) => info.capitalized);
  const gazetteer = gazetteerFeatures(infos);
  const caps = doc.caps[s]!;
  const context: string[][] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i]!;
    const previous = i > 0 ? lower[i - 1]! : SENTENCE_START;
    const next = i + 1 < n ? lower[i + 1]! : SENTENCE_END;
    const previousShape = i > 0 ? shape[i - 1]! : SENTENCE_START;
    const nextShape = i + 1 < n ? shape[i + 1]! : SENTENCE_END;
    const features = [previousShapeFeature(previousShape, shape[i]!), nextShapeFeature(shape[i]!, nextShape), capsShapeFeature(caps, shape[i]!, i === 0)];
    if (capitalized[i]) features.push(caseEvidenceFeature(doc.caseOf.get(l) ?? 0));
    // What the document said earlier about the next word (its label history, as for the word itself).
    const nextEarlier = i + 1 < n && capitalized[i + 1] ? doc.history.get(next) : undefined;
    if (nextEarlier !== undefined) features.push(nextHistoryFeature(nextEarlier));
    features.push(previousWordFeature(previous, shape[i]!), nextWordFeature(shape[i]!, next));
    for (const g of gazetteer[i]!.names) features.push(gazetteerFeature(0, g));
    if (i > 0) for (const g of gazetteer[i - 1]!.names) features.push(gazetteerFeature(-1, g));
    if (i + 1 < n) for (const g of gazetteer[i + 1]!.names) features.push(gazetteerFeature(1, g));
    context.push(features);
  }
  return { words, lower, capitalized, context };
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
