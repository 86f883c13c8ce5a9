/**
 * `newsframes gold export` and `gold import`: gold (or pipeline output) out
 * to an annotation tool and corrected annotations back in as gold files.
 *   export --to labelstudio: tasks JSON plus the labeling config XML
 *   import --from labelstudio: a Label Studio JSON export (list of tasks)
 *   import --from doccano: doccano sequence-labeling JSONL (entities only)
 * Every imported record is checked as `gold check` checks it (schema, spans
 * against the article text, overlaps, excluded regions) before its file is
 * written; a document that fails is reported and not written.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { recordProblems } from "../gold-check.ts";
import { decodeArticle } from "../inputs.ts";
import type { DocumentRecord } from "../schema.ts";
import { schemaProblems } from "../validate.ts";
import { fromDoccano, parseDoccanoLine } from "../formats/doccano.ts";
import { fromLabelStudioTask, LABEL_STUDIO_CONFIG, toLabelStudioTask, type LabelStudioTask } from "../formats/labelstudio.ts";
import { fileNameOf } from "../formats/writer.ts";
import { readGold, readPredictions } from "./score.ts";

export const EXPORT_TARGETS = ["labelstudio"] as const;
export const IMPORT_SOURCES = ["labelstudio", "doccano"] as const;

interface ExportOptions {
  to: string;
  out: string;
  gold?: string;
  pred?: string;
  corpus: string;
}

interface ImportOptions {
  from: string;
  gold: string;
  corpus: string;
}

/** The corpus text of a document, or undefined when there is no readable `<corpus>/<id>.txt`. */
async function corpusText(corpus: string, id: string): Promise<string | undefined> {
  const path = join(corpus, `${fileNameOf(id)}.txt`);
  if (!existsSync(path)) return undefined;
  const decoded = decodeArticle(await readFile(path));
  return "text" in decoded ? decoded.text : undefined;
}

/** The labeling config's path beside the tasks file: tasks.json -> tasks.config.xml. */
export const configPathFor = (out: string) => out.replace(/\.json$/i, "") + ".config.xml";

