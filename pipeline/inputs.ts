/**
 * Reading articles: `.txt` files (with an optional `<id>.meta.json` sidecar),
 * `.jsonl` files (one `{"id", "text", "published"?, "url"?, "source"?}` a
 * line), directories of either (recursive, in name order), and `-` for JSONL
 * on standard input. Items come out in input order, one at a time, so a batch
 * never sits in memory whole. Bad input yields an `InputError` naming the
 * file and line, and reading goes on with the next document.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { DocInput } from "./document.ts";

export interface InputDoc extends DocInput {
  /** Where it came from: "corpus/000.txt" or "feed.jsonl:12". */
  origin: string;
}

export interface InputError {
  error: string;
  /** The file (and line) the error concerns: "feed.jsonl:12". */
  origin: string;
}

export type InputItem = InputDoc | InputError;

export const isInputError = (item: InputItem): item is InputError => "error" in item;

/** File name endings read from directories. */
export const INPUT_EXTENSIONS = [".txt", ".jsonl"];

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode bytes as text, or say why they are not an article. */
export function decodeArticle(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: "empty file" };
  if (bytes.includes(0)) return { error: "binary file (contains NUL bytes), not text" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { error: "invalid UTF-8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { error: "empty file (whitespace only)" };
  return { text };
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Check optional metadata fields; returns an error message or the cleaned fields. */
function metadata(obj: Record<string, unknown>): { error: string } | Pick<DocInput, "published" | "url" | "source"> {
  const out: Pick<DocInput, "published" | "url" | "source"> = {};
  if (obj.published !== undefined && obj.published !== null) {
    const published = typeof obj.published === "string" ? obj.published.slice(0, 10) : null;
    if (!published || !DATE.test(published))
      return { error: `field "published" must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(obj.published)}` };
    out.published = published;
  }
  for (const key of ["url", "source"] as const) {
    if (obj[key] === undefined || obj[key] === null) continue;
    if (typeof obj[key] !== "string") return { error: `field "${key}" must be a string` };
    out[key] = obj[key];
  }
  return out;
}

async function readTxt(path: string): Promise<InputItem> {
  const decoded = decodeArticle(await readFile(path));
  if ("error" in decoded) return { error: decoded.error, origin: path };
  const id = basename(path, extname(path));
  const sidecar = join(path.slice(0, path.length - basename(path).length), `${id}.meta.json`);
  let meta: Record<string, unknown> = {};
  try {
    meta = JSON.parse(await readFile(sidecar, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      return { error: `unreadable sidecar ${sidecar}: ${(error as Error).message}`, origin: path };
  }
  const fields = metadata(meta);
  if ("error" in fields) return { error: `${sidecar}: ${fields.error}`, origin: path };
  return { id, text: decoded.text, ...fields, origin: path };
}

/** Parse one JSONL line into a document or an error naming the line. */
export function parseJsonlLine(line: string, origin: string, fallbackId: string): InputItem | null {
  if (line.trim() === "") return null;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (error) {
    return { error: `malformed JSON: ${(error as Error).message}`, origin };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    return { error: "a line must be a JSON object with a \"text\" field", origin };
  const record = obj as Record<string, unknown>;
  if (typeof record.text !== "string") return { error: 'missing "text" field (a string)', origin };
  if (record.text.trim() === "") return { error: 'empty "text" field', origin };
  if (record.id !== undefined && typeof record.id !== "string" && typeof record.id !== "number")
    return { error: 'field "id" must be a string', origin };
  const fields = metadata(record);
  if ("error" in fields) return { error: fields.error, origin };
  const id = record.id === undefined ? fallbackId : String(record.id);
  return { id, text: record.text, ...fields, origin };
}

async function* readJsonl(stream: Readable, name: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const item = parseJsonlLine(line, `${name}:${lineNo}`, `${basename(name, extname(name))}-${lineNo}`);
    if (item) yield item;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (INPUT_EXTENSIONS.includes(extname(entry.name))) yield path;
  }
}

async function* readPath(path: string): AsyncGenerator<InputItem> {
  if (extname(path) === ".jsonl") yield* readJsonl(createReadStream(path), path);
  else yield await readTxt(path);
}

/** Every document named by `inputs`, in order. */
export async function* readInputs(inputs: string[], stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (input === "-") {
      yield* readJsonl(stdin, "<stdin>");
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      yield { error: "no such file or directory", origin: input };
      continue;
    }
    try {
      if (info.isDirectory()) for await (const path of walk(input)) yield* readPath(path);
      else yield* readPath(input);
    } catch (error) {
      yield { error: `cannot read: ${(error as Error).message}`, origin: input };
    }
  }
}
