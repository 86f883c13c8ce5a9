import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runGoldCheck } from "./commands/gold.ts";
import { canonicalWarnings, checkGold, formatFinding, recordProblems, slotValueWarnings, type GoldFile } from "./gold-check.ts";
import type { DocumentRecord, Entity, EventFrame } from "./schema.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const ID = "001_2ab9d31026021b1f";
// "Only days after the death of Taliban leader Mullah Omar was announced, the Islamic Movement of Uzbekistan …"
const TEXT = readFileSync(join(ROOT, "corpus", `${ID}.txt`), "utf8");

const mention = (surface: string, type: Entity["type"], canonical = surface): Entity => {
  const start = TEXT.indexOf(surface);
  return { start, end: start + surface.length, text: surface, type, canonical };
};
const record = (fields: Partial<DocumentRecord>): DocumentRecord => ({
  id: ID,
  published: "2015-08",
  dctSource: "inferred",
  excluded: [],
  entities: [],
  times: [],
  events: [],
  ...fields,
});
const IMU = "Islamic Movement of Uzbekistan";

describe("the repository's gold files", () => {
  it("have no errors", async () => {
    const { files, findings } = await checkGold(join(ROOT, "gold"), join(ROOT, "corpus"));
    expect(files).toBeGreaterThan(0);
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual([]);
  });
});

describe("recordProblems", () => {
  it("accepts mentions whose text is the source slice", () => {
    expect(recordProblems(record({ entities: [mention("Taliban", "ORG"), mention(IMU, "ORG")] }), TEXT)).toEqual([]);
  });

  it("reports a span whose text differs from the source", () => {
    const wrong = { ...mention("Taliban", "ORG"), text: "Talibans" };
    expect(recordProblems(record({ entities: [wrong] }), TEXT).map((p) => p.path)).toEqual(["entities[0].text"]);
  });

  it("reports a mention nested in another mention", () => {
    // "Uzbekistan" lies inside "Islamic Movement of Uzbekistan" (GUIDELINES: no separate GPE there).
    const problems = recordProblems(record({ entities: [mention(IMU, "ORG"), mention("Uzbekistan", "GPE")] }), TEXT);
    expect(problems).toEqual([
      { path: "entities[1]", message: `"Uzbekistan" [95, 105) overlaps entities[0] "${IMU}" [75, 105)` },
    ]);
  });

  it("reports mentions inside an excluded region but accepts evidence that merely contains one", () => {
    // Mark "Mullah Omar" as if it were an inline marker region.
    const omar = mention("Omar", "PERSON", "Mohammad Omar");
    const sentence = TEXT.slice(0, TEXT.indexOf(" was announced"));
    const death: EventFrame = {
      type: "DEATH",
      certainty: "reported",
      evidence: [{ start: 0, end: sentence.length, text: sentence }],
      slots: { person: "Mohammad Omar" },
    };
    const r = record({ excluded: [{ start: 44, end: 55, reason: "references" }], entities: [omar], events: [death] });
    expect(recordProblems(r, TEXT).map((p) => p.path)).toEqual(["entities[0]"]);
  });
});

describe("cross-file warnings", () => {
  const golds: GoldFile[] = [
    { file: "gold/a.json", record: record({ entities: [mention("Omar", "PERSON", "Mohammad Omar"), mention(IMU, "ORG")] }) },
    { file: "gold/b.json", record: record({ entities: [mention("Omar", "PERSON", "Omar"), mention("IMU", "ORG", IMU)] }) },
  ];

  it("warns when one surface text has two canonical names", () => {
    expect(canonicalWarnings(golds).map(formatFinding)).toEqual([
      `warning: gold/b.json: entities[0].canonical: "Omar" has canonical "Omar" here but "Mohammad Omar" in gold/a.json entities[0]`,
    ]);
  });

  it("warns about entity slot values that are neither canonical names nor free text", () => {
    const pledge = (agent: string): EventFrame => ({
      type: "PLEDGE",
      certainty: "asserted",
      evidence: [{ start: 0, end: 4, text: "Only" }],
      slots: { agent, to: "Mohammad Omar" },
    });
    const withEvents: GoldFile[] = [
      ...golds,
      { file: "gold/c.json", record: record({ events: [pledge("IMU"), pledge("Islamic Movement of Uzbekistn"), pledge("a group of Uzbeks")] }) },
    ];
    expect(slotValueWarnings(withEvents).map((f) => `${f.path}: ${f.message}`)).toEqual([
      `events[0].slots.agent: "IMU" is not a canonical name; did you mean "${IMU}"?`,
      `events[1].slots.agent: "Islamic Movement of Uzbekistn" reads as a name but no gold mention has it as canonical`,
    ]);
  });
});

describe("newsframes gold check", () => {
  it("exits 1 and names the file, item and field of an error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gold-"));
    const wrong = { ...mention("Taliban", "ORG"), text: "Talibans" };
    writeFileSync(join(dir, `${ID}.json`), JSON.stringify(record({ entities: [wrong] })));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const code = await runGoldCheck({ gold: dir, corpus: join(ROOT, "corpus") });
    const printed = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(code).toBe(1);
    expect(printed[0]).toMatch(new RegExp(`${ID}\\.json: entities\\[0\\]\\.text: "Talibans" differs from the source slice "Taliban"`));
  });
});
