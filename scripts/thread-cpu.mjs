// CPU time per thread of a batch run, read from /proc (Linux): where a
// run's cores go, which wall-time figures cannot tell on a shared machine.
// Runs the compiled build (`npm run build`) like bench-pipeline.mjs and
// measures from the FROM-th document (default 1) to about the end, so that
// a FROM past the first half leaves the workers' warm-up out.
//   node scripts/thread-cpu.mjs BATCH.jsonl WORKERS [FROM]
// Thread ids are in start order: the process's own id is the thread that
// reads and writes, then V8's helper threads (compiling, collecting
// garbage), libuv's and, last, the worker threads.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const dist = new URL("../dist/pipeline/", import.meta.url);
if (!existsSync(dist)) throw new Error("dist/ is missing: run `npm run build`");
const { runBatch } = await import(new URL("batch.js", dist).href);
const { readInputs } = await import(new URL("inputs.js", dist).href);
const { jsonlWriter, openSink } = await import(new URL("output.js", dist).href);

const [file, workers, from = "1"] = process.argv.slice(2);
if (!file || !workers) {
  console.error("usage: node scripts/thread-cpu.mjs BATCH.jsonl WORKERS [FROM]");
  process.exit(2);
}
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of each of this process's threads, by thread id. */
function threadCpu() {
  const cpu = new Map();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    cpu.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
  }
  return cpu;
}

// Worker threads end with the batch, so their times are read while it runs: every SNAPSHOT_EVERY documents.
const SNAPSHOT_EVERY = 50;
let docs = 0;
let start;
let end;
// Records are written as bench-pipeline.mjs writes them, so the main thread does the work it does in a real run.
const writer = jsonlWriter(await openSink("/dev/null"));
for await (const outcome of runBatch(readInputs([file], { maxBytes: Infinity }), { workers: Number(workers), docTimeoutMs: 3_600_000 })) {
  if (outcome.status !== "done") continue;
  await writer.write(outcome.record, outcome.doc.text);
  docs++;
  if (docs === Number(from)) start = { docs, at: performance.now(), cpu: threadCpu() };
  else if (start && docs % SNAPSHOT_EVERY === 0) end = { docs, at: performance.now(), cpu: threadCpu() };
}
await writer.close();
if (!end) throw new Error(`${file}: ${docs} documents, too few to measure from the ${from}th`);
const seconds = (end.at - start.at) / 1000;
console.log(`documents ${start.docs}-${end.docs}: ${seconds.toFixed(2)} s, ${((end.docs - start.docs) / seconds).toFixed(1)} docs/s`);
let total = 0;
for (const [tid, cpu] of [...end.cpu].sort((a, b) => a[0] - b[0])) {
  const used = cpu - (start.cpu.get(tid) ?? 0);
  total += used;
  if (used >= 0.01) console.log(`thread ${tid}${tid === process.pid ? " (main)" : ""}: ${used.toFixed(2)} CPU-s, ${((100 * used) / seconds).toFixed(0)}% of a core`);
}
console.log(`all threads: ${total.toFixed(2)} CPU-s, ${(total / seconds).toFixed(2)} cores`);
