/**
 * A stream of inputs through the pipeline on worker threads (piscina), one
 * outcome per input, in input order.
 *
 * Documents go to the workers in groups. Each trip between threads left a
 * worker idle for about 0.4 ms on a 2-core virtual machine (waking a thread
 * there is slow), an eighth of a news article's time: with one document per
 * trip, a worker was busy 86% of the time, 94% with groups (npm run bench's
 * news batch, one worker). A group is sent as soon as no other waits for a
 * worker, so the first documents and a slow feed are never held back; while
 * the workers are busy it fills up to GROUP_DOCS documents or GROUP_CHARS
 * characters. p-queue hands each worker one group at a time, and at most
 * `workers × GROUPS_PER_WORKER` groups are held (running, or finished and
 * waiting for an earlier one), so memory stays flat however long the input is.
 *
 * A document that fails becomes a failure outcome and the batch goes on. A
 * group that runs past the time limit, or loses its worker (which is then
 * replaced), is run again one document at a time, so that the limit applies
 * to each document alone and only the one at fault fails.
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

const GROUP_DOCS = 16;
/** Text per group, in UTF-16 units; a longer document goes alone. */
const GROUP_CHARS = 64 * 1024;
/**
 * One group running and one waiting. With 4, records waited long enough in
 * this thread to reach V8's old generation: 15-20 MB more peak RSS.
 */
const GROUPS_PER_WORKER = 2;

// Compiled (dist/, `npm run build`), the worker is plain JavaScript; from the
// TypeScript sources, worker-entry.mjs loads it through tsx, which costs each
// thread a module-hooks thread (about 25 MB) and a slower start.
const DEFAULT_WORKER_FILE = new URL(import.meta.url.endsWith(".ts") ? "./worker-entry.mjs" : "./worker.js", import.meta.url).href;

/** A document for the workers, or an input whose outcome is known without them (an input error, a document already written). */
type Work = { doc: InputDoc; hash: string; task: DocumentTask };
type Member = Work | { outcome: Outcome };
const FINISHED = Symbol("finished");

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");

