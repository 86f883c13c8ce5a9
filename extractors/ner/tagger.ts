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
  taggingOrder,
  SENTENCE_END,
  SENTENCE_START,
  tokenFeatures,
  type DocContext,
  type SentenceFeatures,
  type WordInfo,
  wordInfo,
} from "./features.ts";
import { gazetteerFeatures } from "./gazetteer.ts";
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
  const doc = docContext(sentences);
  const scores = new Float64Array(N);
  const tagged: Uint8Array[] = [];
  for (const s of taggingOrder(doc)) {
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

/** Weights of one feature, or null when the model has none; cached by what the feature is built from. */
type Weights = Float32Array | null;

interface TaggerShape {
  shape: string;
  /** Unique over the tagger's life (not reused when the cache is cleared), so stale keys never match. */
  id: number;
  /** By the next token's shape id: the pair's weights for the next token (sh-1|sh) and for this one (sh|sh+1). */
  beforeShape: Map<number, { next: Weights; self: Weights }>;
  /** capsShapeFeature weights at (caps ? 2 : 0) + (first ? 1 : 0). */
  caps: (Weights | undefined)[];
}

interface TaggerWord {
  info: WordInfo;
  shape: TaggerShape;
  /** The summed weights of its own, neighbour and (if it has any) labelled features; weights are integers, so float32 sums are exact. */
  block: Float32Array;
  /** By shape id: previousWordFeature weights of the token after this word. */
  beforeShape: Map<number, Weights>;
  /** By shape id: nextWordFeature weights of the token before this word. */
  afterShape: Map<number, Weights>;
}

export class FastTagger {
  private readonly words = new Map<string, TaggerWord>();
  private readonly shapes = new Map<string, TaggerShape>();
  private shapeCount = 0;
  /** Weights of labelFeatures(p1, p2), at (p1 * N + p2) * N. */
  private readonly byLabels = new Float64Array(N * N * N);
  /** Weights of historyFeatures(h, p1), at ((h + 1) * N + p1) * N (h + 1 = 0: no history). */
  private readonly byHistory = new Float64Array((N + 1) * N * N);
  /** caseEvidenceFeature weights by SEEN_* flags. */
  private readonly byCaseEvidence: Weights[];
  /** nextHistoryFeature weights by label. */
  private readonly byNextHistory: Weights[];
  /** gazetteerFeature weights by offset + 1, then by match. */
  private readonly byGazetteer = [-1, 0, 1].map(() => new Map<string, Weights>());

  /** The words and shapes that have labelledWordFeatures weights; most words have none, so need no lookups. */
  private readonly labelledValues = new Set<string>();

  constructor(private readonly model: LinearModel) {
    for (const feature of model.weights.keys()) {
      if (!feature.startsWith("t-1|")) continue;
      const labelEnd = feature.indexOf("|", feature.indexOf("=") + 1);
      if (labelEnd > 0) this.labelledValues.add(feature.slice(labelEnd + 1));
    }
    for (let p1 = 0; p1 < N; p1++) {
      for (let p2 = 0; p2 < N; p2++) this.add(labelFeatures(p1, p2), this.byLabels, (p1 * N + p2) * N);
      for (let h = -1; h < N; h++) this.add(historyFeatures(h < 0 ? undefined : h, p1), this.byHistory, ((h + 1) * N + p1) * N);
    }
    this.byCaseEvidence = [0, 1, 2, 3].map((seen) => this.weightsOf(caseEvidenceFeature(seen)));
    this.byNextHistory = LABELS.map((_, label) => this.weightsOf(nextHistoryFeature(label)));
  }

  private weightsOf(feature: string): Weights {
    return this.model.weights.get(feature) ?? null;
  }

  private add(features: readonly string[], into: Float64Array | Float32Array, at: number) {
    for (const feature of features) {
      const w = this.model.weights.get(feature);
      if (w) for (let label = 0; label < N; label++) into[at + label]! += w[label]!;
    }
  }

  private shape(shape: string): TaggerShape {
    let entry = this.shapes.get(shape);
    if (!entry) {
      entry = { shape, id: this.shapeCount++, beforeShape: new Map(), caps: [] };
      this.shapes.set(shape, entry);
    }
    return entry;
  }

  private word(word: string): TaggerWord {
    let entry = this.words.get(word);
    if (entry) return entry;
    if (this.words.size >= MAX_CACHED_WORDS) {
      this.words.clear();
      this.shapes.clear();
    }
    const info = wordInfo(word);
    const labelled = this.labelledValues.has(info.lower) || this.labelledValues.has(info.shape);
    const block = new Float32Array(labelled ? WORD_BLOCK : LABELLED);
    this.add(ownFeatures(word), block, OWN);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) this.add([neighbourFeature(NEIGHBOUR_OFFSETS[k]!, info.lower)], block, NEIGHBOUR + k * N);
    if (labelled) for (let p1 = 0; p1 < N; p1++) this.add(labelledWordFeatures(word, p1), block, LABELLED + p1 * N);
    entry = { info, shape: this.shape(info.shape), block, beforeShape: new Map(), afterShape: new Map() };
    this.words.set(word, entry);
    return entry;
  }

  /** The weights of the adjacent shapes `left`, `right`: for the right token (sh-1|sh) and for the left one (sh|sh+1). */
  private shapePair(left: TaggerShape, right: TaggerShape): { next: Weights; self: Weights } {
    let pair = left.beforeShape.get(right.id);
    if (!pair) {
      pair = { next: this.weightsOf(previousShapeFeature(left.shape, right.shape)), self: this.weightsOf(nextShapeFeature(left.shape, right.shape)) };
      left.beforeShape.set(right.id, pair);
    }
    return pair;
  }

  private capsShape(shape: TaggerShape, caps: boolean, first: boolean): Weights {
    const at = (caps ? 2 : 0) + (first ? 1 : 0);
    let w = shape.caps[at];
    if (w === undefined) w = shape.caps[at] = this.weightsOf(capsShapeFeature(caps, shape.shape, first));
    return w;
  }

  private previousWord(previous: TaggerWord, shape: TaggerShape): Weights {
    let w = previous.beforeShape.get(shape.id);
    if (w === undefined) previous.beforeShape.set(shape.id, (w = this.weightsOf(previousWordFeature(previous.info.lower, shape.shape))));
    return w;
  }

  private nextWord(shape: TaggerShape, next: TaggerWord): Weights {
    let w = next.afterShape.get(shape.id);
    if (w === undefined) next.afterShape.set(shape.id, (w = this.weightsOf(nextWordFeature(shape.shape, next.info.lower))));
    return w;
  }

  private gazetteer(offset: number, matches: readonly string[], into: Float64Array, at: number) {
    const cache = this.byGazetteer[offset + 1]!;
    for (const match of matches) {
      let w = cache.get(match);
      if (w === undefined) cache.set(match, (w = this.weightsOf(gazetteerFeature(offset, match))));
      addTo(into, at, w);
    }
  }

  tag(sentences: readonly (readonly string[])[]): Uint8Array[] {
    const doc = docContext(sentences);
    const scores = new Float64Array(N);
    const tagged: Uint8Array[] = [];
    for (const s of taggingOrder(doc)) {
      const words = sentences[s]!;
      const n = words.length;
      const entries: TaggerWord[] = new Array(n);
      const lower: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        entries[i] = this.word(words[i]!);
        lower[i] = entries[i]!.info.lower;
      }
      const start = this.word(SENTENCE_START);
      const end = this.word(SENTENCE_END);
      const startShape = this.shape(SENTENCE_START);
      const endShape = this.shape(SENTENCE_END);
      const caps = doc.caps[s]!;
      const gazetteer = gazetteerFeatures(lower);
      const fixed = new Float64Array(n * N);
      for (let i = 0; i < n; i++) {
        const at = i * N;
        const entry = entries[i]!;
        const own = entry.block;
        for (let label = 0; label < N; label++) fixed[at + label] = own[OWN + label]!;
        for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
          const j = i + NEIGHBOUR_OFFSETS[k]!;
          const neighbour = j < 0 ? start : j >= n ? end : entries[j]!;
          addTo(fixed, at, neighbour.block, NEIGHBOUR + k * N);
        }
        // The same context features as sentenceFeatures, each looked up by what it is built from.
        const previous = i > 0 ? entries[i - 1]! : start;
        const next = i + 1 < n ? entries[i + 1]! : end;
        const shape = entry.shape;
        addTo(fixed, at, this.shapePair(i > 0 ? previous.shape : startShape, shape).next);
        addTo(fixed, at, this.shapePair(shape, i + 1 < n ? next.shape : endShape).self);
        addTo(fixed, at, this.capsShape(shape, caps, i === 0));
        if (entry.info.capitalized) addTo(fixed, at, this.byCaseEvidence[doc.caseOf.get(entry.info.lower) ?? 0]!);
        const nextEarlier = i + 1 < n && next.info.capitalized ? doc.history.get(next.info.lower) : undefined;
        if (nextEarlier !== undefined) addTo(fixed, at, this.byNextHistory[nextEarlier]!);
        addTo(fixed, at, this.previousWord(previous, shape));
        addTo(fixed, at, this.nextWord(shape, next));
        this.gazetteer(0, gazetteer[i]!, fixed, at);
        if (i > 0) this.gazetteer(-1, gazetteer[i - 1]!, fixed, at);
        if (i + 1 < n) this.gazetteer(1, gazetteer[i + 1]!, fixed, at);
      }
      const labels = new Uint8Array(n);
      let previous = OUTSIDE;
      let beforePrevious = OUTSIDE;
      for (let i = 0; i < n; i++) {
        const { info, block } = entries[i]!;
        const earlier = info.capitalized ? doc.history.get(info.lower) : undefined;
        const labelAt = (previous * N + beforePrevious) * N;
        const historyAt = ((earlier === undefined ? 0 : earlier + 1) * N + previous) * N;
        const labelledAt = block.length > LABELLED ? LABELLED + previous * N : -1;
        for (let label = 0; label < N; label++)
          scores[label] =
            fixed[i * N + label]! + this.byLabels[labelAt + label]! + this.byHistory[historyAt + label]! + (labelledAt < 0 ? 0 : block[labelledAt + label]!);
        const best = bestLabel(scores, 0, previous);
        labels[i] = best;
        if (info.capitalized) doc.history.set(info.lower, rememberedLabel(best));
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
