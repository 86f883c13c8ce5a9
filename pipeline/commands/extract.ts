/** `newsframes extract`: articles in, one JSONL record per document out, in input order. */
import { availableParallelism } from "node:os";
import { InvalidArgumentError, type Command } from "commander";
import { runBatch, type Failure } from "../batch.ts";
import { DEFAULT_MAX_BYTES, inputBytes, readInputs } from "../inputs.ts";
import { openSink, writtenDocuments, type LineSink } from "../output.ts";
import { createRecordWriter, OUTPUT_FORMATS } from "../formats/writer.ts";
import { plainProgress, progressBar, wantsProgressBar, type Progress } from "../progress.ts";

export const DEFAULT_INPUT = "corpus";
export const DEFAULT_DOC_TIMEOUT_MS = 120_000;

export interface ExtractOptions {
  out?: string;
  errors?: string;
  workers?: number;
  docTimeout?: number;
  maxBytes?: number;
  resume?: boolean;
  quiet?: boolean;
  /** Output format (formats/writer.ts) and, for CSV, the layer and a byte-order mark. */
  format?: string;
  layer?: string;
  bom?: boolean;
}

export interface RunSummary {
  read: number;
  written: number;
  failed: number;
  /** Already in the output (--resume). */
  skipped: number;
}

const failureLine = (failure: Failure) =>
  `newsframes: ${failure.origin}: ${failure.message}${failure.stage === "input" ? "" : ` (stage ${failure.stage})`}`;

export async function runExtract(inputs: string[], options: ExtractOptions): Promise<RunSummary> {
  if (options.resume && !options.out) throw new Error("--resume needs --out FILE (the output to resume)");
  if (options.resume && (options.format ?? "jsonl") !== "jsonl") throw new Error("--resume works with --format jsonl only");
  const sources = inputs.length ? inputs : [DEFAULT_INPUT];
  const written = options.resume && options.out ? await writtenDocuments(options.out) : undefined;
  const writer = await createRecordWriter(options.format ?? "jsonl", { out: options.out, layer: options.layer, bom: options.bom, append: written !== undefined });
  // Every failure is retried on resume, so the errors file always describes this run alone.
  const errors: LineSink | undefined = options.errors ? await openSink(options.errors) : undefined;
  const progress: Progress = !options.quiet && wantsProgressBar() ? progressBar(inputBytes(sources)) : plainProgress;

  const summary: RunSummary = { read: 0, written: 0, failed: 0, skipped: 0 };
  const exclude = [options.out, options.errors].filter((path) => path !== undefined);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const outcomes = runBatch(readInputs(sources, { maxBytes, exclude }), {
    maxDocumentBytes: maxBytes,
    workers: options.workers ?? availableParallelism(),
    docTimeoutMs: options.docTimeout ?? DEFAULT_DOC_TIMEOUT_MS,
    written,
  });
  const fail = async (failure: Failure, bytes: number) => {
    summary.failed++;
    progress.log(failureLine(failure));
    await errors?.write(JSON.stringify(failure) + "\n");
    progress.advance(bytes);
  };
  try {
    for await (const outcome of outcomes) {
      summary.read++;
      if (outcome.status === "done") {
        const { doc, record } = outcome;
        try {
          await writer.write(record, record.text ?? doc.text);
        } catch (error) {
          // A record this format cannot express (e.g. overlapping times in TimeML) fails alone.
          await fail({ id: doc.id, origin: doc.origin, stage: "write", message: (error as Error).message }, doc.bytes);
          continue;
        }
        summary.written++;
        progress.advance(doc.bytes);
      } else if (outcome.status === "skipped") {
        summary.skipped++;
        progress.advance(outcome.doc.bytes);
      } else {
        await fail(outcome.failure, outcome.bytes);
      }
    }
  } finally {
    progress.stop();
    await writer.close();
    await errors?.close();
  }
  return summary;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive whole number");
  return n;
}

export function registerExtract(program: Command) {
  program
    .command("extract")
    .description("extract entities, times and event frames from articles; writes one JSONL record per document")
    .argument(
      "[input...]",
      ".txt, .html or .jsonl files, directories of them, glob patterns, or - for JSONL on stdin (default: corpus/)",
    )
    .option("-o, --out <file>", "write to FILE instead of standard output (a directory for brat and timeml)")
    .option("-f, --format <format>", `output format: ${OUTPUT_FORMATS.join(", ")} (default: jsonl)`)
    .option("--layer <layer>", "with --format csv: one row per event frame (events, default), mention (entities) or time expression (times)")
    .option("--bom", "with --format csv: start with a UTF-8 byte-order mark so Excel reads the file as UTF-8")
    .option("--errors <file>", "write one JSONL line per failed document (id, origin, stage, message) to FILE")
    .option("-w, --workers <n>", "worker threads running the stages (default: number of cores)", positiveInteger)
    .option("--doc-timeout <ms>", `give up on a document after MS milliseconds (default: ${DEFAULT_DOC_TIMEOUT_MS})`, positiveInteger)
    .option("--max-bytes <n>", `refuse documents larger than N bytes (default: ${DEFAULT_MAX_BYTES})`, positiveInteger)
    .option("--resume", "skip documents already in --out (same id and content) and append the rest")
    .option("-q, --quiet", "no progress bar and no summary line")
    .action(async (inputs: string[], options: ExtractOptions) => {
      let summary: RunSummary;
      try {
        summary = await runExtract(inputs, options);
      } catch (error) {
        console.error(`newsframes: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      if (!options.quiet) {
        const skipped = summary.skipped ? `, ${summary.skipped} skipped (already in ${options.out})` : "";
        console.error(`newsframes: ${summary.read} read, ${summary.written} written, ${summary.failed} failed${skipped}`);
      }
      if (summary.failed) process.exitCode = 1;
    });
}
