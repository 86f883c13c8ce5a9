// The bench's end-to-end measurement, as users run it: the compiled build
// (`npm run bench` builds dist/ first) in plain Node, no tsx in any thread.
// Reads a JSONL batch through worker threads, writes JSONL to /dev/null and
// prints one Measurement (see bench.ts) as JSON.
//   node scripts/bench-pipeline.mjs BATCH.jsonl WORKERS
import { existsSync } from "node:fs";

const dist = new URL("../dist/pipeline/", import.meta.url);
if (!existsSync(dist)) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");
const { runBatch } = await import(new URL("batch.js", dist).href);
const { readInputs } = await import(new URL("inputs.js", dist).href);
const { jsonlWriter, openSink } = await import(new URL("output.js", dist).href);

const [file, workers] = process.argv.slice(2);
const writer = jsonlWriter(await openSink("/dev/null"));
const started = performance.now();
const cpu = process.cpuUsage();
let docs = 0;
let chars = 0;
let failed = 0;
let firstRecord;
const failures = [];
for await (const outcome of runBatch(readInputs([file], { maxBytes: Infinity }), { workers: Number(workers), docTimeoutMs: 3_600_000 })) {
  firstRecord ??= (performance.now() - started) / 1000;
  if (outcome.status === "failed") {
    failed++;
    const { origin, stage, message } = outcome.failure;
    if (failures.length < 3) failures.push(`${origin}: ${stage}: ${message.slice(0, 200)}`);
  }
  if (outcome.status !== "done") continue;
  docs++;
  chars += outcome.doc.text.length;
  await writer.write(outcome.record, outcome.doc.text);
}
await writer.close();
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (user + system) / 1e6,
    docs,
    chars,
    failed,
    failures,
    firstRecord,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
