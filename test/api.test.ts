import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentRecordSchema, extract, extractMany, score, type Article, type DocumentRecord } from "../index.ts";

const corpus = (id: string) => readFileSync(new URL(`../corpus/${id}.txt`, import.meta.url), "utf8");
const gold = (id: string) => JSON.parse(readFileSync(new URL(`../gold/${id}.json`, import.meta.url), "utf8")) as DocumentRecord;

describe("library API (index.ts)", () => {
  it("extract: one article in, a schema-valid record out, its spans indexing the text given", () => {
    const id = "000_8a651a583932578d";
    const text = corpus(id);
    const record = extract({ id, text });
    expect(DocumentRecordSchema.safeParse(record).success).toBe(true);
    expect(record.id).toBe(id);
    // The dateline reads "publish: 22 August 2015".
    expect(record.published).toBe("2015-08-22");
    expect(record.dctSource).toBe("dateline");
    for (const s of [...record.entities, ...record.times, ...record.events.flatMap((e) => e.evidence)]) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("extractMany: records in input order from an async iterable", async () => {
    const ids = ["002_e415b61004e0126d", "000_8a651a583932578d", "001_2ab9d31026021b1f"];
    async function* articles(): AsyncGenerator<Article> {
      for (const id of ids) yield { id, text: corpus(id), published: id.startsWith("002") ? "2015-08-06" : undefined };
    }
    const records: DocumentRecord[] = [];
    for await (const record of extractMany(articles())) records.push(record);
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records[0]!.published).toBe("2015-08-06");
    expect(records[0]!.dctSource).toBe("metadata");
  });

  it("score: the scorer's report, perfect for gold against itself and naming the documents scored", () => {
    const id = "001_2ab9d31026021b1f";
    const g = gold(id);
    const self = score([g], [g]);
    expect(self.documents.scored).toEqual([id]);
    expect(self.entities.strict.micro.f1).toBe(1);
    const predicted = score([g], [extract({ id, text: corpus(id) })]);
    expect(predicted.entities.strict.micro.tp + predicted.entities.strict.micro.fn).toBe(g.entities.length);
  });
});
