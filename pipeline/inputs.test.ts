import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { byteLines, isInputError, readInputs, type InputItem } from "./inputs.ts";

// From corpus/000_8a651a583932578d.txt.
const ARTICLE = "The Islamic Movement of Uzbekistan (IMU) has pledged allegiance to the Islamic State.\n";

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "newsframes-inputs-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function read(inputs: string[], maxBytes = 1_000_000, stdin?: Readable): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes, stdin })) items.push(item);
  return items;
}

const summary = (dir: string, items: InputItem[]) =>
  items.map((item) => (isInputError(item) ? `${item.origin.slice(dir.length + 1)}: ${item.error}` : `${item.id} ok`));

describe("readInputs", () => {
  it("names the file and line of each bad input and goes on with the rest", async () => {
    const dir = tree({
      "a-empty.txt": "",
      "b-binary.txt": Buffer.from([0x49, 0x4d, 0x55, 0x0a, 0x00, 0x01, 0xff]),
      "c-latin1.txt": Buffer.concat([Buffer.from(ARTICLE), Buffer.from("Caf\xe9\n", "latin1")]),
      "d-feed.jsonl": [
        JSON.stringify({ id: "first", text: ARTICLE }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: "untexted", published: "2015-08-22" }),
        JSON.stringify({ id: "last", text: ARTICLE }),
      ].join("\n"),
      "e-good.txt": ARTICLE,
    });
    expect(summary(dir, await read([dir]))).toEqual([
      "a-empty.txt: empty file",
      "b-binary.txt:2: binary data (NUL byte), not text",
      "c-latin1.txt:2: invalid UTF-8",
      "first ok",
      "d-feed.jsonl:2: malformed JSON: Unexpected end of JSON input",
      'd-feed.jsonl:3: missing "text" field (a string)',
      "last ok",
      "e-good ok",
    ]);
  });

  it("reports an empty JSONL file and invalid UTF-8 on a JSONL line", async () => {
    const dir = tree({
      "empty.jsonl": "",
      "mixed.jsonl": Buffer.concat([Buffer.from('{"id":"x","text":"Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    });
    expect(summary(dir, await read([dir]))).toEqual(["empty.jsonl: empty file", "mixed.jsonl:1: invalid UTF-8"]);
  });

  it("refuses documents over the size limit without stopping", async () => {
    const dir = tree({
      "big.txt": ARTICLE.repeat(20),
      "feed.jsonl": [JSON.stringify({ id: "long", text: ARTICLE.repeat(20) }), JSON.stringify({ id: "short", text: ARTICLE })].join("\n"),
    });
    expect(summary(dir, await read([dir], 500))).toEqual([
      `big.txt: too large: ${ARTICLE.length * 20} bytes, over the limit of 500 (raise it with --max-bytes)`,
      expect.stringMatching(/^feed\.jsonl:1: too large: \d+ bytes/),
      "short ok",
    ]);
  });

  it("reads directories recursively in name order, HTML pages, and glob patterns", async () => {
    const dir = tree({
      "b/2.txt": ARTICLE,
      "b/1.html": `<html><body><article><p>${ARTICLE}</p></article></body></html>`,
      "a.txt": ARTICLE,
      "notes.md": "not an input",
    });
    const items = await read([dir]);
    expect(summary(dir, items)).toEqual(["a ok", "1 ok", "2 ok"]);
    expect(items[1]).toMatchObject({ markup: "html" });
    expect(summary(dir, await read([join(dir, "b", "*.txt")]))).toEqual(["2 ok"]);
    expect(summary(dir, await read([join(dir, "*.csv")]))).toEqual(["*.csv: no files match this pattern"]);
  });

  it("reads JSONL from standard input with its metadata", async () => {
    const line = JSON.stringify({ id: "s1", text: ARTICLE, published: "2015-08-22T10:00:00Z", url: "https://example.org/imu" });
    const items = await read(["-"], 1_000_000, Readable.from([Buffer.from(line + "\n")]));
    expect(items).toEqual([
      { id: "s1", text: ARTICLE, published: "2015-08-22", url: "https://example.org/imu", origin: "<stdin>:1", bytes: line.length + 1 },
    ]);
  });
});

describe("byteLines", () => {
  it("splits lines across chunks, drops the bytes of an over-long line, and marks an unterminated last line", async () => {
    const chunks = [Buffer.from("ab"), Buffer.from("c\n0123456789"), Buffer.from("0123\nxy")];
    const lines = [];
    for await (const line of byteLines(Readable.from(chunks), 8)) lines.push({ ...line, bytes: line.bytes?.toString() ?? null });
    expect(lines).toEqual([
      { bytes: "abc", size: 3, end: 4, complete: true },
      { bytes: null, size: 14, end: 19, complete: true },
      { bytes: "xy", size: 2, end: 21, complete: false },
    ]);
  });
});
