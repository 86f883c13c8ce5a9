/** `newsframes extract`: articles in, one JSONL record per document out, in input order. */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { once } from "node:events";
import type { Command } from "commander";
import { extract, StageError } from "../extract.ts";
import { isInputError, readInputs } from "../inputs.ts";

export const DEFAULT_INPUT = "corpus";

export interface ExtractOptions {
  out?: string;
}

export interface RunSummary {
  read: number;
  written: number;
  failed: number;
}

async function write(stream: Writable, chunk: string) {
  if (!stream.write(chunk)) await once(stream, "drain");
}

export async function runExtract(inputs: string[], options: ExtractOptions): Promise<RunSummary> {
  let out: Writable = process.stdout;
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    out = createWriteStream(options.out);
  }
  const summary: RunSummary = { read: 0, written: 0, failed: 0 };
  for await (const item of readInputs(inputs.length ? inputs : [DEFAULT_INPUT])) {
    summary.read++;
    if (isInputError(item)) {
      summary.failed++;
      console.error(`newsframes: ${item.origin}: ${item.error}`);
      continue;
    }
    try {
      await write(out, JSON.stringify(extract(item)) + "\n");
      summary.written++;
    } catch (error) {
      summary.failed++;
      const stage = error instanceof StageError ? ` (stage ${error.stage})` : "";
      console.error(`newsframes: ${item.origin}: ${(error as Error).message}${stage}`);
    }
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
  return summary;
}

export function registerExtract(program: Command) {
  program
    .command("extract")
    .description("extract entities, times and event frames from articles; writes one JSONL record per document")
    .argument("[input...]", ".txt or .jsonl files, directories of them, or - for JSONL on stdin", [])
    .option("-o, --out <file>", "write JSONL records to FILE instead of standard output")
    .action(async (inputs: string[], options: ExtractOptions) => {
      const summary = await runExtract(inputs, options);
      console.error(`newsframes: ${summary.read} read, ${summary.written} written, ${summary.failed} failed`);
      if (summary.failed) process.exitCode = 1;
    });
}
