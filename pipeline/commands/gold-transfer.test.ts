import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkGold } from "../gold-check.ts";
import type { LabelStudioTask } from "../formats/labelstudio.ts";
import { goldDocuments } from "../formats/test-corpus.ts";
import { configPathFor, runGoldExport, runGoldImport } from "./gold-transfer.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const CORPUS = join(ROOT, "corpus");
const GOLD = join(ROOT, "gold");

let dir: string;
let messages: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsframes-gold-transfer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});
const quiet = () => {
  messages = [];
  vi.spyOn(console, "error").mockImplementation((...args) => void messages.push(args.join(" ")));
};

describe("gold export / import with Label Studio", () => {
  it("exports the gold as tasks and imports them back as gold files identical to the originals that pass gold check", async () => {
    quiet();
    const tasks = join(dir, "tasks.json");
    expect(await runGoldExport({ to: "labelstudio", out: tasks, gold: GOLD, corpus: CORPUS })).toBe(0);
    expect(await readFile(configPathFor(tasks), "utf8")).toContain('<Labels name="entity" toName="text"');
    const imported = join(dir, "gold-ls");
    expect(await runGoldImport(tasks, { from: "labelstudio", gold: imported, corpus: CORPUS })).toBe(0);
    const docs = goldDocuments();
    expect((await readdir(imported)).sort()).toEqual(docs.map((d) => `${d.record.id}.json`));
    for (const { record } of docs) expect(JSON.parse(await readFile(join(imported, `${record.id}.json`), "utf8"))).toEqual(record);
    const check = await checkGold(imported, CORPUS);
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("writes no gold file for a task that fails, and names the task and region", async () => {
    quiet();
    const tasks = join(dir, "tasks.json");
    await runGoldExport({ to: "labelstudio", out: tasks, gold: GOLD, corpus: CORPUS });
    const all = JSON.parse(await readFile(tasks, "utf8")) as LabelStudioTask[];
    const task = all.find((t) => t.data.id === "001_2ab9d31026021b1f")!;
    // An annotator's entity region one character off the text it claims.
    const region = task.annotations![0]!.result.find((r) => r.type === "labels")!;
    if (region.type !== "relation") region.value.text = "Talib";
    const broken = join(dir, "broken.json");
    await writeFile(broken, JSON.stringify([task]));
    const out = join(dir, "gold-broken");
    expect(await runGoldImport(broken, { from: "labelstudio", gold: out, corpus: CORPUS })).toBe(1);
    expect(messages.join("\n")).toMatch(/broken\.json: task 1 \(001_2ab9d31026021b1f\): region entity-1 \(ORG "Taliban" at 29-36\): its text "Talib" differs/);
    expect(await readdir(out)).toEqual([]);
  });

  it("refuses a tasks file of pipeline predictions as gold", async () => {
    quiet();
    const pred = join(dir, "pred.jsonl");
    const doc = goldDocuments()[0]!;
    await writeFile(pred, JSON.stringify(doc.record) + "\n");
    const tasks = join(dir, "pred-tasks.json");
    expect(await runGoldExport({ to: "labelstudio", out: tasks, pred, corpus: CORPUS })).toBe(0);
    expect(await runGoldImport(tasks, { from: "labelstudio", gold: join(dir, "gold-pred"), corpus: CORPUS })).toBe(1);
    expect(messages.join("\n")).toMatch(/no submitted annotation/);
  });
});

describe("gold import from doccano", () => {
  it("matches lines to corpus articles by text, keeps the other layers of the existing gold, and passes gold check", async () => {
    quiet();
    const docs = goldDocuments();
    const jsonl = docs.map(({ record, text }) => JSON.stringify({ id: 1, text, label: record.entities.map((e) => [e.start, e.end, e.type]) })).join("\n");
    const file = join(dir, "doccano.jsonl");
    await writeFile(file, jsonl + "\n");
    const out = join(dir, "gold-doccano");
    // Seed the target with the current gold, as an annotator's checkout would have it.
    await runGoldExport({ to: "labelstudio", out: join(dir, "seed.json"), gold: GOLD, corpus: CORPUS });
    await runGoldImport(join(dir, "seed.json"), { from: "labelstudio", gold: out, corpus: CORPUS });
    expect(await runGoldImport(file, { from: "doccano", gold: out, corpus: CORPUS })).toBe(0);
    for (const { record } of docs) {
      const back = JSON.parse(await readFile(join(out, `${record.id}.json`), "utf8"));
      expect(back).toEqual({ ...record, entities: [...record.entities].sort((a, b) => a.start - b.start || a.end - b.end) });
    }
    expect((await checkGold(out, CORPUS)).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reports a line whose text is in no corpus article and has no doc_id", async () => {
    quiet();
    const file = join(dir, "stray.jsonl");
    await writeFile(file, JSON.stringify({ text: "Zabul province", label: [[0, 5, "GPE"]] }) + "\n");
    expect(await runGoldImport(file, { from: "doccano", gold: join(dir, "gold-stray"), corpus: CORPUS })).toBe(1);
    expect(messages.join("\n")).toMatch(/stray\.jsonl:1: no "doc_id" and no article in .*corpus\/ has this text/);
  });
});
