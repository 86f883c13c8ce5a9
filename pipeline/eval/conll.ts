/**
 * CoNLL-2003 NER files (one token a line: `word POS chunk NER`, IOB1 tags,
 * blank lines between sentences, `-DOCSTART-` between documents) and
 * conlleval-style scoring: strict span-and-type precision, recall and F1.
 */
import { NER_TYPES, type NerType } from "../../extractors/ner/labels.ts";
import type { Entity, EntityType } from "../schema.ts";

export interface ConllSentence {
  words: string[];
  /** BIO (IOB2) labels converted from the file's IOB1 tags. */
  labels: string[];
  /** 1-based line number of the sentence's first token, for error messages. */
  line: number;
}

export interface ConllDocument {
  sentences: ConllSentence[];
  line: number;
}

export class ConllFormatError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = "ConllFormatError";
  }
}

const TAG = /^(?:O|[IB]-(?:PER|ORG|LOC|MISC))$/;

export function parseConll(text: string, file: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument | null = null;
  let sentence: ConllSentence | null = null;
  const lines = text.split(/\r?\n/);
  const endSentence = () => {
    if (sentence) {
      sentence.labels = iob1ToBio(sentence.labels);
      if (!document) documents.push((document = { sentences: [], line: sentence.line }));
      document.sentences.push(sentence);
    }
    sentence = null;
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === "") return endSentence();
    if (fields[0] === "-DOCSTART-") {
      endSentence();
      documents.push((document = { sentences: [], line }));
      return;
    }
    const tag = fields[fields.length - 1]!;
    if (fields.length < 2) throw new ConllFormatError(file, line, `expected "word … NER", got "${raw}"`);
    if (!TAG.test(tag)) throw new ConllFormatError(file, line, `unknown NER tag "${tag}"`);
    sentence ??= { words: [], labels: [], line };
    sentence.words.push(fields[0]!);
    sentence.labels.push(tag);
  });
  endSentence();
  return documents.filter((doc) => doc.sentences.length > 0);
}

/** IOB1 (I- everywhere, B- only between two same-type names) to BIO (B- at every start). */
export function iob1ToBio(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith("I-")) return tag;
    const previous = i > 0 ? tags[i - 1]! : "O";
    return previous.slice(2) === tag.slice(2) ? tag : "B-" + tag.slice(2);
  });
}

export interface Chunk {
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  type: NerType;
}

export function chunksOf(labels: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  labels.forEach((label, i) => {
    if (open && label !== `I-${open.type}`) {
      chunks.push(open);
      open = null;
    }
    if (label.startsWith("B-") || (label.startsWith("I-") && !open)) open = { start: i, end: i + 1, type: label.slice(2) as NerType };
    else if (open) open.end = i + 1;
  });
  if (open) chunks.push(open);
  return chunks;
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export type Scores = Map<NerType, Counts>;

export function emptyScores(): Scores {
  return new Map(NER_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }]));
}

