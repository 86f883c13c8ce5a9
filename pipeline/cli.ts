/** The `newsframes` command line: one subcommand per job, each in pipeline/commands/. */
import { Command } from "commander";
import { registerExtract } from "./commands/extract.ts";
import { registerEvalTimeml } from "./commands/eval-timeml.ts";
import { registerEvalAcled } from "./commands/eval-acled.ts";
import { registerTimeline } from "./commands/timeline.ts";
import { registerEvalConll } from "./commands/eval-conll.ts";
import { registerScore } from "./commands/score.ts";
import { registerGold } from "./commands/gold.ts";
import { registerGoldTransfer } from "./commands/gold-transfer.ts";

const program = new Command("newsframes")
  .description("Turn news articles into structured, scored event data (see SPEC.md).")
  .showHelpAfterError()
  .exitOverride((error) => {
    // Usage errors exit 2 (as most Unix tools do); --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

// A closed pipe downstream (`newsframes extract | head`) ends the run quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

registerExtract(program);
registerEvalTimeml(program);
registerEvalAcled(program);
registerTimeline(program);
registerEvalConll(program);
registerScore(program);
registerGold(program);
registerGoldTransfer(program);

await program.parseAsync(process.argv);
