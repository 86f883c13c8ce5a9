import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonlWriter, openSink, writtenDocuments } from "./output.ts";
import type { DocumentRecord } from "./schema.ts";

const HASH_A = "a".repeat(64);
const record = (id: string, contentHash?: string): DocumentRecord => ({
  id,
  published: "2015-08-22",
  dctSource: "dateline",
  excluded: [],
  entities: [{ start: 4, end: 7, text: "IMU", type: "ORG", canonical: "Islamic Movement of Uzbekistan" }],
  times: [],
  events: [],
  ...(contentHash ? { contentHash } : {}),
});
const file = (name: string) => join(mkdtempSync(join(tmpdir(), "newsframes-output-")), name);

describe("writtenDocuments", () => {
  it("knows nothing of a file that does not exist yet", async () => {
    expect(await writtenDocuments(file("absent.jsonl"))).toEqual(new Map());
  });

  it("lists each record's id and hash and cuts off a torn last line", async () => {
    const path = file("out.jsonl");
    const complete = JSON.stringify(record("000", HASH_A)) + "\n" + JSON.stringify(record("001")) + "\n";
    writeFileSync(path, complete + '{"id":"002","publi');
    expect(await writtenDocuments(path)).toEqual(new Map([["000", HASH_A], ["001", ""]]));
    expect(readFileSync(path, "utf8")).toBe(complete);
  });

  it("refuses to resume over a complete line that is not a record, naming it", async () => {
    const path = file("out.jsonl");
    writeFileSync(path, JSON.stringify(record("000")) + "\nnot json\n");
    await expect(writtenDocuments(path)).rejects.toThrow(`${path}:2: not a JSON record`);
  });
});

describe("jsonlWriter", () => {
  it("appends one line per record after what a resumed file holds", async () => {
    const path = file("out.jsonl");
    writeFileSync(path, JSON.stringify(record("000")) + "\n");
    const writer = jsonlWriter(await openSink(path, "append"));
    await writer.write(record("001", HASH_A), "The IMU has pledged allegiance.");
    await writer.close();
    expect(readFileSync(path, "utf8").split("\n").map((l) => (l ? JSON.parse(l).id : l))).toEqual(["000", "001", ""]);
  });
});
