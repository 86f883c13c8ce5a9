/**
 * Writes output/schema.json, the JSON Schema (draft 2020-12) of a document
 * record, generated from the zod schema in pipeline/schema.ts so the two
 * never disagree: `npm run schema`. A test fails when the file is stale.
 *
 * Slot schemas carry their `kind` (entity, entities, timex, quantity, label)
 * as an extra keyword. Checks zod runs in code and JSON Schema cannot state
 * (a quantity's min not above its max) are left out.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DocumentRecordSchema } from "../pipeline/schema.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../output/schema.json", import.meta.url));

/** The schema file's content. */
export function recordJsonSchema(): string {
  const schema = z.toJSONSchema(DocumentRecordSchema, { unrepresentable: "any" });
  return (
    JSON.stringify(
      {
        ...schema,
        title: "newsframes document record",
        description: "One article's record: excluded regions, entity mentions, TIMEX3 time expressions and event frames (SPEC.md).",
      },
      null,
      2,
    ) + "\n"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SCHEMA_FILE, recordJsonSchema());
  console.error(`wrote ${SCHEMA_FILE}`);
}
