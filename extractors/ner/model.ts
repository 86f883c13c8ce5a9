/**
 * The NER tagger's weights: an averaged perceptron over string features,
 * trained by scripts/train-ner.ts and shipped gzipped in models/ner.model.gz
 * as one line per feature: `feature<TAB>label:weight label:weight …`.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { LABELS } from "./labels.ts";
import type { Scorer } from "./tagger.ts";

const N = LABELS.length;

export const MODEL_URL = new URL("../../models/ner.model.gz", import.meta.url);

/**
 * Number(text.slice(start, end)) without the slice: the model's labels and
 * weights are (optionally negative) integers, read digit by digit; anything
 * else goes through Number.
 */
function integerAt(text: string, start: number, end: number): number {
  const negative = text.charCodeAt(start) === 45; // "-"
  let value = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

export class LinearModel implements Scorer {
  /**
   * Stored as one row of N weights per feature in a single Float32Array and a
   * map from feature to row, not a small array per feature: a third of the
   * memory, which every worker thread holds.
   */
  private constructor(
    private readonly rowOf: Map<string, number>,
    private readonly rows: Float32Array,
  ) {}

  static fromWeights(weights: ReadonlyMap<string, Float32Array>): LinearModel {
    const rowOf = new Map<string, number>();
    const rows = new Float32Array(weights.size * N);
    for (const [feature, w] of weights) {
      rows.set(w, rowOf.size * N);
      rowOf.set(feature, rowOf.size);
    }
    return new LinearModel(rowOf, rows);
  }

  get size(): number {
    return this.rowOf.size;
  }

  features(): IterableIterator<string> {
    return this.rowOf.keys();
  }

  /** The feature's N weights (a view, not a copy), if it has any. */
  weightsOf(feature: string): Float32Array | undefined {
    const row = this.rowOf.get(feature);
    return row === undefined ? undefined : this.rows.subarray(row * N, row * N + N);
  }

  /** Adds the weights of `features` to `into` at `at`. */
  addWeights(features: readonly string[], into: Float64Array | Float32Array, at = 0): void {
    const rows = this.rows;
    for (const feature of features) {
      const row = this.rowOf.get(feature);
      if (row === undefined) continue;
      for (let label = 0, from = row * N; label < N; label++) into[at + label]! += rows[from + label]!;
    }
  }

  score(features: readonly string[], scores: Float64Array): void {
    this.addWeights(features, scores);
  }

  *entries(): IterableIterator<[string, Float32Array]> {
    for (const feature of this.rowOf.keys()) yield [feature, this.weightsOf(feature)!];
  }

  serialize(): Buffer {
    const lines: string[] = [];
    for (const [feature, w] of this.entries()) {
      const entries: string[] = [];
      w.forEach((value, label) => {
        if (value !== 0) entries.push(`${label}:${value}`);
      });
      if (entries.length) lines.push(`${feature}\t${entries.join(" ")}`);
    }
    return gzipSync(lines.join("\n") + "\n", { level: 9 });
  }

  static parse(gzipped: Buffer): LinearModel {
    const text = gunzipSync(gzipped).toString("utf8");
    const rowOf = new Map<string, number>();
    let rows = new Float32Array(1 << 16);
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf("\n", lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const tab = text.indexOf("\t", lineStart);
      const from = rowOf.size * N;
      if (from + N > rows.length) {
        const grown = new Float32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      let entryStart = tab + 1;
      while (entryStart < lineEnd) {
        let entryEnd = text.indexOf(" ", entryStart);
        if (entryEnd < 0 || entryEnd > lineEnd) entryEnd = lineEnd;
        const colon = text.indexOf(":", entryStart);
        rows[from + integerAt(text, entryStart, colon)] = integerAt(text, colon + 1, entryEnd);
        entryStart = entryEnd + 1;
      }
      rowOf.set(text.slice(lineStart, tab), rowOf.size);
      lineStart = lineEnd + 1;
    }
    return new LinearModel(rowOf, rows.slice(0, rowOf.size * N));
  }

  /** The mean of several models' weights (trained on different shuffles: less variance than any one), rounded; means below `minimum` are dropped. */
  static mean(models: readonly LinearModel[], minimum: number): LinearModel {
    const sums = new Map<string, Float32Array>();
    for (const model of models)
      for (const [feature, w] of model.entries()) {
        const sum = sums.get(feature) ?? new Float32Array(N);
        for (let label = 0; label < N; label++) sum[label]! += w[label]!;
        sums.set(feature, sum);
      }
    const means = new Map<string, Float32Array>();
    for (const [feature, sum] of sums) {
      const mean = sum.map((value) => {
        const rounded = Math.round(value / models.length);
        return Math.abs(rounded) >= minimum ? rounded : 0;
      });
      if (mean.some((value) => value !== 0)) means.set(feature, mean);
    }
    return LinearModel.fromWeights(means);
  }

  static load(url: URL = MODEL_URL): LinearModel {
    return LinearModel.parse(readFileSync(url));
  }
}

/**
 * Averaged perceptron training (Collins 2002) with lazy averaging: each weight
 * keeps the running sum of its past values, brought up to date only when it changes.
 */
export class PerceptronTrainer implements Scorer {
  private readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  score(features: readonly string[], scores: Float64Array): void {
    for (const feature of features) {
      const w = this.weights.get(feature);
      if (w) for (let label = 0; label < N; label++) scores[label]! += w[label]!;
    }
  }

  /** One training instance seen; on a wrong guess, move weight from the guess to the truth. */
  learn(features: readonly string[], truth: number, guess: number): void {
    this.instances++;
    if (truth === guess) return;
    for (const feature of features) {
      let w = this.weights.get(feature);
      if (!w) {
        w = new Float64Array(N);
        this.weights.set(feature, w);
        this.totals.set(feature, new Float64Array(N));
        this.stamps.set(feature, new Float64Array(N));
      }
      const total = this.totals.get(feature)!;
      const stamp = this.stamps.get(feature)!;
      for (const [label, delta] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        total[label]! += (this.instances - stamp[label]!) * w[label]!;
        stamp[label] = this.instances;
        w[label]! += delta;
      }
    }
  }

  /**
   * The averaged weights, scaled so the largest is 10000 and rounded to
   * integers (the model file stays small); those rounding below `minimum` are dropped.
   */
  averaged(minimum: number): LinearModel {
    const means = new Map<string, Float64Array>();
    let largest = 0;
    for (const [feature, w] of this.weights) {
      const total = this.totals.get(feature)!;
      const stamp = this.stamps.get(feature)!;
      const mean = new Float64Array(N);
      for (let label = 0; label < N; label++) {
        mean[label] = (total[label]! + (this.instances - stamp[label]!) * w[label]!) / this.instances;
        largest = Math.max(largest, Math.abs(mean[label]!));
      }
      means.set(feature, mean);
    }
    const scale = largest ? 10000 / largest : 1;
    const averaged = new Map<string, Float32Array>();
    for (const [feature, mean] of means) {
      const rounded = Float32Array.from(mean, (value) => {
        const integer = Math.round(value * scale);
        return Math.abs(integer) >= minimum ? integer : 0;
      });
      if (rounded.some((value) => value !== 0)) averaged.set(feature, rounded);
    }
    return LinearModel.fromWeights(averaged);
  }
}
