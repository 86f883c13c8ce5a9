/**
 * Checks a record against the contract and its source text: the zod schema,
 * then every span's offsets and text. Used on pipeline output before it is
 * written, by `gold check`, and by the tests.
 */
import { DocumentRecordSchema, type DocumentRecord } from "./schema.ts";

/** One problem, with the JSON path of the field it concerns ("entities[3].text"). */
export interface Problem {
  path: string;
  message: string;
}

export function schemaProblems(value: unknown): Problem[] {
  const result = DocumentRecordSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join(""),
    message: issue.message,
  }));
}

export function spanProblems(record: DocumentRecord, source: string): Problem[] {
  const problems: Problem[] = [];
  const check = (path: string, s: { start: number; end: number; text?: string }) => {
    if (s.end < s.start) problems.push({ path, message: `end ${s.end} before start ${s.start}` });
    else if (s.end > source.length) problems.push({ path, message: `end ${s.end} beyond text length ${source.length}` });
    else if (s.text !== undefined && source.slice(s.start, s.end) !== s.text)
      problems.push({
        path: `${path}.text`,
        message: `${JSON.stringify(s.text)} differs from the source slice ${JSON.stringify(source.slice(s.start, s.end))} at [${s.start}, ${s.end})`,
      });
  };
  record.excluded.forEach((s, i) => check(`excluded[${i}]`, s));
  record.entities.forEach((s, i) => check(`entities[${i}]`, s));
  record.times.forEach((s, i) => check(`times[${i}]`, s));
  record.events.forEach((e, i) => e.evidence.forEach((s, j) => check(`events[${i}].evidence[${j}]`, s)));
  return problems;
}

/** The text a record's offsets index: its own `text` when it carries one, else the source file's. */
export function recordText(record: DocumentRecord, source: string): string {
  return record.text ?? source;
}
