/** `newsframes eval …`: scores against external annotated data sets; each data set registers its own subcommand here. */
import type { Command } from "commander";

/** The `eval` command group, created on first use so every data set's module can attach to it. */
export function evalCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === "eval");
  if (existing) return existing;
  return program.command("eval").description("score the pipeline against external annotated data (see subcommands)");
}
