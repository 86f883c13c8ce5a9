/**
 * Greedy left-to-right decoding of a document with a linear model: each token
 * takes the best-scoring label allowed after the previous one, and capitalized
 * words remember their label for later mentions in the same document.
 *
 * Two paths give the same labels: `tagDocument` scores feature strings (for
 * training, where the weights change after every token), and `FastTagger`
 * caches the summed weights of each word's feature groups, and the weights
 * of each context feature by the words or shapes it is built from, so that
 * tagging builds no strings (for running).
 */
import {
  capsShapeFeature,
  caseEvidenceFeature,
  caseFlag,
  docContext,
  gazetteerFeature,
  historyFeatures,
  labelFeatures,
  labelledWordFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeature,
  nextHistoryFeature,
  nextShapeFeature,
  nextWordFeature,
  ownFeatures,
  previousShapeFeature,
  previousWordFeature,
  sentenceFeatures,
  sentenceInCapitals,
  taggingOrder,
  SENTENCE_END,
  SENTENCE_START,
  tokenFeatures,
  type DocContext,
  type SentenceFeatures,
  type WordInfo,
  wordInfo,
} from "./features.ts";
import { gazetteerFeatures, NO_MATCH, type MatchList } from "./gazetteer.ts";
import { ALLOWED, LABELS, OUTSIDE } from "./labels.ts";
import type { LinearModel } from "./model.ts";

export interface Scorer {
  /** Adds each label's score for `features` into `scores` (length LABELS.length, zeroed by the caller). */
  score(features: readonly string[], scores: Float64Array): void;
}

/** Called during training with each token's features and predicted label. */
export type Learner = (features: string[], guess: number, sentence: number, token: number) => void;

const N = LABELS.length;

/** The best label allowed after `previous`, given each label's score at offset `at` of `scores`. */
function bestLabel(scores: Float64Array, at: number, previous: number): number {
  let best = OUTSIDE;
  let bestScore = -Infinity;
  for (let label = 0; label < N; label++) {
    if (ALLOWED[previous * N + label] && scores[at + label]! > bestScore) {
      bestScore = scores[at + label]!;
      best = label;
    }
  }
  return best;
}

/** The label a capitalized word's later mentions remember: B- for B- and I- alike. */
const rememberedLabel = (label: number) => (label === OUTSIDE ? label : label - ((label - 1) % 2));

/** Records the label of a capitalized word for its later mentions. */
function remember(doc: DocContext, sentence: SentenceFeatures, i: number, label: number) {
  if (sentence.capitalized[i]) doc.history.set(sentence.lower[i]!, rememberedLabel(label));
}

export function tagDocument(model: Scorer, sentences: readonly (readonly string[])[], learn?: Learner): Uint8Array[] {
  const doc = docContext(sentences.map((words) => words.map(wordInfo)));
  const scores = new Float64Array(N);
  const tagged: Uint8Array[] = [];
  for (const s of taggingOrder(doc.caps)) {
    const words = sentences[s]!;
    const sentence = sentenceFeatures(words, doc, s);
    const labels = new Uint8Array(words.length);
    let previous = OUTSIDE;
    let beforePrevious = OUTSIDE;
    for (let i = 0; i < words.length; i++) {
      const features = tokenFeatures(sentence, i, previous, beforePrevious, doc);
      scores.fill(0);
      model.score(features, scores);
      const best = bestLabel(scores, 0, previous);
      learn?.(features, best, s, i);
      labels[i] = best;
      remember(doc, sentence, i, best);
      beforePrevious = previous;
      previous = best;
    }
    tagged[s] = labels;
  }
  return tagged;
}

/** Layout of a word's cached weights: its own features, then each neighbour offset, then per previous label. */
const OWN = 0;
const NEIGHBOUR = N;
const LABELLED = N * (1 + NEIGHBOUR_OFFSETS.length);
const WORD_BLOCK = LABELLED + N * N;
const MAX_CACHED_WORDS = 100_000;

/** Weights of one feature, or null when the model has none. */
type Weights = Float32Array | null;

interface TaggerShape {
  shape: string;
  /** Unique over the tagger's life (not reused when the cache is cleared), so stale keys never match. */
  id: number;
}

/**
 * What the document being tagged says about a lowercased word: its case
 * evidence (as DocContext.caseOf) and latest label (as DocContext.history),
 * valid when stamped with the document's number.
 */
interface TaggerLower {
  seen: number;
  seenIn: number;
  label: number;
  labelIn: number;
}

