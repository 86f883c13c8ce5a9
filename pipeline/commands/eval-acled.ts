/** `newsframes eval acled FILE`: ATTACK frames from ACLED notes compared with the coders' date, place, fatalities and actors. */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import type { Command } from "commander";
import { parse } from "csv-parse";
import { compareNote, containersOf, FIELDS, isViolent, noteAsArticle, REQUIRED_COLUMNS, summarize, type AcledRow, type NoteResult } from "../eval/acled.ts";
import { evalCommand } from "./eval.ts";

interface EvalAcledOptions {
  limit?: string;
  errors?: boolean;
  json?: boolean;
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0).toFixed(1).padStart(5);

function report(results: NoteResult[], skipped: number, failed: number, seconds: number): string {
  const s = summarize(results);
  const lines = [
    `${s.notes} violent-event notes (Battles, Explosions/Remote violence, Violence against civilians); ${skipped} other rows skipped; ${failed} failed; ${seconds.toFixed(1)} s`,
    "Each note is an article published on its event_date (notes are written about that date).",
    `any ATTACK frame      ${pct(s.withAttack, s.notes)} %  (${s.withAttack}/${s.notes})`,
    "first ATTACK frame right on (locationExact: the coded location itself; location (strict): it or its admin1-3; locationWithin (lenient): also a place the note puts inside one of them):",
  ];
  for (const field of FIELDS) lines.push(`  ${field.padEnd(18)} ${pct(s.right[field], s.notes)} %  (${s.right[field]}/${s.notes})`);
  return lines.join("\n");
}

function errorLines(result: NoteResult): string[] {
  return FIELDS.filter((f) => !result.right[f]).map(
    (f) => `${result.id}\t${f}\texpected ${result.expected[f]}\tpredicted ${result.hasAttack ? result.predicted[f] : "(no ATTACK frame)"}`,
  );
}

export async function runEvalAcled(file: string, options: EvalAcledOptions): Promise<number> {
  // Loaded on use: at the top, every command (`extract` too, which runs the stages in workers) would load the models in its main thread.
  const { runStages } = await import("../extract.ts");
  const limit = options.limit === undefined ? Infinity : Number(options.limit);
  if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1)) {
    console.error(`newsframes eval acled: --limit must be a positive integer, got ${JSON.stringify(options.limit)}`);
    return 2;
  }
  try {
    await access(file);
  } catch (error) {
    console.error(`newsframes eval acled: ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  const results: NoteResult[] = [];
  const errors: string[] = [];
  let skipped = 0;
  let failed = 0;
  const started = performance.now();
  const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, relax_column_count: false }));
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      line++;
      if (line === 2) {
        const missing = REQUIRED_COLUMNS.filter((c) => !(c in record));
        if (missing.length) {
          console.error(`newsframes eval acled: ${file}: missing column(s) ${missing.join(", ")}`);
          return 1;
        }
      }
      const row = record as AcledRow;
      if (!isViolent(row)) {
        skipped++;
        continue;
      }
      if (results.length >= limit) break;
      if (!/^\d{4}-\d{2}-\d{2}/.test(row.event_date)) {
        failed++;
        console.error(`newsframes eval acled: ${file}:${line}: field event_date is not an ISO date: ${JSON.stringify(row.event_date)}`);
        continue;
      }
      try {
        const doc = runStages(noteAsArticle(row));
        const result = compareNote(row, doc.events, containersOf(doc));
        results.push(result);
        if (options.errors) errors.push(...errorLines(result));
      } catch (error) {
        failed++;
        console.error(`newsframes eval acled: ${file}:${line} (${row.event_id_cnty}): ${(error as Error).message}`);
      }
    }
  } catch (error) {
    console.error(`newsframes eval acled: ${file}: ${(error as Error).message}`);
    return 1;
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    console.log(JSON.stringify({ file, skipped, failed, ...summarize(results), ...(options.errors ? { errors: results.filter((r) => FIELDS.some((f) => !r.right[f])) } : {}) }, null, 2));
  } else {
    console.log(report(results, skipped, failed, seconds));
    if (options.errors && errors.length) console.log("\n" + errors.join("\n"));
  }
  return failed ? 1 : 0;
}

export function registerEvalAcled(program: Command) {
  evalCommand(program)
    .command("acled")
    .description("compare the first ATTACK frame of each violent ACLED note with the coders' date, location, fatalities and actors")
    .argument("<file>", "an ACLED CSV export (columns event_date, event_type, actor1, actor2, location, admin1-3, notes, fatalities)")
    .option("--limit <n>", "read only the first N violent-event notes")
    .option("--errors", "list every note and field the first ATTACK frame gets wrong")
    .option("--json", "print the figures as JSON")
    .action(async (file: string, options: EvalAcledOptions) => {
      process.exitCode = await runEvalAcled(file, options);
    });
}
