/** End to end on every corpus file: records validate and every span's text is its source slice. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../pipeline/extract.ts";
import { DocumentRecordSchema } from "../pipeline/schema.ts";

const corpusDir = new URL("../corpus/", import.meta.url);
const ids = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4));

describe.each(ids)("corpus %s", (id) => {
  const text = readFileSync(new URL(`${id}.txt`, corpusDir), "utf8");
  const record = extract({ id, text });

  it("validates against the record schema", () => {
    expect(DocumentRecordSchema.safeParse(record).success).toBe(true);
  });

  it("has text === source.slice(start, end) for every span", () => {
    const spans = [...record.entities, ...record.times, ...record.events.flatMap((e) => e.evidence)];
    for (const s of spans) expect(s.text).toBe(text.slice(s.start, s.end));
    for (const r of record.excluded) expect(r.end).toBeLessThanOrEqual(text.length);
  });

  it("annotates nothing inside an excluded region", () => {
    const inside = (s: { start: number; end: number }) => record.excluded.some((r) => s.start < r.end && r.start < s.end);
    expect([...record.entities, ...record.times].filter(inside)).toEqual([]);
  });
});

it("reads all five seed articles", () => {
  expect(ids).toHaveLength(5);
});

it("gives each article the same record whatever was processed before it", () => {
  const texts = new Map(ids.map((id) => [id, readFileSync(new URL(`${id}.txt`, corpusDir), "utf8")]));
  const run = (order: string[]) => new Map(order.map((id) => [id, JSON.stringify(extract({ id, text: texts.get(id)! }))]));
  const forward = run(ids);
  const backward = run([...ids].reverse());
  for (const id of ids) expect(backward.get(id)).toBe(forward.get(id));
});