/**
 * A word's cached weights. The weights of each context feature are summed
 * with those of the word group they always come with, and cached by what
 * the feature is built from, so that a token sums a few vectors.
 */
interface TaggerWord {
  info: WordInfo;
  lower: TaggerLower;
  /** Its shape; SENTENCE_START / SENTENCE_END for the sentence boundaries. */
  shape: TaggerShape;
  /** The summed weights of its own, neighbour and (if it has any) labelled features; weights are integers, so float32 sums are exact. */
  block: Float32Array;
  /** Its own weights plus capsShapeFeature's and caseEvidenceFeature's, at ownIndex(…); filled as met. */
  own: (Float32Array | undefined)[];
  /** By the next token's shape id: that token's weights of this word as its neighbour at -1, previousWordFeature and previousShapeFeature. */
  beforeShape: ByShape;
  /** By the previous token's shape id: that token's weights of this word as its neighbour at +1, nextWordFeature and nextShapeFeature. */
  afterShape: ByShape;
}

/** Weights by shape id: the first shapes met (the common ones) in an array, the others in a map. */
class ByShape {
  private static readonly ARRAY_IDS = 32;
  private readonly common: (Float32Array | undefined)[] = [];
  private rare: Map<number, Float32Array> | undefined;

  get(id: number): Float32Array | undefined {
    return id < ByShape.ARRAY_IDS ? this.common[id] : this.rare?.get(id);
  }

  set(id: number, weights: Float32Array) {
    if (id < ByShape.ARRAY_IDS) {
      while (this.common.length < id) this.common.push(undefined);
      this.common[id] = weights;
    } else (this.rare ??= new Map()).set(id, weights);
  }
}

/** The weights of a gazetteer match list (gazetteerFeature at offset +1, 0, -1) for the token before the one it is on, that one, and the one after. */
interface GazetteerWeights {
  before: Float32Array;
  self: Float32Array;
  after: Float32Array;
}

const BEFORE = NEIGHBOUR + NEIGHBOUR_OFFSETS.indexOf(-1) * N;
const AFTER = NEIGHBOUR + NEIGHBOUR_OFFSETS.indexOf(1) * N;
/** Where a block has the weights of the neighbours not summed with a context feature's: the words two before and two after. */
const TWO_BEFORE = NEIGHBOUR + NEIGHBOUR_OFFSETS.indexOf(-2) * N;
const TWO_AFTER = NEIGHBOUR + NEIGHBOUR_OFFSETS.indexOf(2) * N;
if (NEIGHBOUR_OFFSETS.join() !== "-2,-1,1,2") throw new Error("FastTagger sums the weights of neighbours at -2, -1, +1 and +2 only");

/** Where a word's own weights in context are in TaggerWord.own: by sentence in capitals, first token, and (capitalized words) case evidence. */
const ownIndex = (caps: boolean, first: boolean, seen: number | undefined) => (caps ? 2 : 0) + (first ? 1 : 0) + (seen === undefined ? 0 : 4 * (seen + 1));

export class FastTagger {
  private readonly words = new Map<string, TaggerWord>();
  private readonly shapes = new Map<string, TaggerShape>();
  private readonly lowers = new Map<string, TaggerLower>();
  private documents = 0;
  private shapeCount = 0;
  private readonly start: TaggerWord;
  private readonly end: TaggerWord;
  /** Weights of labelFeatures(p1, p2), at (p1 * N + p2) * N. */
  private readonly byLabels = new Float64Array(N * N * N);
  /** Weights of historyFeatures(h, p1), at ((h + 1) * N + p1) * N (h + 1 = 0: no history). */
  private readonly byHistory = new Float64Array((N + 1) * N * N);
  /** nextHistoryFeature weights by label. */
  private readonly byNextHistory: Weights[];
  /** By MatchList id: the summed gazetteerFeature weights of its matches. */
  private readonly byGazetteer: (GazetteerWeights | undefined)[] = [];

  /** The words and shapes that have labelledWordFeatures weights; most words have none, so need no lookups. */
  private readonly labelledValues = new Set<string>();
  /** Per token of the sentence being tagged, the scores of its features that do not depend on labels (overwritten, reused). */
  private fixed = new Float64Array(0);

