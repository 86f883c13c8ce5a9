/**
 * Throughput and memory of the whole pipeline against its parts.
 *
 *   npm run bench -- [--data DIR] [--mb N] [--workers N] [--subset-mb N] [--big-mb N] [--article-timeout S] [--rounds N] [--node-flags FLAGS] [--save-batch FILE]
 *
 * Builds one batch of at least --mb MB (default 10) of news text: the corpus
 * repeated, or the .tml (TimeML, tags stripped) and .txt files under --data
 * (e.g. ../shared/data/tempeval3-tbaq). Then, each in a fresh process so
 * timings and peak RSS do not mix, it measures: the pipeline end to end as
 * users run it (bench-pipeline.mjs: the compiled build, reading, worker
 * threads, writing JSONL to /dev/null) on 1 worker and on
 * --workers (default: cores); wink-nlp's bare readDoc, with its default
 * pipeline and with sentence boundaries only (as the tokens stage runs it); compromise and chrono-node alone (on the first --subset-mb MB: they
 * are slow); the time each stage takes in-process, to point at the slow one;
 * and single articles of 1 MB and --big-mb MB (default 10), each given
 * --article-timeout seconds (default 600), to catch superlinear blow-ups. Tokens are wink's (words and punctuation, not
 * whitespace), counted by the readDoc run.
 *
 * The three measurements the targets compare (the pipeline on 1 and on N
 * workers, readDoc with its default pipe) run --rounds times (default 2),
 * alternated, and each keeps its fastest round: on a shared machine single
 * runs of the same build differ by 20% and more. With --node-flags (e.g.
 * "--single-threaded-gc"), the pipeline on 1 and on N workers is measured
 * again in the same rounds with those flags given to node, for a comparison
 * within one run. With --save-batch, it only writes the batch to FILE, for
 * other measurements on the same documents (scripts/thread-cpu.mjs,
 * `node --trace-opt scripts/bench-pipeline.mjs FILE 1`).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = new URL("..", import.meta.url).pathname;

interface Article {
  id: string;
  text: string;
  published?: string;
}

interface Measurement {
  seconds: number;
  /** CPU time of the whole process (every thread) over the measured part: on a shared machine, steadier than wall time. */
  cpuSeconds: number;
  docs: number;
  chars: number;
  maxRssMB: number;
  tokens?: number;
  failed?: number;
  stages?: Record<string, number>;
  /** Seconds until the first record (worker start-up included). */
  firstRecord?: number;
  /** The first few failures, "origin: stage: message". */
  failures?: string[];
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The article text of a TimeML file (tags stripped) and its creation time. */
function timeml(id: string, source: string): Article | null {
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(source)?.[1];
  if (!body) return null;
  const text = body.replace(/<[^>]+>/g, "").replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(source)?.[0];
  const published = dct && /value="(\d{4}-\d{2}-\d{2})/.exec(dct)?.[1];
  return { id, text: text.trim(), ...(published ? { published } : {}) };
}

function articles(dataDir: string | undefined): Article[] {
  const dir = dataDir ?? join(ROOT, "corpus");
  const found: Article[] = [];
  for (const path of filesUnder(dir)) {
    const id = path.slice(dir.length + 1).replace(/\.[^.]+$/, "").replace(/\//g, "_");
    if (extname(path) === ".txt") found.push({ id, text: readFileSync(path, "utf8") });
    else if (extname(path) === ".tml") {
      const article = timeml(id, readFileSync(path, "utf8"));
      if (article) found.push(article);
    }
  }
  if (found.length === 0) throw new Error(`${dir}: no .txt or .tml files`);
  return found;
}

/** Writes the articles, repeated, as JSONL until the file holds `bytes`. */
async function writeBatch(path: string, source: Article[], bytes: number): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  let docs = 0;
  for (let round = 0; written < bytes; round++)
    for (const article of source) {
      const line = JSON.stringify({ ...article, id: `${article.id}-${round}` }) + "\n";
      written += Buffer.byteLength(line);
      docs++;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      if (written >= bytes) break;
    }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return docs;
}