export async function* runBatch(items: AsyncIterable<InputItem>, options: BatchOptions): AsyncGenerator<Outcome> {
  setFlagsFromString(`--max-semi-space-size=${COORDINATOR_SEMI_SPACE_MB}`);
  const pool = new Piscina<DocumentTask[], TaskResult[]>({
    filename: options.workerFile ?? DEFAULT_WORKER_FILE,
    minThreads: options.workers,
    maxThreads: options.workers,
    // Workers load their own code (worker-entry.mjs registers tsx when it is needed); an
    // inherited `--import tsx` would give each one a second module-hooks thread.
    execArgv: [],
    resourceLimits: workerHeapLimits(options.maxDocumentBytes ?? DEFAULT_MAX_BYTES),
  });
  const queue = new PQueue({ concurrency: options.workers });

  const failed = (doc: InputDoc, stage: string, message: string): Outcome => ({
    status: "failed",
    failure: { id: doc.id, origin: doc.origin, stage, message },
    bytes: doc.bytes,
  });

  /** Runs the tasks on one worker, the clock starting when the worker takes them; `lost` when it runs out of time or dies. */
  const runTasks = (tasks: DocumentTask[]) =>
    queue.add(async (): Promise<{ results: TaskResult[] } | { lost: { stage: string; message: string } }> => {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), options.docTimeoutMs);
      try {
        return { results: await pool.run(tasks, { signal: timeout.signal }) };
      } catch (error) {
        if (timeout.signal.aborted) return { lost: { stage: "timeout", message: `not done after ${options.docTimeoutMs} ms (--doc-timeout)` } };
        return { lost: { stage: "worker", message: error instanceof Error ? error.message : String(error) } };
      } finally {
        clearTimeout(timer);
      }
    });

  const runWork = async (work: Work[]): Promise<Outcome[]> => {
    const run = await runTasks(work.map(({ task }) => task));
    if ("results" in run)
      return run.results.map((result, i): Outcome => {
        const { doc, hash } = work[i]!;
        if ("failure" in result) return failed(doc, result.failure.stage, result.failure.message);
        return { status: "done", doc, record: { ...result.record, contentHash: hash } };
      });
    if (work.length === 1) return [failed(work[0]!.doc, run.lost.stage, run.lost.message)];
    return (await Promise.all(work.map((one) => runWork([one])))).flat();
  };

  /** The outcomes of a group's members, in order. */
  const runGroup = async (members: Member[]): Promise<Outcome[]> => {
    const work = members.filter((member): member is Work => "task" in member);
    const outcomes = work.length ? await runWork(work) : [];
    let next = 0;
    return members.map((member) => ("task" in member ? outcomes[next++]! : member.outcome));
  };

  const memberOf = (item: InputItem): Member => {
    if (isInputError(item))
      return { outcome: { status: "failed", failure: { id: item.id ?? null, origin: item.origin, stage: "input", message: item.error }, bytes: item.bytes } };
    const { origin, markup, bytes, ...input } = item;
    const hash = contentHash(item.text);
    const writtenHash = options.written?.get(item.id);
    if (writtenHash === hash) return { outcome: { status: "skipped", doc: item } };
    if (writtenHash !== undefined)
      return { outcome: failed(item, "resume", "already in the output with different content; remove its line or write to a new file") };
    return { doc: item, hash, task: markup ? { input, markup } : { input } };
  };

  /** Groups sent, in input order, until their outcomes are yielded; `outcomes` is set once a group is finished. */
  const window: { promise: Promise<Outcome[]>; outcomes?: Outcome[] }[] = [];
  const limit = options.workers * GROUPS_PER_WORKER;
  /** The group being filled: inputs read while the workers are busy. */
  let open: Member[] = [];
  let openChars = 0;
  const send = () => {
    if (!open.length) return;
    const entry: (typeof window)[number] = { promise: runGroup(open) };
    window.push(entry);
    open = [];
    openChars = 0;
    entry.promise.then((outcomes) => {
      entry.outcomes = outcomes;
      sendIfIdle();
    });
  };
  /** Sends the open group, however small, when no group waits for a worker (a slow feed, the first documents). */
  const sendIfIdle = () => {
    if (queue.size === 0 && window.length < limit) send();
  };
  /** Sends the open group once fewer than `limit` groups are held, yielding the outcomes waited for meanwhile. */
  async function* sendWhenRoom() {
    while (open.length && window.length >= limit) yield* await window.shift()!.promise;
    send();
  }
  function* finishedOutcomes() {
    while (window[0]?.outcomes) yield* window.shift()!.outcomes!;
    sendIfIdle();
  }
  /** Resolves once the oldest group held is finished; never, when none is held. */
  const oldestFinished = () => window[0]?.promise.then((): typeof FINISHED => FINISHED) ?? new Promise<never>(() => {});

  const inputs = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = inputs.next();
      let arrived: IteratorResult<InputItem> | typeof FINISHED;
      // While the next input is awaited (a slow feed), finished outcomes go out.
      while ((arrived = await Promise.race([next, oldestFinished()])) === FINISHED) yield* finishedOutcomes();
      if (arrived.done) break;
      const member = memberOf(arrived.value);
      const chars = "task" in member ? member.doc.text.length : 0;
      if (openChars + chars > GROUP_CHARS) yield* sendWhenRoom();
      open.push(member);
      openChars += chars;
      if (open.length >= GROUP_DOCS || openChars >= GROUP_CHARS) yield* sendWhenRoom();
      yield* finishedOutcomes();
    }
    send();
    while (window.length) yield* await window.shift()!.promise;
  } finally {
    // Not awaited: when the caller stops early, a read may still be pending on a stalled feed.
    inputs.return?.().catch(() => {});
    await pool.destroy();
  }
}
