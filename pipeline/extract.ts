/**
 * One document through every stage, then the record it yields, checked
 * against the schema and its own text before anyone sees it.
 */
import { newDoc, toRecord, type Doc, type DocInput } from "./document.ts";
import type { DocumentRecord } from "./schema.ts";
import { STAGES } from "./stages.ts";
import { schemaProblems, spanProblems } from "./validate.ts";

/** An error raised while processing one document, naming the stage it failed in. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(message);
    this.name = "StageError";
  }
}

export function runStages(input: DocInput): Doc {
  let doc = newDoc(input);
  for (const stage of STAGES) {
    try {
      doc = stage.run(doc);
    } catch (error) {
      throw new StageError(stage.name, error instanceof Error ? error.message : String(error));
    }
  }
  return doc;
}

export function extract(input: DocInput): DocumentRecord {
  const doc = runStages(input);
  const record = toRecord(doc);
  const problems = [...schemaProblems(record), ...spanProblems(record, doc.text)];
  if (problems.length)
    throw new StageError(
      "validate",
      problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; "),
    );
  return record;
}