  constructor(private readonly model: LinearModel) {
    for (const feature of model.features()) {
      if (!feature.startsWith("t-1|")) continue;
      const labelEnd = feature.indexOf("|", feature.indexOf("=") + 1);
      if (labelEnd > 0) this.labelledValues.add(feature.slice(labelEnd + 1));
    }
    for (let p1 = 0; p1 < N; p1++) {
      for (let p2 = 0; p2 < N; p2++) this.model.addWeights(labelFeatures(p1, p2), this.byLabels, (p1 * N + p2) * N);
      for (let h = -1; h < N; h++) this.model.addWeights(historyFeatures(h < 0 ? undefined : h, p1), this.byHistory, ((h + 1) * N + p1) * N);
    }
    this.byNextHistory = LABELS.map((_, label) => this.model.weightsOf(nextHistoryFeature(label)) ?? null);
    this.start = this.entry(SENTENCE_START, SENTENCE_START);
    this.end = this.entry(SENTENCE_END, SENTENCE_END);
  }

  /** N weights: those at `from` of `block`, plus those of `features`. */
  private sum(block: Float32Array, from: number, features: readonly string[]): Float32Array {
    const summed = block.slice(from, from + N);
    this.model.addWeights(features, summed, 0);
    return summed;
  }

  private shape(shape: string): TaggerShape {
    let entry = this.shapes.get(shape);
    if (!entry) {
      entry = { shape, id: this.shapeCount++ };
      this.shapes.set(shape, entry);
    }
    return entry;
  }