/** One article of about `bytes`: the articles' texts, paragraph after paragraph. */
function bigArticle(source: Article[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = source[i % source.length]!.text;
    parts.push(text);
    size += text.length + 2;
  }
  return parts.join("\n\n").slice(0, bytes);
}

async function* jsonlDocs(path: string, limitBytes = Infinity): AsyncGenerator<Article> {
  const { createInterface } = await import("node:readline");
  const { createReadStream } = await import("node:fs");
  let chars = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line) continue;
    const doc = JSON.parse(line) as Article;
    yield doc;
    chars += doc.text.length;
    if (chars >= limitBytes) return;
  }
}

const maxRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

/** The measurements, each run in a child process (see `child`). */
async function timeReadDoc(file: string, pipe?: string[]): Promise<Measurement> {
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const nlp = pipe ? winkNLP(model, pipe) : winkNLP(model);
  const its = nlp.its;
  let docs = 0;
  let chars = 0;
  let tokens = 0;
  let seconds = 0;
  const cpu = process.cpuUsage();
  for await (const doc of jsonlDocs(file)) {
    const started = performance.now();
    const types = nlp.readDoc(doc.text).tokens().out(its.type) as string[];
    seconds += (performance.now() - started) / 1000;
    for (const type of types) if (type !== "tabCRLF") tokens++;
    docs++;
    chars += doc.text.length;
  }
  return { seconds, cpuSeconds: cpuSince(cpu), docs, chars, tokens, maxRssMB: maxRssMB() };
}

const CHILDREN = {
  /** wink's readDoc with sentence boundaries only, as the tokens stage runs it. */
  readDoc: (file: string) => timeReadDoc(file, ["sbd"]),

  /** wink's readDoc as a user gets it from `winkNLP(model)`: its default pipeline (POS, NER, sentiment …). */
  readDocDefault: (file: string) => timeReadDoc(file),

  async compromise(file: string, _workers: number, subsetBytes: number): Promise<Measurement> {
    const { default: nlp } = await import("compromise");
    return timeEach(file, subsetBytes, (text) => nlp(text).terms().length);
  },

  async chrono(file: string, _workers: number, subsetBytes: number): Promise<Measurement> {
    const chrono = await import("chrono-node");
    return timeEach(file, subsetBytes, (text) => chrono.parse(text).length);
  },

  async stages(file: string): Promise<Measurement> {
    const { newDoc } = await import("../pipeline/document.ts");
    const { STAGES } = await import("../pipeline/stages.ts");
    const stages: Record<string, number> = Object.fromEntries(STAGES.map((s) => [s.name, 0]));
    let docs = 0;
    let chars = 0;
    const cpu = process.cpuUsage();
    for await (const input of jsonlDocs(file)) {
      let doc = newDoc(input);
      for (const stage of STAGES) {
        const started = performance.now();
        doc = stage.run(doc);
        stages[stage.name]! += (performance.now() - started) / 1000;
      }
      docs++;
      chars += input.text.length;
    }
    const seconds = Object.values(stages).reduce((a, b) => a + b, 0);
    return { seconds, cpuSeconds: cpuSince(cpu), docs, chars, stages, maxRssMB: maxRssMB() };
  },

  async article(file: string): Promise<Measurement> {
    const { newDoc, toRecord } = await import("../pipeline/document.ts");
    const { STAGES } = await import("../pipeline/stages.ts");
    const { schemaProblems, spanProblems } = await import("../pipeline/validate.ts");
    const text = readFileSync(file, "utf8");
    const stages: Record<string, number> = {};
    let doc = newDoc({ id: "big", text });
    const cpu = process.cpuUsage();
    for (const stage of STAGES) {
      const started = performance.now();
      doc = stage.run(doc);
      stages[stage.name] = (performance.now() - started) / 1000;
    }
    const record = toRecord(doc);
    const problems = [...schemaProblems(record), ...spanProblems(record, text)];
    const seconds = Object.values(stages).reduce((a, b) => a + b, 0);
    const failures = problems.slice(0, 3).map((p) => `${p.path}: ${p.message.slice(0, 200)}`);
    return { seconds, cpuSeconds: cpuSince(cpu), docs: 1, chars: text.length, failed: problems.length, failures, stages, maxRssMB: maxRssMB() };
  },
};
type ChildName = keyof typeof CHILDREN | "pipeline";

