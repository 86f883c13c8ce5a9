/**
 * Greedy left-to-right decoding of a document with a linear model: each token
 * takes the best-scoring label allowed after the previous one, and capitalized
 * words remember their label for later mentions in the same document.
 */
import { docContext, sentenceFeatures, tokenFeatures } from "./features.ts";
import { ALLOWED, LABELS, OUTSIDE } from "./labels.ts";

export interface Scorer {
  /** Adds each label's score for `features` into `scores` (length LABELS.length, zeroed by the caller). */
  score(features: readonly string[], scores: Float64Array): void;
}

/** Called during training with each token's features and predicted label; returns the label to continue with. */
export type Learner = (features: string[], guess: number, sentence: number, token: number) => void;

const N = LABELS.length;

export function tagDocument(model: Scorer, sentences: readonly (readonly string[])[], learn?: Learner): Uint8Array[] {
  const doc = docContext(sentences);
  const scores = new Float64Array(N);
  return sentences.map((words, s) => {
    const sentence = sentenceFeatures(words, doc);
    const labels = new Uint8Array(words.length);
    let previous = OUTSIDE;
    let beforePrevious = OUTSIDE;
    for (let i = 0; i < words.length; i++) {
      const features = tokenFeatures(sentence, i, previous, beforePrevious, doc);
      scores.fill(0);
      model.score(features, scores);
      let best = OUTSIDE;
      let bestScore = -Infinity;
      for (let label = 0; label < N; label++) {
        if (ALLOWED[previous * N + label] && scores[label]! > bestScore) {
          bestScore = scores[label]!;
          best = label;
        }
      }
      learn?.(features, best, s, i);
      labels[i] = best;
      if (sentence.capitalized[i]) doc.history.set(sentence.lower[i]!, best === OUTSIDE ? best : best - ((best - 1) % 2));
      beforePrevious = previous;
      previous = best;
    }
    return labels;
  });
}