  private entry(word: string, shape: string): TaggerWord {
    const info = wordInfo(word);
    const labelled = this.labelledValues.has(info.lower) || this.labelledValues.has(info.shape);
    const block = new Float32Array(labelled ? WORD_BLOCK : LABELLED);
    this.model.addWeights(ownFeatures(word), block, OWN);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) this.model.addWeights([neighbourFeature(NEIGHBOUR_OFFSETS[k]!, info.lower)], block, NEIGHBOUR + k * N);
    if (labelled) for (let p1 = 0; p1 < N; p1++) this.model.addWeights(labelledWordFeatures(word, p1), block, LABELLED + p1 * N);
    let lower = this.lowers.get(info.lower);
    if (!lower) this.lowers.set(info.lower, (lower = { seen: 0, seenIn: -1, label: OUTSIDE, labelIn: -1 }));
    return { info, lower, shape: this.shape(shape), block, own: [], beforeShape: new ByShape(), afterShape: new ByShape() };
  }

  private word(word: string): TaggerWord {
    let entry = this.words.get(word);
    if (entry) return entry;
    entry = this.entry(word, wordInfo(word).shape);
    this.words.set(word, entry);
    return entry;
  }

  private own(word: TaggerWord, caps: boolean, first: boolean, seen: number | undefined): Float32Array {
    const at = ownIndex(caps, first, seen);
    let w = word.own[at];
    if (!w) {
      const features = [capsShapeFeature(caps, word.shape.shape, first)];
      if (seen !== undefined) features.push(caseEvidenceFeature(seen));
      w = word.own[at] = this.sum(word.block, OWN, features);
    }
    return w;
  }

  private previousWord(previous: TaggerWord, shape: TaggerShape): Float32Array {
    let w = previous.beforeShape.get(shape.id);
    if (!w) {
      const { lower } = previous.info;
      w = this.sum(previous.block, BEFORE, [previousWordFeature(lower, shape.shape), previousShapeFeature(previous.shape.shape, shape.shape)]);
      previous.beforeShape.set(shape.id, w);
    }
    return w;
  }

  private nextWord(shape: TaggerShape, next: TaggerWord): Float32Array {
    let w = next.afterShape.get(shape.id);
    if (!w) {
      w = this.sum(next.block, AFTER, [nextWordFeature(shape.shape, next.info.lower), nextShapeFeature(shape.shape, next.shape.shape)]);
      next.afterShape.set(shape.id, w);
    }
    return w;
  }

  /** The weights of a token's gazetteer matches for the token before it, itself, and the token after it. */
  private gazetteer(matches: MatchList): GazetteerWeights {
    let weights = this.byGazetteer[matches.id];
    if (!weights) {
      const [before, self, after] = [1, 0, -1].map((offset) => {
        const summed = new Float32Array(N);
        this.model.addWeights(matches.names.map((match) => gazetteerFeature(offset, match)), summed, 0);
        return summed;
      });
      weights = { before: before!, self: self!, after: after! };
      while (this.byGazetteer.length < matches.id) this.byGazetteer.push(undefined);
      this.byGazetteer[matches.id] = weights;
    }
    return weights;
  }

  tag(sentences: readonly (readonly string[])[]): Uint8Array[] {
    // Between documents only, so that all words of a document share their TaggerLower.
    if (this.words.size >= MAX_CACHED_WORDS) {
      this.words.clear();
      this.shapes.clear();
      this.lowers.clear();
    }
    const document = ++this.documents;
    const words: TaggerWord[][] = [];
    const infos: WordInfo[][] = [];
    const inCapitals: boolean[] = [];
    for (const sentence of sentences) {
      const entries: TaggerWord[] = [];
      const sentenceInfos: WordInfo[] = [];
      for (const word of sentence) {
        const entry = this.word(word);
        entries.push(entry);
        sentenceInfos.push(entry.info);
      }
      words.push(entries);
      infos.push(sentenceInfos);
      const caps = sentenceInCapitals(sentenceInfos);
      inCapitals.push(caps);
      if (caps) continue;
      // The case evidence of docContext, stamped on the words.
      for (let i = 1; i < entries.length; i++) {
        const { info, lower } = entries[i]!;
        if (!info.cased) continue;
        if (lower.seenIn !== document) {
          lower.seenIn = document;
          lower.seen = 0;
        }
        lower.seen |= caseFlag(info);
      }
    }
    const scores = new Float64Array(N);
    const tagged: Uint8Array[] = [];
    const { start, end, byLabels, byHistory } = this;
    for (const s of taggingOrder(inCapitals)) {
      const entries = words[s]!;
      const n = entries.length;
      const caps = inCapitals[s]!;
      const gazetteer = gazetteerFeatures(infos[s]!);
      if (this.fixed.length < n * N) this.fixed = new Float64Array(2 * n * N);
      const fixed = this.fixed;
      for (let i = 0; i < n; i++) {
        // The same features as tokenFeatures without the labels', in groups looked up by what they are built from.
        const at = i * N;
        const entry = entries[i]!;
        const seen = entry.info.capitalized ? (entry.lower.seenIn === document ? entry.lower.seen : 0) : undefined;
        const own = this.own(entry, caps, i === 0, seen);
        const twoBefore = (i >= 2 ? entries[i - 2]! : start).block;
        const twoAfter = (i + 2 < n ? entries[i + 2]! : end).block;
        const next = i + 1 < n ? entries[i + 1]! : end;
        const previousWord = this.previousWord(i > 0 ? entries[i - 1]! : start, entry.shape);
        const nextWord = this.nextWord(entry.shape, next);
        // One pass over the labels, adding in the order the groups were always added in.
        for (let label = 0; label < N; label++)
          fixed[at + label] = own[label]! + twoBefore[TWO_BEFORE + label]! + twoAfter[TWO_AFTER + label]! + previousWord[label]! + nextWord[label]!;
        const nextEarlier = i + 1 < n && next.info.capitalized && next.lower.labelIn === document ? next.lower.label : undefined;
        if (nextEarlier !== undefined) addTo(fixed, at, this.byNextHistory[nextEarlier]!);
      }
      for (let k = 0; k < n; k++) {
        if (gazetteer[k] === NO_MATCH) continue;
        const { before, self, after } = this.gazetteer(gazetteer[k]!);
        addTo(fixed, k * N, self);
        if (k > 0) addTo(fixed, (k - 1) * N, before);
        if (k + 1 < n) addTo(fixed, (k + 1) * N, after);
      }
      const labels = new Uint8Array(n);
      let previous = OUTSIDE;
      let beforePrevious = OUTSIDE;
      for (let i = 0; i < n; i++) {
        const { info, block, lower } = entries[i]!;
        const earlier = info.capitalized && lower.labelIn === document ? lower.label : undefined;
        const labelAt = (previous * N + beforePrevious) * N;
        const historyAt = ((earlier === undefined ? 0 : earlier + 1) * N + previous) * N;
        const labelledAt = block.length > LABELLED ? LABELLED + previous * N : -1;
        for (let label = 0; label < N; label++)
          scores[label] =
            fixed[i * N + label]! + byLabels[labelAt + label]! + byHistory[historyAt + label]! + (labelledAt < 0 ? 0 : block[labelledAt + label]!);
        const best = bestLabel(scores, 0, previous);
        labels[i] = best;
        if (info.capitalized) {
          lower.labelIn = document;
          lower.label = rememberedLabel(best);
        }
        beforePrevious = previous;
        previous = best;
      }
      tagged[s] = labels;
    }
    return tagged;
  }
}

/** Adds the N weights at `from` of `w` (if any) into `into` at `at`. */
function addTo(into: Float64Array, at: number, w: Weights, from = 0) {
  if (w) for (let label = 0; label < N; label++) into[at + label]! += w[from + label]!;
}
