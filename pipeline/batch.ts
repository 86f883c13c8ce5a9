/**
 * A stream of inputs through the pipeline on worker threads (piscina), one
 * outcome per input, in input order. p-queue hands each worker one document
 * at a time, and at most `workers × IN_FLIGHT_PER_WORKER` documents are held
 * (running or finished and waiting for an earlier one), so memory stays flat
 * however long the input is. A document that fails, or runs past its time
 * limit (its worker is then stopped and replaced), becomes a failure outcome
 * and the batch goes on.
 */
import { createHash } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import PQueue from "p-queue";
import { Piscina } from "piscina";
import type { ResourceLimits } from "node:worker_threads";
import { DEFAULT_MAX_BYTES, isInputError, type InputDoc, type InputItem } from "./inputs.ts";
import type { DocumentRecord } from "./schema.ts";
import type { DocumentTask, TaskResult } from "./worker.ts";

export interface Failure {
  id: string | null;
  /** The file (and line) the document came from. */
  origin: string;
  /** Where it failed: "input", a stage's name, "validate", "html", "timeout", "resume", "worker" or "write". */
  stage: string;
  message: string;
}

export type Outcome =
  | { status: "done"; doc: InputDoc; record: DocumentRecord }
  | { status: "skipped"; doc: InputDoc }
  | { status: "failed"; failure: Failure; bytes: number };

export interface BatchOptions {
  workers: number;
  docTimeoutMs: number;
  /** Documents an earlier run wrote (id → content hash); the same id and hash are skipped. */
  written?: ReadonlyMap<string, string>;
  /** The largest document the input admits (--max-bytes), which sizes the workers' heaps; Infinity for no limit. */
  maxDocumentBytes?: number;
  /** The module the worker threads run (a default export like worker.ts's); tests substitute their own. */
  workerFile?: string;
}

/**
 * Heap limits of a worker thread. Without them V8 lets each worker's heap
 * grow to several times its live data (about 80 MB) before collecting: a
 * 10 MB batch on two workers peaked at 600-700 MB RSS, and at about 410 with
 * these. The young generation is 16 MB: 8 saved another 30 MB but cost a
 * fifth of the throughput (npm run bench). The old generation leaves room
 * for the largest document admitted: a 10 MB article needs about 450 MB of
 * heap, so 64 per MB of text with a floor of 384; a document that still
 * does not fit fails alone, and its worker is replaced.
 */
export function workerHeapLimits(maxDocumentBytes: number): ResourceLimits {
  const young = { maxYoungGenerationSizeMb: 16 };
  if (!Number.isFinite(maxDocumentBytes)) return young;
  return { ...young, maxOldGenerationSizeMb: Math.max(384, Math.ceil((64 * maxDocumentBytes) / 2 ** 20)) };
}

/**
 * The young generation of the thread that runs the batch, in MB per semi-space.
 * That thread only reads inputs and passes documents and records along, but
 * at V8's default (up to 16) its young generation grows large: a 10 MB batch
 * on two workers peaked at 384-413 MB RSS, and at 369-381 with 4 (2 saved
 * another 15 MB but cost 5% of the throughput, 4 about 2%; runs side by side).
 * A V8 flag is global to the process and stays set after the batch.
 */
const COORDINATOR_SEMI_SPACE_MB = 4;

const IN_FLIGHT_PER_WORKER = 4;
// Compiled (dist/, `npm run build`), the worker is plain JavaScript; from the
// TypeScript sources, worker-entry.mjs loads it through tsx, which costs each
// thread a module-hooks thread (about 25 MB) and a slower start.
const DEFAULT_WORKER_FILE = new URL(import.meta.url.endsWith(".ts") ? "./worker-entry.mjs" : "./worker.js", import.meta.url).href;

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");

export async function* runBatch(items: AsyncIterable<InputItem>, options: BatchOptions): AsyncGenerator<Outcome> {
  setFlagsFromString(`--max-semi-space-size=${COORDINATOR_SEMI_SPACE_MB}`);
  const pool = new Piscina<DocumentTask, TaskResult>({
    filename: options.workerFile ?? DEFAULT_WORKER_FILE,
    minThreads: options.workers,
    maxThreads: options.workers,
    // Workers load their own code (worker-entry.mjs registers tsx when it is needed); an
    // inherited `--import tsx` would give each one a second module-hooks thread.
    execArgv: [],
    resourceLimits: workerHeapLimits(options.maxDocumentBytes ?? DEFAULT_MAX_BYTES),
  });
  const queue = new PQueue({ concurrency: options.workers });

  const runDocument = async (doc: InputDoc): Promise<Outcome> => {
    const { origin, markup, bytes, ...input } = doc;
    const task: DocumentTask = markup ? { input, markup } : { input };
    const failed = (stage: string, message: string): Outcome => ({
      status: "failed",
      failure: { id: doc.id, origin, stage, message },
      bytes,
    });
    const hash = contentHash(doc.text);
    const writtenHash = options.written?.get(doc.id);
    if (writtenHash === hash) return { status: "skipped", doc };
    if (writtenHash !== undefined)
      return failed("resume", "already in the output with different content; remove its line or write to a new file");
    const timeout = new AbortController();
    try {
      const result = await queue.add(async () => {
        // The clock starts when a worker takes the document, not while it waits in the queue.
        const timer = setTimeout(() => timeout.abort(), options.docTimeoutMs);
        try {
          return await pool.run(task, { signal: timeout.signal });
        } finally {
          clearTimeout(timer);
        }
      });
      if ("failure" in result) return failed(result.failure.stage, result.failure.message);
      return { status: "done", doc, record: { ...result.record, contentHash: hash } };
    } catch (error) {
      if (timeout.signal.aborted) return failed("timeout", `not done after ${options.docTimeoutMs} ms (--doc-timeout)`);
      return failed("worker", error instanceof Error ? error.message : String(error));
    }
  };

  const start = (item: InputItem): Promise<Outcome> =>
    isInputError(item)
      ? Promise.resolve({
          status: "failed",
          failure: { id: item.id ?? null, origin: item.origin, stage: "input", message: item.error },
          bytes: item.bytes,
        })
      : runDocument(item);

  /** Outcomes not yet yielded, in input order; `outcome` is set once a document is finished. */
  const window: { promise: Promise<Outcome>; outcome?: Outcome }[] = [];
  const limit = options.workers * IN_FLIGHT_PER_WORKER;
  try {
    for await (const item of items) {
      const entry: (typeof window)[number] = { promise: start(item) };
      entry.promise.then((outcome) => (entry.outcome = outcome));
      window.push(entry);
      while (window[0]?.outcome) yield window.shift()!.outcome!;
      if (window.length >= limit) yield await window.shift()!.promise;
    }
    while (window.length) yield await window.shift()!.promise;
  } finally {
    await pool.destroy();
  }
}
