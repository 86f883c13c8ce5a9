/** `newsframes score`: predicted records against gold/, as a text report or JSON. */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { goldFiles } from "../gold-check.ts";
import { decodeArticle } from "../inputs.ts";
import { formatErrors, formatReport, withContext } from "../report.ts";
import type { DocumentRecord } from "../schema.ts";
import { scoreCorpus } from "../score.ts";
import { schemaProblems } from "../validate.ts";

export interface ScoreOptions {
  gold: string;
  pred: string;
  corpus: string;
  json?: boolean;
  errors?: boolean;
}

/** A score input that cannot be used; the message names the file (and line). */
export class ScoreInputError extends Error {}

/** `value` as a record, or an error naming `where` and the first problems. */
function toRecord(value: unknown, where: string): DocumentRecord {
  const problems = schemaProblems(value);
  if (problems.length)
    throw new ScoreInputError(`${where}: ${problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return value as DocumentRecord;
}

function noDuplicate(seen: Set<string>, record: DocumentRecord, where: string) {
  if (seen.has(record.id)) throw new ScoreInputError(`${where}: duplicate id ${record.id}`);
  seen.add(record.id);
}

/** The gold records: every `*.json` in `dir` (hidden files, e.g. work in progress, are skipped). */
export async function readGold(dir: string): Promise<DocumentRecord[]> {
  if (!existsSync(dir)) throw new ScoreInputError(`${dir}: gold directory not found`);
  const paths = await goldFiles(dir);
  if (!paths.length) throw new ScoreInputError(`${dir}: no gold *.json files`);
  const seen = new Set<string>();
  const records: DocumentRecord[] = [];
  for (const path of paths) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      throw new ScoreInputError(`${path}: invalid JSON (${(error as Error).message}); see \`newsframes gold check\``);
    }
    const record = toRecord(value, path);
    noDuplicate(seen, record, path);
    records.push(record);
  }
  return records;
}

/** The predicted records: one JSON record a line, as `newsframes extract` writes them. */
export async function readPredictions(file: string): Promise<DocumentRecord[]> {
  if (!existsSync(file)) throw new ScoreInputError(`${file}: predictions not found (run \`newsframes extract --out ${file}\`)`);
  const lines = (await readFile(file, "utf8")).split("\n");
  const seen = new Set<string>();
  const records: DocumentRecord[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ScoreInputError(`${where}: invalid JSON (${(error as Error).message})`);
    }
    const record = toRecord(value, where);
    noDuplicate(seen, record, where);
    records.push(record);
  });
  if (!records.length) throw new ScoreInputError(`${file}: no records`);
  return records;
}

/** The text a document's offsets index: a record's own `text`, else `<corpus>/<id>.txt`, else unknown. */
function textLookup(records: DocumentRecord[], corpus: string): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const carried = new Map(records.filter((r) => r.text !== undefined).map((r) => [r.id, r.text]));
  return (id) => {
    if (!cache.has(id)) {
      const path = join(corpus, `${id}.txt`);
      const decoded = existsSync(path) ? decodeArticle(readFileSync(path)) : undefined;
      cache.set(id, carried.get(id) ?? (decoded && "text" in decoded ? decoded.text : undefined));
    }
    return cache.get(id);
  };
}

/** Scores and prints; returns the exit code. */
export async function runScore(options: ScoreOptions): Promise<number> {
  let gold: DocumentRecord[];
  let pred: DocumentRecord[];
  try {
    gold = await readGold(options.gold);
    pred = await readPredictions(options.pred);
  } catch (error) {
    if (!(error instanceof ScoreInputError)) throw error;
    console.error(`newsframes score: ${error.message}`);
    return 1;
  }
  const textOf = textLookup([...pred, ...gold], options.corpus);
  const { errors, ...card } = scoreCorpus(gold, pred, textOf);
  const listed = options.errors ? withContext(errors, textOf) : undefined;
  if (options.json) process.stdout.write(JSON.stringify(listed ? { ...card, errors: listed } : card, null, 2) + "\n");
  else {
    process.stdout.write(formatReport(card, { gold: options.gold, pred: options.pred }));
    if (listed) process.stdout.write("\n" + formatErrors(listed));
  }
  if (!card.documents.scored.length) {
    console.error("newsframes score: no document is in both gold and predictions");
    return 1;
  }
  return 0;
}

export function registerScore(program: Command) {
  program
    .command("score")
    .description("score predicted records against gold annotations (entities, times, events, excluded regions)")
    .option("--gold <dir>", "directory of gold <id>.json records", "gold")
    .option("--pred <file>", "predicted records, one JSON record a line", "output/corpus.jsonl")
    .option("--corpus <dir>", "article texts, for the context of --errors", "corpus")
    .option("--json", "print the scores as JSON")
    .option("--errors", "also list every miss, false alarm and slot mismatch with its context")
    .action(async (options: ScoreOptions) => {
      process.exitCode = await runScore(options);
    });
}
