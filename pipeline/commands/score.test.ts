import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runScore } from "./score.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const GOLD = join(ROOT, "gold");
const CORPUS = join(ROOT, "corpus");
const ID = "000_8a651a583932578d";
const gold = JSON.parse(readFileSync(join(GOLD, `${ID}.json`), "utf8"));

/** Writes JSONL predictions to a temporary file. */
function predictions(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "pred-")), "pred.jsonl");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

function capture() {
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = vi.spyOn(console, "error").mockImplementation(() => {});
  return {
    out: () => out.mock.calls.map((c) => String(c[0])).join(""),
    err: () => err.mock.calls.map((c) => String(c[0])).join("\n"),
  };
}

afterEach(() => vi.restoreAllMocks());

describe("newsframes score", () => {
  it("scores a document's gold against itself as perfect, naming the documents", async () => {
    const io = capture();
    const code = await runScore({ gold: GOLD, pred: predictions([JSON.stringify(gold)]), corpus: CORPUS });
    expect(code).toBe(0);
    const report = io.out();
    expect(report).toContain(`Documents scored (1): ${ID}`);
    const others = readdirSync(GOLD).filter((n) => /^[^.].*\.json$/.test(n)).length - 1;
    expect(report).toContain(`Gold without prediction, not scored (${others})`);
    // Every gold mention of 000 found: micro row of the strict table is 100/100/100 with no FP or FN.
    const strictMicro = report.split("\n").find((l) => l.trim().startsWith("micro"));
    expect(strictMicro?.split(/\s+/).filter(Boolean)).toEqual(["micro", "100.0", "100.0", "100.0", String(gold.entities.length), "0", "0"]);
  });

  it("prints JSON, and with --errors lists misses with their context from the corpus", async () => {
    const io = capture();
    const empty = { ...gold, entities: [], times: [], events: [] };
    const code = await runScore({ gold: GOLD, pred: predictions([JSON.stringify(empty)]), corpus: CORPUS, json: true, errors: true });
    expect(code).toBe(0);
    const card = JSON.parse(io.out());
    expect(card.entities.strict.micro).toMatchObject({ tp: 0, fp: 0, fn: gold.entities.length, recall: 0, precision: null });
    // The first miss is the first gold mention, shown in the article's own words.
    const first = card.errors.find((e: { layer: string }) => e.layer === "entities");
    const text = readFileSync(join(CORPUS, `${ID}.txt`), "utf8");
    expect(first).toMatchObject({ kind: "miss", doc: ID, text: text.slice(gold.entities[0].start, gold.entities[0].end) });
    expect(first.context).toContain(`[${gold.entities[0].text}]`);
  });

  it("exits 1 naming the file and line of an invalid prediction", async () => {
    const io = capture();
    const bad = { ...gold, entities: [{ start: 0, end: 3, text: "abc", type: "PERSONA", canonical: "x" }] };
    const file = predictions([JSON.stringify(gold), JSON.stringify(bad)]);
    expect(await runScore({ gold: GOLD, pred: file, corpus: CORPUS })).toBe(1);
    expect(io.err()).toMatch(new RegExp(`${file}:2: entities\\[0\\]\\.type: `));
  });

  it("exits 1 when the predictions are missing", async () => {
    const io = capture();
    expect(await runScore({ gold: GOLD, pred: join(tmpdir(), "no-such-file.jsonl"), corpus: CORPUS })).toBe(1);
    expect(io.err()).toContain("no-such-file.jsonl: predictions not found");
  });
});
