/** `newsframes eval timeml DIR`: the time-expression stage scored on TimeML gold (TempEval-3 TimeBank / AQUAINT). */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { glob } from "tinyglobby";
import {
  addCounts,
  emptyCounts,
  parseTimeml,
  scoreDoc,
  summarize,
  type Counts,
  type Prf,
  type TimexError,
} from "../eval/timeml.ts";
import { evalCommand } from "./eval.ts";

interface EvalTimemlOptions {
  errors?: boolean;
  json?: boolean;
}

async function timemlFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  return (await glob("**/*.tml", { cwd: path, absolute: true })).sort();
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const prfLine = (label: string, s: Prf) => `${label.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`;

function report(files: number, overall: Counts, byType: Record<string, Counts>, seconds: number): string {
  const s = summarize(overall);
  const lines = [
    `${files} TimeML documents, ${overall.gold} gold TIMEX3, ${overall.predicted} predicted (${seconds.toFixed(1)} s)`,
    prfLine("span strict", s.strict),
    prfLine("span relaxed", s.relaxed),
    prfLine("value", s.value),
    `value accuracy ${pct(s.valueAccuracy)}   type accuracy ${pct(s.typeAccuracy)}   mod accuracy ${pct(s.modAccuracy)}   (of ${overall.relaxed} relaxed matches)`,
    "",
    "by gold type   gold  pred  relaxed-R  strict-R  value-R  value-acc  type-acc",
  ];
  for (const [type, c] of Object.entries(byType).sort()) {
    const r = (n: number) => pct(c.gold ? n / c.gold : 0);
    const acc = (n: number) => pct(c.relaxed ? n / c.relaxed : 0);
    lines.push(
      `${type.padEnd(13)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)}      ${r(c.relaxed)}     ${r(c.strict)}    ${r(c.value)}      ${acc(c.value)}     ${acc(c.type)}`,
    );
  }
  return lines.join("\n");
}

function errorLine(e: TimexError): string {
  const gold = e.gold ? `gold ${e.gold.type} ${e.gold.value}${e.gold.mod ? ` ${e.gold.mod}` : ""} "${e.gold.text}"` : "";
  const pred = e.predicted
    ? `pred ${e.predicted.type} ${e.predicted.value}${e.predicted.mod ? ` ${e.predicted.mod}` : ""} "${e.predicted.text}"`
    : "";
  return `${e.doc}\t${e.kind}\t${[gold, pred].filter(Boolean).join(" | ")}\t${e.context}`;
}

export async function runEvalTimeml(path: string, options: EvalTimemlOptions): Promise<number> {
  // Loaded on use: at the top, every command (`extract` too, which runs the stages in workers) would load the models in its main thread.
  const { runStages } = await import("../extract.ts");
  let files: string[];
  try {
    files = await timemlFiles(path);
  } catch (error) {
    console.error(`newsframes eval timeml: ${path}: ${(error as Error).message}`);
    return 1;
  }
  if (!files.length) {
    console.error(`newsframes eval timeml: ${path}: no .tml files`);
    return 1;
  }
  const overall = emptyCounts();
  const byType: Record<string, Counts> = {};
  const errors: TimexError[] = [];
  const started = performance.now();
  let failed = 0;
  for (const file of files) {
    const id = basename(file, ".tml");
    try {
      const gold = parseTimeml(id, await readFile(file, "utf8"));
      const doc = runStages({ id, text: gold.text, published: gold.published });
      const score = scoreDoc(gold, doc.times);
      addCounts(overall, score.overall);
      for (const [type, counts] of Object.entries(score.byType)) addCounts((byType[type] ??= emptyCounts()), counts);
      errors.push(...score.errors);
    } catch (error) {
      failed++;
      console.error(`newsframes eval timeml: ${file}: ${(error as Error).message}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    const perType = Object.fromEntries(Object.entries(byType).map(([t, c]) => [t, { counts: c, ...summarize(c) }]));
    console.log(JSON.stringify({ documents: files.length - failed, counts: overall, ...summarize(overall), byType: perType, ...(options.errors ? { errors } : {}) }, null, 2));
  } else {
    console.log(report(files.length - failed, overall, byType, seconds));
    if (options.errors) console.log("\n" + errors.map(errorLine).join("\n"));
  }
  return failed ? 1 : 0;
}

export function registerEvalTimeml(program: Command) {
  evalCommand(program)
    .command("timeml")
    .description("score time expressions against TimeML gold (TempEval-3 TimeBank/AQUAINT .tml files)")
    .argument("<path>", "a .tml file or a directory searched recursively for .tml files")
    .option("--errors", "list every miss, false alarm, wrong value and wrong type with its context")
    .option("--json", "print the figures as JSON")
    .action(async (path: string, options: EvalTimemlOptions) => {
      process.exitCode = await runEvalTimeml(path, options);
    });
}
