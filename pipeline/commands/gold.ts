/** `newsframes gold check`: gold files against the schema, their texts and each other. */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { checkGold, formatFinding } from "../gold-check.ts";

export interface GoldCheckOptions {
  gold: string;
  corpus: string;
}

/** Prints every finding; returns the exit code (1 when there are errors). */
export async function runGoldCheck(options: GoldCheckOptions): Promise<number> {
  if (!existsSync(options.gold)) {
    console.error(`newsframes gold check: ${options.gold}: gold directory not found`);
    return 1;
  }
  const { files, findings } = await checkGold(options.gold, options.corpus);
  for (const finding of findings) console.log(formatFinding(finding));
  const errors = findings.filter((f) => f.severity === "error").length;
  console.log(`${files} gold files checked: ${errors} errors, ${findings.length - errors} warnings`);
  if (!files) console.error(`newsframes gold check: ${options.gold}: no gold *.json files`);
  return errors || !files ? 1 : 0;
}

export function registerGold(program: Command) {
  const gold = program.command("gold").description("tools for the gold annotations");
  gold
    .command("check")
    .description("validate gold/*.json: schema, spans against the article text, overlaps, excluded regions, canonical names")
    .option("--gold <dir>", "directory of gold <id>.json records", "gold")
    .option("--corpus <dir>", "article texts the offsets index", "corpus")
    .action(async (options: GoldCheckOptions) => {
      process.exitCode = await runGoldCheck(options);
    });
}
