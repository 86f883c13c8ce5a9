/**
 * newsframes as a library: articles in, typed records out, and the scorer.
 *
 *   import { extract, extractMany, score } from "newsframes";
 *   const record = extract({ id: "a1", text, published: "2015-08-22" });
 *
 * Records follow SPEC.md and `DocumentRecordSchema`; offsets are UTF-16 code
 * unit indices into the text given.
 */
import { extract as extractOne } from "./pipeline/extract.ts";
import type { DocInput } from "./pipeline/document.ts";
import type { DocumentRecord } from "./pipeline/schema.ts";
import { scoreCorpus, type Scorecard } from "./pipeline/score.ts";

/** One article: an id, its text, and its publication date (ISO) when known. */
export type Article = Pick<DocInput, "id" | "text" | "published" | "url" | "source">;

/** Runs every stage on one article and returns its checked record; throws a `StageError` naming the stage that failed. */
export function extract(article: Article): DocumentRecord {
  return extractOne(article);
}

/** Records for many articles, one at a time and in input order; `articles` may be an array, any iterable, or an async iterable (a stream). */
export async function* extractMany(articles: Iterable<Article> | AsyncIterable<Article>): AsyncGenerator<DocumentRecord> {
  for await (const article of articles) yield extractOne(article);
}

/**
 * The score report of predicted records against gold ones, as `newsframes
 * score --json` prints it: entity, time, event and slot figures with their
 * counts, and every miss and false alarm. `textOf` gives an article's text
 * by id, where known, for the excluded-region figures.
 */
export function score(
  gold: readonly DocumentRecord[],
  predicted: readonly DocumentRecord[],
  textOf?: (id: string) => string | undefined,
): Scorecard {
  return scoreCorpus(gold, predicted, textOf);
}

export { StageError } from "./pipeline/extract.ts";
export {
  CERTAINTIES,
  DocumentRecordSchema,
  ENTITY_TYPES,
  EVENT_SLOTS,
  EVENT_TYPES,
  TIME_TYPES,
  slotKind,
  type Certainty,
  type DctSource,
  type DocumentRecord,
  type Entity,
  type EntityType,
  type EventFrame,
  type EventType,
  type Excluded,
  type Quantity,
  type SlotKind,
  type SlotValue,
  type Span,
  type Time,
} from "./pipeline/schema.ts";
export type { Scorecard, ScoreError, Figures, FigureTable } from "./pipeline/score.ts";
export { csvRows, CSV_COLUMNS, type CsvLayer } from "./pipeline/formats/csv.ts";
export { toBratAnn, BRAT_ANNOTATION_CONF } from "./pipeline/formats/brat.ts";
export { toTimeml } from "./pipeline/formats/timeml.ts";
export { toLabelStudioTask, fromLabelStudioTask, LABEL_STUDIO_CONFIG, type LabelStudioTask } from "./pipeline/formats/labelstudio.ts";
