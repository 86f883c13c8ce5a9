/**
 * Where `extract` sends records, by `--format`: JSONL or CSV lines to a file
 * or standard output (through output.ts's sinks), brat or TimeML as files
 * per document in a directory.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonlWriter, openSink, type RecordWriter } from "../output.ts";
import type { DocumentRecord } from "../schema.ts";
import { BRAT_ANNOTATION_CONF, toBratAnn } from "./brat.ts";
import { CSV_LAYERS, csvEncoder, type CsvLayer } from "./csv.ts";
import { toTimeml } from "./timeml.ts";

export const OUTPUT_FORMATS = ["jsonl", "csv", "brat", "timeml"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface WriterOptions {
  /** A file for jsonl and csv (standard output without one), a directory for brat and timeml. */
  out?: string;
  /** The layer a CSV holds, one row per item (default events). */
  layer?: string;
  /** Start a CSV with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  /** Append to `out` (extract --resume, JSONL only) instead of replacing it. */
  append?: boolean;
}

/** A document id as a file name, refusing ids that would write outside the directory. */
export function fileNameOf(id: string): string {
  if (!id || id === "." || id === ".." || /[/\\\0]/.test(id)) throw new Error(`document id ${JSON.stringify(id)} cannot be a file name`);
  return id;
}

async function directoryWriter(
  out: string,
  files: (record: DocumentRecord, text: string) => Record<string, string>,
  shared: Record<string, string> = {},
): Promise<RecordWriter> {
  await mkdir(out, { recursive: true });
  for (const [name, content] of Object.entries(shared)) await writeFile(join(out, name), content);
  return {
    async write(record, text) {
      const base = fileNameOf(record.id);
      let contents: Record<string, string>;
      try {
        // Every file is encoded before any is written, so a document that cannot be encoded leaves none behind.
        contents = files(record, text);
      } catch (error) {
        throw new Error(`${record.id}: ${(error as Error).message}`);
      }
      for (const [extension, content] of Object.entries(contents)) await writeFile(join(out, base + extension), content);
    },
    close: async () => {},
  };
}

async function csvWriter(options: WriterOptions): Promise<RecordWriter> {
  const layer = options.layer ?? "events";
  if (!(CSV_LAYERS as readonly string[]).includes(layer)) throw new Error(`unknown --layer "${layer}" (expected ${CSV_LAYERS.join(", ")})`);
  const sink = await openSink(options.out);
  const encode = csvEncoder({ layer: layer as CsvLayer, bom: options.bom });
  return {
    write: (record) => sink.write(encode.rows(record)),
    async close() {
      await sink.write(encode.end());
      await sink.close();
    },
  };
}

/** Checks the options against the format and opens the output; throws a one-line error on a bad combination. */
export async function createRecordWriter(format: string, options: WriterOptions): Promise<RecordWriter> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new Error(`unknown --format "${format}" (expected ${OUTPUT_FORMATS.join(", ")})`);
  if (format !== "csv" && (options.layer !== undefined || options.bom)) throw new Error("--layer and --bom apply to --format csv only");
  if (format !== "jsonl" && options.append) throw new Error("--resume works with --format jsonl only");
  switch (format as OutputFormat) {
    case "jsonl":
      return jsonlWriter(await openSink(options.out, options.append ? "append" : "truncate"));
    case "csv":
      return csvWriter(options);
    case "brat":
      if (!options.out) throw new Error("--format brat writes a directory: give it with --out DIR");
      return directoryWriter(options.out, (record, text) => ({ ".ann": toBratAnn(record, text), ".txt": text }), {
        "annotation.conf": BRAT_ANNOTATION_CONF,
      });
    case "timeml":
      if (!options.out) throw new Error("--format timeml writes a directory of .tml files: give it with --out DIR");
      return directoryWriter(options.out, (record, text) => ({ ".tml": toTimeml(record, text) }));
  }
}