export async function runGoldExport(options: ExportOptions): Promise<number> {
  const fail = (message: string) => {
    console.error(`newsframes gold export: ${message}`);
    return 1;
  };
  if (!(EXPORT_TARGETS as readonly string[]).includes(options.to))
    return fail(`unknown --to "${options.to}" (expected ${EXPORT_TARGETS.join(", ")})`);
  if (options.pred && options.gold) return fail("give --gold DIR or --pred FILE, not both");
  let records: DocumentRecord[];
  try {
    records = options.pred ? await readPredictions(options.pred) : await readGold(options.gold ?? "gold");
  } catch (error) {
    return fail((error as Error).message);
  }
  const tasks: LabelStudioTask[] = [];
  let failed = 0;
  for (const record of records) {
    const text = record.text ?? (await corpusText(options.corpus, record.id));
    const problems = text === undefined ? [{ path: "id", message: `no text: ${options.corpus}/${record.id}.txt not found` }] : recordProblems(record, text);
    if (problems.length) {
      failed++;
      fail(`${record.id}: ${problems[0]!.path}: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
      continue;
    }
    tasks.push(toLabelStudioTask(record, text!, options.pred ? "predictions" : "annotations"));
  }
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(tasks, null, 1) + "\n");
  const config = configPathFor(options.out);
  await writeFile(config, LABEL_STUDIO_CONFIG);
  console.error(`newsframes gold export: ${tasks.length} tasks to ${options.out}, labeling config in ${config}`);
  return failed ? 1 : 0;
}

/** An imported record, checked as `gold check` would check its file; the first problems, or none. */
function importProblems(record: DocumentRecord, text: string, corpus: string | undefined): string[] {
  const schema = schemaProblems(record);
  if (schema.length) return schema.map((p) => `${p.path}: ${p.message}`);
  if (record.text === undefined && corpus !== undefined && corpus !== text)
    return ["the task's text differs from the corpus article's text, so its offsets would not index the article"];
  if (record.text === undefined && corpus === undefined) return ["no corpus article with this id, and the record carries no text"];
  return recordProblems(record, text).map((p) => `${p.path}: ${p.message}`);
}

/** Documents read from an import file: a record and its text, or the reason it could not be read. */
type Imported = { where: string; record: DocumentRecord; text: string } | { where: string; error: string };

async function labelStudioDocuments(file: string): Promise<Imported[]> {
  const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
  const tasks = (Array.isArray(parsed) ? parsed : [parsed]) as LabelStudioTask[];
  return tasks.map((task, i) => {
    const where = `${file}: task ${i + 1}${typeof task?.data?.id === "string" ? ` (${task.data.id})` : ""}`;
    try {
      return { where, record: fromLabelStudioTask(task), text: task.data.text };
    } catch (error) {
      return { where, error: (error as Error).message };
    }
  });
}

async function doccanoDocuments(file: string, options: ImportOptions): Promise<Imported[]> {
  // Lines without an id are matched to the corpus article with the same text.
  const idByText = new Map<string, string>();
  if (existsSync(options.corpus))
    for (const name of (await readdir(options.corpus)).filter((n) => n.endsWith(".txt"))) {
      const text = await corpusText(options.corpus, name.slice(0, -4));
      if (text !== undefined) idByText.set(text, name.slice(0, -4));
    }
  const documents: Imported[] = [];
  const lines = (await readFile(file, "utf8")).split("\n");
  for (const [i, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const where = `${file}:${i + 1}`;
    try {
      const line = parseDoccanoLine(raw);
      const id = line.docId ?? idByText.get(line.text);
      if (!id) throw new Error(`no "doc_id" and no article in ${options.corpus}/ has this text`);
      const goldPath = join(options.gold, `${fileNameOf(id)}.json`);
      const previous = existsSync(goldPath) ? (JSON.parse(await readFile(goldPath, "utf8")) as DocumentRecord) : undefined;
      documents.push({ where: `${where} (${id})`, record: fromDoccano(line, id, previous), text: line.text });
    } catch (error) {
      documents.push({ where, error: (error as Error).message });
    }
  }
  return documents;
}

export async function runGoldImport(file: string, options: ImportOptions): Promise<number> {
  if (!(IMPORT_SOURCES as readonly string[]).includes(options.from)) {
    console.error(`newsframes gold import: unknown --from "${options.from}" (expected ${IMPORT_SOURCES.join(", ")})`);
    return 1;
  }
  let documents: Imported[];
  try {
    documents = options.from === "doccano" ? await doccanoDocuments(file, options) : await labelStudioDocuments(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof SyntaxError ? `invalid JSON (${error.message.replace(/\s+/g, " ")})` : (error as Error).message;
    console.error(`newsframes gold import: ${file}: ${code === "ENOENT" ? "not found" : message}`);
    return 1;
  }
  await mkdir(options.gold, { recursive: true });
  let failed = 0;
  let written = 0;
  for (const doc of documents) {
    if ("error" in doc) {
      failed++;
      console.error(`newsframes gold import: ${doc.where}: ${doc.error}`);
      continue;
    }
    const problems = importProblems(doc.record, doc.text, await corpusText(options.corpus, doc.record.id));
    if (problems.length) {
      failed++;
      console.error(`newsframes gold import: ${doc.where}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
      continue;
    }
    const path = join(options.gold, `${fileNameOf(doc.record.id)}.json`);
    await writeFile(path, JSON.stringify(doc.record, null, 2) + "\n");
    written++;
    console.error(`newsframes gold import: wrote ${path}`);
  }
  console.error(`newsframes gold import: ${written} written, ${failed} failed`);
  return failed || !documents.length ? 1 : 0;
}

/** Adds `export` and `import` to the `gold` command group that gold.ts registers. */
export function registerGoldTransfer(program: Command) {
  const gold = program.commands.find((command) => command.name() === "gold");
  if (!gold) throw new Error("registerGoldTransfer: register the gold command group first");
  gold
    .command("export")
    .description("write gold (or pipeline output) as Label Studio tasks for annotators to correct, with the labeling config")
    .requiredOption("--to <tool>", `annotation tool: ${EXPORT_TARGETS.join(", ")}`)
    .requiredOption("--out <file>", "tasks JSON to write; the labeling config goes beside it as <name>.config.xml")
    .option("--gold <dir>", "export the gold records of DIR as annotations (default: gold)")
    .option("--pred <file>", "export predicted records (JSONL from `extract`) as predictions instead")
    .option("--corpus <dir>", "article texts the offsets index", "corpus")
    .action(async (options: ExportOptions) => {
      process.exitCode = await runGoldExport(options);
    });
  gold
    .command("import")
    .description("write corrected annotations from an annotation tool back as gold files, checked as `gold check` does")
    .argument("<file>", "Label Studio JSON export, or doccano JSONL")
    .requiredOption("--from <tool>", `annotation tool: ${IMPORT_SOURCES.join(", ")}`)
    .option("--gold <dir>", "directory the gold <id>.json files go to", "gold")
    .option("--corpus <dir>", "article texts the offsets index", "corpus")
    .action(async (file: string, options: ImportOptions) => {
      process.exitCode = await runGoldImport(file, options);
    });
}
