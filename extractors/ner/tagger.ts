/**
 * Greedy left-to-right decoding of a document with a linear model: each token
 * takes the best-scoring label allowed after the previous one, and capitalized
 * words remember their label for later mentions in the same document.
 *
 * Two paths give the same labels: `tagDocument` scores feature strings (for
 * training, where the weights change after every token), and `FastTagger`
 * caches the summed weights of each word's feature groups (for running).
 */
import {
  docContext,
  historyFeatures,
  labelFeatures,
  labelledWordFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeature,
  ownFeatures,
  sentenceFeatures,
  taggingOrder,
  SENTENCE_END,
  SENTENCE_START,
  tokenFeatures,
  type DocContext,
  type SentenceFeatures,
  wordShape,
} from "./features.ts";
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

/** Records the label of a capitalized word (B- and I- alike) for its later mentions. */
function remember(doc: DocContext, sentence: SentenceFeatures, i: number, label: number) {
  if (sentence.capitalized[i]) doc.history.set(sentence.lower[i]!, label === OUTSIDE ? label : label - ((label - 1) % 2));
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

export class FastTagger {
  private readonly words = new Map<string, Float32Array>();
  /** Weights of labelFeatures(p1, p2), at (p1 * N + p2) * N. */
  private readonly byLabels = new Float64Array(N * N * N);
  /** Weights of historyFeatures(h, p1), at ((h + 1) * N + p1) * N (h + 1 = 0: no history). */
  private readonly byHistory = new Float64Array((N + 1) * N * N);

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
  }

  private add(features: readonly string[], into: Float64Array | Float32Array, at: number) {
    for (const feature of features) {
      const w = this.model.weights.get(feature);
      if (w) for (let label = 0; label < N; label++) into[at + label]! += w[label]!;
    }
  }

  /** The summed weights of a word's own, neighbour and (if it has any) labelled features; weights are integers, so float32 sums are exact. */
  private word(word: string): Float32Array {
    let block = this.words.get(word);
    if (block) return block;
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    const lower = word.toLowerCase();
    const labelled = this.labelledValues.has(lower) || this.labelledValues.has(wordShape(word));
    const filled = new Float32Array(labelled ? WORD_BLOCK : LABELLED);
    this.add(ownFeatures(word), filled, OWN);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) this.add([neighbourFeature(NEIGHBOUR_OFFSETS[k]!, lower)], filled, NEIGHBOUR + k * N);
    if (labelled) for (let p1 = 0; p1 < N; p1++) this.add(labelledWordFeatures(word, p1), filled, LABELLED + p1 * N);
    this.words.set(word, filled);
    return filled;
  }

  tag(sentences: readonly (readonly string[])[]): Uint8Array[] {
    const doc = docContext(sentences);
    const scores = new Float64Array(N);
    const tagged: Uint8Array[] = [];
    for (const s of taggingOrder(doc)) {
      const words = sentences[s]!;
      const sentence = sentenceFeatures(words, doc, s);
      const n = words.length;
      const blocks: Float32Array[] = new Array(n);
      for (let i = 0; i < n; i++) blocks[i] = this.word(words[i]!);
      const start = this.word(SENTENCE_START);
      const end = this.word(SENTENCE_END);
      const fixed = new Float64Array(n * N);
      for (let i = 0; i < n; i++) {
        const at = i * N;
        const own = blocks[i]!;
        for (let label = 0; label < N; label++) fixed[at + label] = own[OWN + label]!;
        for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
          const j = i + NEIGHBOUR_OFFSETS[k]!;
          const neighbour = j < 0 ? start : j >= n ? end : blocks[j]!;
          const from = NEIGHBOUR + k * N;
          for (let label = 0; label < N; label++) fixed[at + label]! += neighbour[from + label]!;
        }
        this.add(sentence.context[i]!, fixed, at);
      }
      const labels = new Uint8Array(n);
      let previous = OUTSIDE;
      let beforePrevious = OUTSIDE;
      for (let i = 0; i < n; i++) {
        const earlier = sentence.capitalized[i] ? doc.history.get(sentence.lower[i]!) : undefined;
        const labelAt = (previous * N + beforePrevious) * N;
        const historyAt = ((earlier === undefined ? 0 : earlier + 1) * N + previous) * N;
        const block = blocks[i]!;
        const labelledAt = block.length > LABELLED ? LABELLED + previous * N : -1;
        for (let label = 0; label < N; label++)
          scores[label] =
            fixed[i * N + label]! + this.byLabels[labelAt + label]! + this.byHistory[historyAt + label]! + (labelledAt < 0 ? 0 : block[labelledAt + label]!);
        const best = bestLabel(scores, 0, previous);
        labels[i] = best;
        remember(doc, sentence, i, best);
        beforePrevious = previous;
        previous = best;
      }
      tagged[s] = labels;
    }
    return tagged;
  }
}
