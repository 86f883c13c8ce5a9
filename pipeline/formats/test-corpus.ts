/** The gold records of the repository with their article texts, for the format tests' round trips. */
import { readdirSync, readFileSync } from "node:fs";
import type { DocumentRecord } from "../schema.ts";
import { schemaProblems } from "../validate.ts";

const GOLD_DIR = new URL("../../gold/", import.meta.url);
const CORPUS_DIR = new URL("../../corpus/", import.meta.url);

export interface GoldDocument {
  record: DocumentRecord;
  text: string;
}

/** Every gold file that is a valid record (files mid-annotation may not be yet), with its corpus text. */
export function goldDocuments(): GoldDocument[] {
  return readdirSync(GOLD_DIR)
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, GOLD_DIR), "utf8")) as unknown)
    .filter((value) => schemaProblems(value).length === 0)
    .map((value) => {
      const record = value as DocumentRecord;
      return { record, text: record.text ?? readFileSync(new URL(`${record.id}.txt`, CORPUS_DIR), "utf8") };
    });
}

export const corpusText = (id: string) => readFileSync(new URL(`${id}.txt`, CORPUS_DIR), "utf8");