/** Adds one sentence's chunks to `scores`; returns the misses and false alarms. */
export function scoreSentence(scores: Scores, gold: readonly Chunk[], predicted: readonly Chunk[]) {
  const key = (chunk: Chunk) => `${chunk.start}:${chunk.end}:${chunk.type}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  for (const chunk of gold) scores.get(chunk.type)!.gold++;
  for (const chunk of predicted) {
    scores.get(chunk.type)!.predicted++;
    if (goldKeys.has(key(chunk))) scores.get(chunk.type)!.correct++;
  }
  return {
    missed: gold.filter((chunk) => !predictedKeys.has(key(chunk))),
    falseAlarms: predicted.filter((chunk) => !goldKeys.has(key(chunk))),
  };
}

export function prf(counts: Counts) {
  const precision = counts.predicted ? counts.correct / counts.predicted : 0;
  const recall = counts.gold ? counts.correct / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function total(scores: Scores, types: readonly NerType[]): Counts {
  const sum = { gold: 0, predicted: 0, correct: 0 };
  for (const type of types) {
    const counts = scores.get(type)!;
    sum.gold += counts.gold;
    sum.predicted += counts.predicted;
    sum.correct += counts.correct;
  }
  return sum;
}

/** A conlleval-like table: one line per type, then overall with and without MISC. */
export function formatScores(scores: Scores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, counts: Counts) => {
    const { precision, recall, f1 } = prf(counts);
    return `${name.padEnd(18)} P ${pct(precision)}  R ${pct(recall)}  F1 ${pct(f1)}   (gold ${counts.gold}, found ${counts.predicted}, correct ${counts.correct})`;
  };
  return [
    ...NER_TYPES.map((type) => row(type, scores.get(type)!)),
    row("overall", total(scores, NER_TYPES)),
    row("overall PER/ORG/LOC", total(scores, ["PER", "ORG", "LOC"])),
  ].join("\n");
}

/** A CoNLL document as plain text: tokens joined by single spaces, one sentence a line. */
export interface RebuiltDocument {
  text: string;
  /** Per sentence, per token: [start, end) offsets into `text`. */
  offsets: [number, number][][];
}

export function rebuildText(document: ConllDocument): RebuiltDocument {
  let text = "";
  const offsets = document.sentences.map((sentence, s) => {
    if (s > 0) text += "\n";
    return sentence.words.map((word, i) => {
      if (i > 0) text += " ";
      const start = text.length;
      text += word;
      return [start, text.length] as [number, number];
    });
  });
  return { text, offsets };
}

/** The contract's entity types as CoNLL-2003 types (everything the tagger's LOC became is LOC again). */
export const CONLL_TYPE: Record<EntityType, NerType> = {
  PERSON: "PER",
  ORG: "ORG",
  GPE: "LOC",
  LOC: "LOC",
  FAC: "LOC",
  NORP: "MISC",
};

/**
 * Predicted entities as chunks of the CoNLL tokens they overlap, per sentence
 * (a mention inside a token, like "US" in "US-led", claims the whole token;
 * a token already claimed by an earlier mention stays with it).
 */
export function chunksOfEntities(rebuilt: RebuiltDocument, entities: readonly Pick<Entity, "start" | "end" | "type">[]): Chunk[][] {
  const sentenceOf: number[] = [];
  const tokenOf: number[] = [];
  rebuilt.offsets.forEach((tokens, s) =>
    tokens.forEach(([start, end], i) => {
      for (let c = start; c < end; c++) {
        sentenceOf[c] = s;
        tokenOf[c] = i;
      }
    }),
  );
  const claimed = rebuilt.offsets.map((tokens) => new Array<boolean>(tokens.length).fill(false));
  const chunks: Chunk[][] = rebuilt.offsets.map(() => []);
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    let first = entity.start;
    while (first < entity.end && sentenceOf[first] === undefined) first++;
    if (first >= entity.end) continue;
    const s = sentenceOf[first]!;
    let start = tokenOf[first]!;
    let end = start + 1;
    for (let c = first; c < entity.end; c++) if (sentenceOf[c] === s) end = Math.max(end, tokenOf[c]! + 1);
    while (start < end && claimed[s]![start]) start++;
    while (end > start && claimed[s]![end - 1]) end--;
    if (start >= end) continue;
    claimed[s]!.fill(true, start, end);
    chunks[s]!.push({ start, end, type: CONLL_TYPE[entity.type] });
  }
  return chunks.map((list) => list.sort((a, b) => a.start - b.start));
}

/** How many entities start or end inside a CoNLL token ("US" of "US-led"), so are scored as the whole token. */
export function countUnaligned(rebuilt: RebuiltDocument, entities: readonly Pick<Entity, "start" | "end">[]): number {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const [start, end] of rebuilt.offsets.flat()) {
    starts.add(start);
    ends.add(end);
  }
  return entities.filter((entity) => !starts.has(entity.start) || !ends.has(entity.end)).length;
}
