/**
 * Reading articles: `.txt` files (with an optional `<id>.meta.json` sidecar),
 * `.html` pages (their main text is extracted later, in a worker: see
 * html.ts), `.jsonl` files (one `{"id", "text", "published"?, "url"?,
 * "source"?}` a line), directories of these (recursive, in name order), glob
 * patterns, and `-` for JSONL on standard input. Items come out in input
 * order, one at a time, so a batch never sits in memory whole. Bad input
 * yields an `InputError` naming the file and line, and reading goes on with
 * the next document.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { glob, isDynamicPattern } from "tinyglobby";
import type { DocInput } from "./document.ts";

export interface InputDoc extends DocInput {
  /** Where it came from: "corpus/000.txt" or "feed.jsonl:12". */
  origin: string;
  /** "html": `text` is a web page whose main text is extracted before the stages run. */
  markup?: "html";
  /** Size of the input in bytes, for progress reports. */
  bytes: number;
}

export interface InputError {
  error: string;
  /** The file (and line) the error concerns: "feed.jsonl:12". */
  origin: string;
  /** The document's id, when the input got far enough to name it. */
  id?: string;
  bytes: number;
}

export type InputItem = InputDoc | InputError;

export const isInputError = (item: InputItem): item is InputError => "error" in item;

export interface ReadOptions {
  /** Documents (files or JSONL lines) larger than this are refused without being held in memory. */
  maxBytes: number;
  stdin?: Readable;
  /** Files never read as input, however the inputs name them (the run's own output files). */
  exclude?: string[];
}

/** Larger documents are refused (--max-bytes raises it; workers get heap in proportion, see batch.ts). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const HTML_EXTENSIONS = [".html", ".htm"];
/** File name endings read from directories. */
export const INPUT_EXTENSIONS = [".txt", ".jsonl", ...HTML_EXTENSIONS];

/** 1-based line number of byte `index` in `bytes`. */
function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < index; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** The first line that is not valid UTF-8 (a line break never falls inside a multi-byte character). */
function firstInvalidUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    line++;
    start = end + 1;
  }
  return line;
}

/** Decode bytes as text, or say why they are not an article (and on which line, where there is one). */
export function decodeArticle(bytes: Uint8Array): { text: string } | { error: string; line?: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) return { error: "empty file" };
  const nul = buffer.indexOf(0);
  if (nul >= 0) return { error: "binary data (NUL byte), not text", line: lineAt(buffer, nul) };
  if (!isUtf8(buffer)) return { error: "invalid UTF-8", line: firstInvalidUtf8Line(buffer) };
  let text = buffer.toString("utf8");
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

const tooLarge = (bytes: number, maxBytes: number) =>
  `too large: ${bytes} bytes, over the limit of ${maxBytes} (raise it with --max-bytes)`;

/** A `.txt` or `.html` file: one document. */
async function readFileDoc(path: string, maxBytes: number): Promise<InputItem> {
  const id = basename(path, extname(path));
  const { size } = await stat(path);
  if (size > maxBytes) return { error: tooLarge(size, maxBytes), origin: path, id, bytes: size };
  const decoded = decodeArticle(await readFile(path));
  if ("error" in decoded)
    return { error: decoded.error, origin: decoded.line ? `${path}:${decoded.line}` : path, id, bytes: size };
  const sidecar = join(path.slice(0, path.length - basename(path).length), `${id}.meta.json`);
  let meta: Record<string, unknown> = {};
  try {
    meta = JSON.parse(await readFile(sidecar, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      return { error: `unreadable sidecar ${sidecar}: ${(error as Error).message}`, origin: path, id, bytes: size };
  }
  const fields = metadata(meta);
  if ("error" in fields) return { error: `${sidecar}: ${fields.error}`, origin: path, id, bytes: size };
  const markup = HTML_EXTENSIONS.includes(extname(path).toLowerCase()) ? { markup: "html" as const } : {};
  return { id, text: decoded.text, ...fields, ...markup, origin: path, bytes: size };
}

/** Parse one JSONL line into a document or an error naming the line. */
export function parseJsonlLine(line: string, origin: string, fallbackId: string, bytes: number): InputItem | null {
  if (line.trim() === "") return null;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (error) {
    return { error: `malformed JSON: ${(error as Error).message}`, origin, bytes };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    return { error: 'a line must be a JSON object with a "text" field', origin, bytes };
  const record = obj as Record<string, unknown>;
  if (record.id !== undefined && typeof record.id !== "string" && typeof record.id !== "number")
    return { error: 'field "id" must be a string', origin, bytes };
  const id = record.id === undefined || record.id === "" ? fallbackId : String(record.id);
  if (typeof record.text !== "string") return { error: 'missing "text" field (a string)', origin, id, bytes };
  if (record.text.trim() === "") return { error: 'empty "text" field', origin, id, bytes };
  const fields = metadata(record);
  if ("error" in fields) return { error: fields.error, origin, id, bytes };
  return { id, text: record.text, ...fields, origin, bytes };
}

export interface ByteLine {
  /** The line without its line break; null when it was longer than the limit (its bytes were dropped). */
  bytes: Buffer | null;
  size: number;
  /** Offset just past this line's line break (or the end of input), from the start of the stream. */
  end: number;
  /** False for a last line with no line break after it. */
  complete: boolean;
}

/** Lines of a byte stream, holding at most `maxBytes` of one line in memory. */
export async function* byteLines(stream: AsyncIterable<Buffer>, maxBytes = Infinity): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let consumed = 0;
  const finish = (complete: boolean): ByteLine => {
    const bytes = size > maxBytes ? null : Buffer.concat(parts);
    const line = { bytes, size, end: consumed, complete };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of stream) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      if (size + nl - start <= maxBytes) parts.push(chunk.subarray(start, nl));
      size += nl - start;
      consumed += nl - start + 1;
      start = nl + 1;
      yield finish(true);
    }
    const rest = chunk.length - start;
    if (rest > 0) {
      if (size + rest <= maxBytes) parts.push(chunk.subarray(start));
      else parts = [];
      size += rest;
      consumed += rest;
    }
  }
  if (size > 0) yield finish(false);
}

