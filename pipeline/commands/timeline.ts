/** `newsframes timeline [INPUT...]`: one chronological entry per real event across articles, with every source and where they disagree. */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES, isInputError, readInputs } from "../inputs.ts";
import { DocumentRecordSchema, type DocumentRecord } from "../schema.ts";
import { buildTimeline, formatTable } from "../timeline.ts";
import { DEFAULT_INPUT } from "./extract.ts";

interface TimelineOptions {
  records?: string;
  format?: string;
}

const FORMATS = ["table", "jsonl"] as const;

/** Records from a JSONL file of pipeline output; a bad line is reported with its number and skipped. */
async function readRecords(file: string, problems: string[]): Promise<DocumentRecord[]> {
  const records: DocumentRecord[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${file}:${number}: not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = DocumentRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      problems.push(`${file}:${number}: field ${issue.path.join(".") || "(record)"}: ${issue.message}`);
    }
  }
  return records;
}

async function extractRecords(inputs: string[], problems: string[]): Promise<DocumentRecord[]> {
  // Loaded on use: at the top, every command (`extract` too, which runs the stages in workers) would load the models in its main thread.
  const { extract, StageError } = await import("../extract.ts");
  const records: DocumentRecord[] = [];
  for await (const item of readInputs(inputs.length ? inputs : [DEFAULT_INPUT], { maxBytes: DEFAULT_MAX_BYTES })) {
    if (isInputError(item)) {
      problems.push(`${item.origin}: ${item.error}`);
      continue;
    }
    try {
      records.push(extract(item));
    } catch (error) {
      const stage = error instanceof StageError ? ` (stage ${error.stage})` : "";
      problems.push(`${item.origin}: ${(error as Error).message}${stage}`);
    }
  }
  return records;
}

export async function runTimeline(inputs: string[], options: TimelineOptions): Promise<number> {
  const format = options.format ?? (process.stdout.isTTY ? "table" : "jsonl");
  if (!(FORMATS as readonly string[]).includes(format)) {
    console.error(`newsframes timeline: --format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
    return 2;
  }
  const problems: string[] = [];
  let records: DocumentRecord[];
  try {
    records = options.records ? await readRecords(options.records, problems) : await extractRecords(inputs, problems);
  } catch (error) {
    console.error(`newsframes timeline: ${options.records}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  for (const problem of problems) console.error(`newsframes timeline: ${problem}`);
  const entries = buildTimeline(records);
  if (format === "jsonl") for (const entry of entries) process.stdout.write(JSON.stringify(entry) + "\n");
  else process.stdout.write(formatTable(entries));
  console.error(`newsframes timeline: ${records.length} documents, ${entries.length} events`);
  return problems.length ? 1 : 0;
}

export function registerTimeline(program: Command) {
  program
    .command("timeline")
    .description("merge the event frames of many articles into one chronological entry per real event, with its sources and their disagreements")
    .argument("[input...]", ".txt or .jsonl articles, directories of them, or - for JSONL on stdin (default: corpus/)")
    .option("--records <file>", "read pipeline records (JSONL, as `extract` writes) instead of running the pipeline")
    .option("--format <format>", "table (default on a terminal) or jsonl (default otherwise)")
    .action(async (inputs: string[], options: TimelineOptions) => {
      process.exitCode = await runTimeline(inputs, options);
    });
}
