import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { runExtract } from "../commands/extract.ts";
import { BRAT_ANNOTATION_CONF } from "./brat.ts";
import { extract } from "../extract.ts";
import { corpusText, goldDocuments } from "./test-corpus.ts";
import { createRecordWriter, fileNameOf } from "./writer.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsframes-writer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createRecordWriter", () => {
  const docs = goldDocuments();

  it("writes a brat directory brat opens as is: annotation.conf and a .txt/.ann pair per document, the .txt the article itself", async () => {
    const out = join(dir, "brat");
    const writer = await createRecordWriter("brat", { out });
    for (const { record, text } of docs) await writer.write(record, text);
    await writer.close();
    const files = await readdir(out);
    expect(files).toContain("annotation.conf");
    expect(files.filter((f) => f.endsWith(".ann")).length).toBe(docs.length);
    expect(await readFile(join(out, "annotation.conf"), "utf8")).toBe(BRAT_ANNOTATION_CONF);
    expect(await readFile(join(out, `${docs[0]!.record.id}.txt`), "utf8")).toBe(docs[0]!.text);
  });

  it("writes CSV and TimeML to the places asked for", async () => {
    const csv = join(dir, "out", "times.csv");
    const writer = await createRecordWriter("csv", { out: csv, layer: "times" });
    await writer.write(docs[1]!.record, docs[1]!.text);
    await writer.close();
    const lines = (await readFile(csv, "utf8")).trimEnd().split("\r\n");
    expect(lines.length).toBe(docs[1]!.record.times.length + 1);
    const tml = await createRecordWriter("timeml", { out: join(dir, "tml") });
    await tml.write(docs[1]!.record, docs[1]!.text);
    expect(await readdir(join(dir, "tml"))).toEqual([`${docs[1]!.record.id}.tml`]);
  });

  it("is what `extract --format csv --layer entities` writes: the pipeline's mentions of a corpus article, one row each", async () => {
    const out = join(dir, "extract", "entities.csv");
    const summary = await runExtract([new URL("../../corpus/001_2ab9d31026021b1f.txt", import.meta.url).pathname], {
      out,
      format: "csv",
      layer: "entities",
      workers: 1,
      quiet: true,
    });
    expect(summary.written).toBe(1);
    const rows: Record<string, string>[] = parse(await readFile(out, "utf8"), { columns: true });
    const text = corpusText("001_2ab9d31026021b1f");
    const record = extract({ id: "001_2ab9d31026021b1f", text });
    expect(rows.length).toBe(record.entities.length);
    expect(rows.length).toBeGreaterThan(10);
    rows.forEach((row, i) => {
      expect(row).toEqual({ id: record.id, ...Object.fromEntries(Object.entries(record.entities[i]!).map(([k, v]) => [k, String(v)])) });
      expect(text.slice(Number(row.start), Number(row.end))).toBe(row.text);
    });
  });

  it("refuses options that do not fit the format, with one-line errors", async () => {
    await expect(createRecordWriter("xml", {})).rejects.toThrow('unknown --format "xml" (expected jsonl, csv, brat, timeml)');
    await expect(createRecordWriter("brat", {})).rejects.toThrow("--format brat writes a directory: give it with --out DIR");
    await expect(createRecordWriter("jsonl", { layer: "times" })).rejects.toThrow("--layer and --bom apply to --format csv only");
    await expect(createRecordWriter("csv", { layer: "people" })).rejects.toThrow('unknown --layer "people"');
    await expect(createRecordWriter("csv", { out: join(dir, "x.csv"), append: true })).rejects.toThrow("--resume works with --format jsonl only");
  });

  it("names the document when one cannot be written, and writes none of its files", async () => {
    const { record, text } = docs.find((d) => d.record.times.length)!;
    const t = record.times[0]!;
    const overlapping = { ...record, times: [t, { ...t, start: t.start + 1, text: text.slice(t.start + 1, t.end) }] };
    const out = join(dir, "tml-bad");
    const writer = await createRecordWriter("timeml", { out });
    await expect(writer.write(overlapping, text)).rejects.toThrow(new RegExp(`^${record.id}: times: .* overlaps`));
    expect(await readdir(out)).toEqual([]);
  });

  it("never turns a document id into a path outside the output directory", () => {
    expect(fileNameOf("001_2ab9d31026021b1f")).toBe("001_2ab9d31026021b1f");
    for (const id of ["../etc/passwd", "a/b", "..", ""]) expect(() => fileNameOf(id)).toThrow(/cannot be a file name/);
  });
});