async function* readJsonl(stream: Readable, name: string, maxBytes: number): AsyncGenerator<InputItem> {
  const fallbackPrefix = basename(name, extname(name));
  let lineNo = 0;
  let entries = 0;
  let lineStart = 0;
  /** `bytes`: the line with its line break, so a file's lines add up to its size. */
  const entry = (line: ByteLine, origin: string, bytes: number): InputItem | null => {
    if (!line.bytes) return { error: tooLarge(line.size, maxBytes), origin, bytes };
    if (!isUtf8(line.bytes)) return { error: "invalid UTF-8", origin, bytes };
    let text = line.bytes.toString("utf8");
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return parseJsonlLine(text, origin, `${fallbackPrefix}-${lineNo}`, bytes);
  };
  for await (const line of byteLines(stream, maxBytes)) {
    lineNo++;
    const origin = `${name}:${lineNo}`;
    const bytes = line.end - lineStart;
    lineStart = line.end;
    // A NUL byte cannot occur in JSON text: the file is binary, and every further "line" would be noise.
    if (line.bytes?.includes(0)) {
      yield { error: "binary data (NUL byte), not JSONL; rest of file skipped", origin, bytes };
      return;
    }
    const item = entry(line, origin, bytes);
    if (!item) continue;
    entries++;
    yield item;
  }
  if (entries === 0) yield { error: lineNo === 0 ? "empty file" : "no documents (blank lines only)", origin: name, bytes: 0 };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (INPUT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) yield path;
  }
}

/** The files an input names, in order: itself, a directory's readable files, or a glob's matches. */
async function* filesOf(input: string): AsyncGenerator<string | InputError> {
  let info;
  try {
    info = await stat(input);
  } catch {
    if (!isDynamicPattern(input)) {
      yield { error: "no such file or directory", origin: input, bytes: 0 };
      return;
    }
    const matches = (await glob(input, { onlyFiles: true })).sort();
    if (matches.length === 0) yield { error: "no files match this pattern", origin: input, bytes: 0 };
    yield* matches;
    return;
  }
  if (info.isDirectory()) yield* walk(input);
  else yield input;
}

async function* readPath(path: string, maxBytes: number): AsyncGenerator<InputItem> {
  if (extname(path).toLowerCase() === ".jsonl") yield* readJsonl(createReadStream(path), path, maxBytes);
  else yield await readFileDoc(path, maxBytes);
}

/** Every document named by `inputs`, in order. */
export async function* readInputs(inputs: string[], options: ReadOptions): AsyncGenerator<InputItem> {
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  for (const input of inputs) {
    if (input === "-") {
      yield* readJsonl(options.stdin ?? process.stdin, "<stdin>", options.maxBytes);
      continue;
    }
    try {
      for await (const path of filesOf(input)) {
        if (typeof path !== "string") {
          yield path;
          continue;
        }
        if (excluded.has(resolve(path))) continue;
        try {
          yield* readPath(path, options.maxBytes);
        } catch (error) {
          yield { error: `cannot read: ${(error as Error).message}`, origin: path, bytes: 0 };
        }
      }
    } catch (error) {
      yield { error: `cannot read: ${(error as Error).message}`, origin: input, bytes: 0 };
    }
  }
}

/** Total bytes of the files `inputs` name, for an ETA; null when one is standard input. */
export async function inputBytes(inputs: string[]): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    if (input === "-") return null;
    for await (const path of filesOf(input)) if (typeof path === "string") total += (await stat(path)).size;
  }
  return total;
}
