/**
 * Where records go. A `RecordWriter` turns records into an output format
 * (JSONL here; another format plugs in as another writer); a `LineSink` puts
 * complete lines in a file or on standard output, each line in one write call,
 * so a killed run leaves at most one partial line, at the end, which
 * `writtenDocuments` cuts off before a resumed run appends to the file.
 */
import { once } from "node:events";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { byteLines } from "./inputs.ts";
import type { DocumentRecord } from "./schema.ts";

export interface LineSink {
  /** Write `chunk` (one or more complete lines). */
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export interface RecordWriter {
  /** Write one document's record; `text` is the text its offsets index. */
  write(record: DocumentRecord, text: string): Promise<void>;
  close(): Promise<void>;
}

/** A file (truncated, or appended to on resume), or standard output when `path` is undefined. */
export async function openSink(path: string | undefined, mode: "truncate" | "append" = "truncate"): Promise<LineSink> {
  if (path === undefined) {
    const stdout = process.stdout;
    return {
      async write(chunk) {
        if (!stdout.write(chunk)) await once(stdout, "drain");
      },
      async close() {},
    };
  }
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, mode === "append" ? "a" : "w");
  return {
    async write(chunk) {
      const bytes = Buffer.from(chunk);
      // One call writes the whole line to a regular file; the loop only guards against a short write.
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done)).bytesWritten;
    },
    close: () => handle.close(),
  };
}

export const jsonlWriter = (sink: LineSink): RecordWriter => ({
  write: (record) => sink.write(JSON.stringify(record) + "\n"),
  close: () => sink.close(),
});

/**
 * The documents an earlier run wrote to `path` (id → content hash), for
 * `--resume`. A partial last line (a run killed mid-write) is cut off.
 * Throws, naming the line, when a complete line is not a record.
 */
export async function writtenDocuments(path: string): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  let handle;
  try {
    handle = await open(path, "r+");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return written;
    throw error;
  }
  try {
    let lineNo = 0;
    let completeEnd = 0;
    for await (const line of byteLines(handle.createReadStream({ start: 0, autoClose: false }))) {
      lineNo++;
      if (!line.complete) {
        await handle.truncate(completeEnd);
        break;
      }
      completeEnd = line.end;
      const text = line.bytes!.toString("utf8");
      if (text.trim() === "") continue;
      let record: Partial<DocumentRecord>;
      try {
        record = JSON.parse(text);
      } catch {
        throw new Error(`${path}:${lineNo}: not a JSON record, cannot resume (remove the line or write to a new file)`);
      }
      if (typeof record.id !== "string")
        throw new Error(`${path}:${lineNo}: record has no "id", cannot resume`);
      written.set(record.id, record.contentHash ?? "");
    }
  } finally {
    await handle.close();
  }
  return written;
}
