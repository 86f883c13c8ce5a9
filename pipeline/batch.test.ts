import { describe, expect, it } from "vitest";
import { contentHash, runBatch, workerHeapLimits, type Outcome } from "./batch.ts";
import type { InputItem } from "./inputs.ts";
import { DocumentRecordSchema } from "./schema.ts";

const POISONED_WORKER = new URL("../test/fixtures/poisoned-worker.mjs", import.meta.url).href;

// Sentences from corpus/000_8a651a583932578d.txt.
const SENTENCES = [
  "The Islamic Movement of Uzbekistan (IMU) has pledged allegiance to the Islamic State.",
  "The announcement came in a video released on August 6th.",
  "The IMU has been based in Pakistan's tribal areas since 2001.",
];

const doc = (i: number, text = SENTENCES[i % SENTENCES.length]!): InputItem => ({
  id: `doc${i}`,
  text,
  origin: `test.jsonl:${i + 1}`,
  bytes: text.length,
});

async function* stream(items: InputItem[]) {
  yield* items;
}

async function collect(items: InputItem[], options: Partial<Parameters<typeof runBatch>[1]> = {}) {
  const outcomes: Outcome[] = [];
  for await (const outcome of runBatch(stream(items), { workers: 2, docTimeoutMs: 30_000, ...options })) outcomes.push(outcome);
  return outcomes;
}

const ids = (outcomes: Outcome[]) => outcomes.map((o) => (o.status === "failed" ? o.failure.id : o.doc.id));

describe("runBatch", () => {
  it("yields one valid record per document, in input order, with the text's hash", async () => {
    const items = Array.from({ length: 40 }, (_, i) => doc(i));
    const outcomes = await collect(items);
    expect(ids(outcomes)).toEqual(items.map((_, i) => `doc${i}`));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("done");
      if (outcome.status !== "done") continue;
      expect(DocumentRecordSchema.safeParse(outcome.record).success).toBe(true);
      expect(outcome.record.contentHash).toBe(contentHash(outcome.doc.text));
    }
  });

  it("turns a document that makes a stage throw into a failure naming the stage, and keeps the rest", async () => {
    const items = Array.from({ length: 30 }, (_, i) => (i === 13 ? doc(i, `${SENTENCES[0]} POISON`) : doc(i)));
    const outcomes = await collect(items, { workerFile: POISONED_WORKER });
    expect(ids(outcomes)).toEqual(items.map((_, i) => `doc${i}`));
    const failed = outcomes.filter((o) => o.status === "failed");
    expect(failed).toEqual([
      { status: "failed", failure: { id: "doc13", origin: "test.jsonl:14", stage: "poison", message: "poisoned document" }, bytes: expect.any(Number) },
    ]);
    expect(outcomes.filter((o) => o.status === "done")).toHaveLength(29);
  });

  it("stops a document that runs past --doc-timeout and goes on with the next", async () => {
    const items = [doc(0), doc(1, "HANG forever"), doc(2), doc(3)];
    const outcomes = await collect(items, { workerFile: POISONED_WORKER, docTimeoutMs: 3_000, workers: 1 });
    expect(outcomes.map((o) => o.status)).toEqual(["done", "failed", "done", "done"]);
    expect(outcomes[1]).toMatchObject({ failure: { id: "doc1", stage: "timeout" } });
  });

  it("fails a document that outgrows its worker's heap alone, and goes on with a new worker", async () => {
    const items = [doc(0), doc(1, "HOARD memory"), doc(2), doc(3)];
    const outcomes = await collect(items, { workerFile: POISONED_WORKER, workers: 1, maxDocumentBytes: 1024 });
    expect(outcomes.map((o) => o.status)).toEqual(["done", "failed", "done", "done"]);
    expect(outcomes[1]).toMatchObject({ failure: { id: "doc1", stage: "worker", message: expect.stringMatching(/memory/i) } });
  });

  it("runs a group that hangs or loses its worker again one document at a time, so only the culprit fails", async () => {
    // On one worker, documents after the first two wait and travel in groups: the hanging and the hoarding ones share theirs with others.
    const items = Array.from({ length: 40 }, (_, i) => (i === 20 ? doc(i, "HANG forever") : i === 30 ? doc(i, "HOARD memory") : doc(i)));
    const outcomes = await collect(items, { workerFile: POISONED_WORKER, workers: 1, docTimeoutMs: 3_000, maxDocumentBytes: 1024 });
    expect(ids(outcomes)).toEqual(items.map((_, i) => `doc${i}`));
    expect(outcomes.filter((o) => o.status === "failed")).toEqual([
      expect.objectContaining({ failure: expect.objectContaining({ id: "doc20", stage: "timeout" }) }),
      expect.objectContaining({ failure: expect.objectContaining({ id: "doc30", stage: "worker", message: expect.stringMatching(/memory/i) }) }),
    ]);
  }, 60_000);

  it("passes each document of a slow feed on, and its outcome back, before the next document arrives", async () => {
    let outcomeSeen = () => {};
    async function* feed() {
      for (let i = 0; i < 3; i++) {
        yield doc(i);
        await new Promise<void>((resolve) => (outcomeSeen = resolve));
      }
    }
    const seen: string[] = [];
    for await (const outcome of runBatch(feed(), { workers: 1, docTimeoutMs: 30_000 })) {
      seen.push(outcome.status === "done" ? outcome.doc.id : "failed");
      outcomeSeen();
    }
    expect(seen).toEqual(["doc0", "doc1", "doc2"]);
  }, 30_000);

  it("gives workers old-generation heap in proportion to the largest document admitted", () => {
    expect(workerHeapLimits(10 * 2 ** 20).maxOldGenerationSizeMb).toBe(640);
    expect(workerHeapLimits(1024).maxOldGenerationSizeMb).toBe(384);
    expect(workerHeapLimits(Infinity).maxOldGenerationSizeMb).toBeUndefined();
  });

  it("passes input errors through as failures in their place", async () => {
    const items: InputItem[] = [doc(0), { error: "invalid UTF-8", origin: "bad.txt:3", bytes: 9 }, doc(2)];
    const outcomes = await collect(items);
    expect(outcomes[1]).toEqual({
      status: "failed",
      failure: { id: null, origin: "bad.txt:3", stage: "input", message: "invalid UTF-8" },
      bytes: 9,
    });
    expect(ids(outcomes)).toEqual(["doc0", null, "doc2"]);
  });

  it("skips documents already written with the same content, and refuses a changed one", async () => {
    const items = [doc(0), doc(1), doc(2)];
    const written = new Map([
      ["doc0", contentHash(SENTENCES[0]!)],
      ["doc1", contentHash("an older version of the text")],
    ]);
    const outcomes = await collect(items, { written });
    expect(outcomes.map((o) => o.status)).toEqual(["skipped", "failed", "done"]);
    expect(outcomes[1]).toMatchObject({ failure: { stage: "resume" } });
  });
});