async function timeEach(file: string, subsetBytes: number, run: (text: string) => unknown): Promise<Measurement> {
  let docs = 0;
  let chars = 0;
  let seconds = 0;
  const cpu = process.cpuUsage();
  for await (const doc of jsonlDocs(file, subsetBytes)) {
    const started = performance.now();
    run(doc.text);
    seconds += (performance.now() - started) / 1000;
    docs++;
    chars += doc.text.length;
  }
  return { seconds, cpuSeconds: cpuSince(cpu), docs, chars, maxRssMB: maxRssMB() };
}

function measure(name: ChildName, file: string, workers = 1, subsetBytes = Infinity, nodeFlags: string[] = []): Promise<Measurement> {
  return measureWithin(Infinity, name, file, workers, subsetBytes, nodeFlags) as Promise<Measurement>;
}

const fastest = (rounds: Measurement[]) => rounds.reduce((best, m) => (m.seconds < best.seconds ? m : best));

/** A measurement in a fresh process, or null when it is not done within `seconds` (the process is then killed). */
function measureWithin(seconds: number, name: ChildName, file: string, workers = 1, subsetBytes = Infinity, nodeFlags: string[] = []): Promise<Measurement | null> {
  const args =
    name === "pipeline"
      ? [...nodeFlags, new URL("bench-pipeline.mjs", import.meta.url).pathname, file, String(workers)]
      : ["--import", "tsx", new URL(import.meta.url).pathname, "--child", name, file, String(workers), String(subsetBytes)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const timer = Number.isFinite(seconds) ? setTimeout(() => child.kill("SIGKILL"), seconds * 1000) : undefined;
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout) as Measurement);
      else if (signal === "SIGKILL") resolve(null);
      else reject(new Error(`bench ${name} exited with ${code ?? signal}`));
    });
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      mb: { type: "string", default: "10" },
      workers: { type: "string", default: String(availableParallelism()) },
      "subset-mb": { type: "string", default: "1" },
      "big-mb": { type: "string", default: "10" },
      "article-timeout": { type: "string", default: "600" },
      rounds: { type: "string", default: "2" },
      "node-flags": { type: "string" },
      "save-batch": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    // The usage is this file's opening comment.
    const usage = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(readFileSync(new URL(import.meta.url), "utf8"))![1]!;
    console.log(usage.replace(/^ \*(?: |$)/gm, ""));
    return;
  }
  const MB = 1024 * 1024;
  const workers = Number(values.workers);
  const dir = mkdtempSync(join(tmpdir(), "newsframes-bench-"));
  try {
    const source = articles(values.data);
    const batch = values["save-batch"] ?? join(dir, "batch.jsonl");
    const batchDocs = await writeBatch(batch, source, Number(values.mb) * MB);
    console.log(`batch: ${batchDocs} documents, ${values.mb} MB of JSONL, from ${values.data ?? "corpus/"} (${source.length} distinct articles)`);
    if (values["save-batch"]) {
      console.log(`written to ${batch}`);
      return;
    }

    const bare = await measure("readDoc", batch);
    const tokensPerChar = bare.tokens! / bare.chars;
    const tokens = (m: Measurement) => m.chars * tokensPerChar;
    const rows: [string, Measurement][] = [];
    const line = (label: string, m: Measurement) => {
      rows.push([label, m]);
      console.log(
        `${label.padEnd(44)} ${fmt(tokens(m) / m.seconds).padStart(10)} tokens/s ${fmt(m.docs / m.seconds, 1).padStart(9)} docs/s ${fmt(m.seconds, 1).padStart(7)} s ${fmt(tokens(m) / m.cpuSeconds).padStart(10)} tokens/CPU-s   peak RSS ${m.maxRssMB} MB` +
          (m.firstRecord === undefined ? "" : `   first record after ${fmt(m.firstRecord, 1)} s`) +
          (m.failed ? `   ${m.failed} FAILED` : ""),
      );
      for (const failure of m.failures ?? []) console.log(`    failed: ${failure}`);
    };
    console.log(`tokens: ${fmt(bare.tokens!)} (wink, no whitespace)`);
    // The measurements the targets compare, then the pipeline again with --node-flags if given.
    const nodeFlags = values["node-flags"]?.split(/\s+/).filter(Boolean) ?? [];
    const variants = [
      { label: "pipeline, 1 worker", run: () => measure("pipeline", batch, 1) },
      { label: `pipeline, ${workers} workers`, run: () => measure("pipeline", batch, workers) },
      { label: "wink readDoc, default pipe", run: () => measure("readDocDefault", batch) },
      ...(nodeFlags.length === 0
        ? []
        : [
            { label: `pipeline, 1 worker, ${nodeFlags.join(" ")}`, run: () => measure("pipeline", batch, 1, Infinity, nodeFlags) },
            { label: `pipeline, ${workers} workers, ${nodeFlags.join(" ")}`, run: () => measure("pipeline", batch, workers, Infinity, nodeFlags) },
          ]),
    ].map((variant) => ({ ...variant, rounds: [] as Measurement[] }));
    for (let round = 1; round <= Math.max(1, Number(values.rounds)); round++) {
      // Alternated: odd rounds go in the listed order, even rounds the other way round.
      for (const variant of round % 2 ? variants : [...variants].reverse()) variant.rounds.push(await variant.run());
    }
    const [one, many, bareDefault, ...flagged] = variants.map((variant) => fastest(variant.rounds)) as [Measurement, Measurement, Measurement, ...Measurement[]];
    const seconds = (rounds: Measurement[]) => rounds.map((m) => fmt(m.seconds, 1)).join(" / ");
    console.log(`seconds per round (the fastest is kept): ${variants.map((variant) => `${variant.label} ${seconds(variant.rounds)}`).join("; ")}\n`);
    line(variants[0]!.label, one);
    line(variants[1]!.label, many);
    flagged.forEach((m, i) => line(variants[3 + i]!.label, m));
    line("wink readDoc, sbd only", bare);
    line(variants[2]!.label, bareDefault);
    line(`compromise alone (${values["subset-mb"]} MB)`, await measure("compromise", batch, 1, Number(values["subset-mb"]) * MB));
    line(`chrono-node alone (${values["subset-mb"]} MB)`, await measure("chrono", batch, 1, Number(values["subset-mb"]) * MB));

    const stages = await measure("stages", batch);
    console.log("\ntime per stage, in-process, 1 thread:");
    for (const [name, seconds] of Object.entries(stages.stages!).sort((a, b) => b[1] - a[1]))
      console.log(`  ${name.padEnd(12)} ${fmt(seconds, 1).padStart(7)} s  ${fmt((100 * seconds) / stages.seconds).padStart(3)}%  ${fmt(tokens(stages) / seconds).padStart(11)} tokens/s`);

    const bigMB = Number(values["big-mb"]);
    const articleLimit = Number(values["article-timeout"]);
    const article = async (mb: number) => {
      const path = join(dir, `article-${mb}.txt`);
      writeFileSync(path, bigArticle(source, mb * MB));
      const m = await measureWithin(articleLimit, "article", path);
      const slowest = m && Object.entries(m.stages!).sort((a, b) => b[1] - a[1])[0]!;
      console.log(
        m
          ? `single ${mb} MB article: ${fmt(m.seconds, 1)} s, ${m.failed ? `INVALID RECORD (${m.failed} problems)` : "valid record"}, peak RSS ${m.maxRssMB} MB, slowest stage ${slowest![0]} (${fmt(slowest![1], 1)} s)`
          : `single ${mb} MB article: not done after ${articleLimit} s (--article-timeout)`,
      );
      for (const failure of m?.failures ?? []) console.log(`    invalid: ${failure}`);
      return m;
    };
    console.log("");
    const small = await article(1);
    const big = await article(bigMB);

    const pipelineRate = tokens(one) / one.seconds;
    const bareRate = tokens(bare) / bare.seconds;
    const speedup = one.seconds / many.seconds;
    console.log(`\nload average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores (wall-time figures need an idle machine)`);
    console.log("targets:");
    const check = (ok: boolean, what: string) => console.log(`  ${ok ? "ok  " : "MISS"} ${what}`);
    check(pipelineRate >= 100_000, `1 worker end to end: ${fmt(pipelineRate)} tokens/s, ${fmt(tokens(one) / one.cpuSeconds)} tokens/CPU-s (>= 100,000)`);
    const bareDefaultRate = tokens(bareDefault) / bareDefault.seconds;
    check(
      pipelineRate / bareDefaultRate >= 0.3,
      `pipeline / bare readDoc (default pipe): ${fmt((100 * pipelineRate) / bareDefaultRate)}% (>= 30%); / readDoc with sentence boundaries only: ${fmt((100 * pipelineRate) / bareRate)}%`,
    );
    check(speedup >= 1.8 || workers < 2, `${workers}-worker speed-up: x${fmt(speedup, 2)} (>= 1.8 on 2 workers)`);
    // V8 compiles and collects garbage on helper threads, and the main thread reads and writes:
    // a 1-worker run keeps more than one core busy, which caps the speed-up when workers = cores.
    const coresBusy = one.cpuSeconds / one.seconds;
    console.log(
      `       1 worker keeps ${fmt(coresBusy, 2)} cores busy, ${workers} workers ${fmt(many.cpuSeconds / many.seconds, 2)}: on ${availableParallelism()} cores the speed-up cannot pass x${fmt(Math.min(workers, availableParallelism()) / coresBusy, 2)}`,
    );
    if (flagged.length > 0) {
      const [flaggedOne, flaggedMany] = flagged as [Measurement, Measurement];
      console.log(
        `       with ${nodeFlags.join(" ")}: 1 worker x${fmt(one.seconds / flaggedOne.seconds, 2)} and ${workers} workers x${fmt(many.seconds / flaggedMany.seconds, 2)} the throughput without; speed-up x${fmt(flaggedOne.seconds / flaggedMany.seconds, 2)}`,
      );
    }
    check(many.maxRssMB <= 400, `peak RSS, ${values.mb} MB batch on ${workers} workers: ${many.maxRssMB} MB (<= 400)`);
    const scaling = small && big ? big.seconds / small.seconds : Infinity;
    check(scaling <= 1.5 * bigMB, `one ${bigMB} MB article takes x${fmt(scaling, 1)} the time of 1 MB (<= x${fmt(1.5 * bigMB)}: no superlinear blow-up)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [name, file, workers, subset] = process.argv.slice(3) as [ChildName, string, string, string];
  const result = await CHILDREN[name as keyof typeof CHILDREN](file, Number(workers), Number(subset));
  process.stdout.write(JSON.stringify(result));
} else {
  const OPTION_ERRORS = new Set(["ERR_PARSE_ARGS_UNKNOWN_OPTION", "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"]);
  await main().catch((error: unknown) => {
    // A mistyped option gets its message and the usage hint, not a stack trace.
    if (!OPTION_ERRORS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    console.error(`bench: ${(error as Error).message} (npm run bench -- --help)`);
    process.exitCode = 2;
  });
}
