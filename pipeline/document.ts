/**
 * The document as it moves through the stages. Each stage is a pure function
 * that takes the document so far and returns it with its own layer added;
 * the record written at the end (`toRecord`) keeps only the contract's fields.
 */
import type { DctSource, DocumentRecord, Entity, EventFrame, Excluded, Time } from "./schema.ts";

export interface Token {
  start: number;
  end: number;
  /** Whitespace (wink keeps runs of line breaks as tokens). */
  space: boolean;
  /** Index into `Doc.sentences`; -1 for whitespace and excluded tokens. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd) into `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

/** A problem found while processing, with the position it concerns (vfile-style). */
export interface Diagnostic {
  stage: string;
  message: string;
  start?: number;
  end?: number;
}

export interface Doc {
  id: string;
  text: string;
  published: string | null;
  dctSource: DctSource;
  /** Metadata passed through from the input (JSONL fields or a sidecar). */
  url?: string;
  source?: string;
  /** True when `text` is not the input file itself (e.g. extracted from HTML): the record then carries it. */
  textIsDerived?: boolean;
  excluded: Excluded[];
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  times: Time[];
  events: EventFrame[];
  diagnostics: Diagnostic[];
}

export interface DocInput {
  id: string;
  text: string;
  published?: string | null;
  url?: string;
  source?: string;
  textIsDerived?: boolean;
}

export function newDoc(input: DocInput): Doc {
  return {
    id: input.id,
    text: input.text,
    published: input.published ?? null,
    dctSource: input.published ? "metadata" : "none",
    url: input.url,
    source: input.source,
    textIsDerived: input.textIsDerived,
    excluded: [],
    tokens: [],
    sentences: [],
    entities: [],
    times: [],
    events: [],
    diagnostics: [],
  };
}

export function toRecord(doc: Doc): DocumentRecord {
  return {
    id: doc.id,
    published: doc.published,
    dctSource: doc.dctSource,
    ...(doc.textIsDerived ? { text: doc.text } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.source ? { source: doc.source } : {}),
    excluded: doc.excluded,
    entities: doc.entities,
    times: doc.times,
    events: doc.events,
  };
}

/** A span of the document's text, with `text` sliced from the source so the offsets invariant holds by construction. */
export function span(doc: Pick<Doc, "text">, start: number, end: number) {
  return { start, end, text: doc.text.slice(start, end) };
}

/** Whether [start, end) overlaps any excluded region (regions are sorted and disjoint). */
export function isExcluded(doc: Pick<Doc, "excluded">, start: number, end: number): boolean {
  const regions = doc.excluded;
  // Binary search for the first region that ends after `start`.
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const region = regions[lo];
  return region !== undefined && region.start < end;
}
