/**
 * `newsframes eval conll FILE`: the entity stage scored on a CoNLL-2003 file.
 * Each document's text is rebuilt (tokens joined by spaces, one sentence a
 * line), run through the whole pipeline, and its entities mapped back to
 * CoNLL tokens and types (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP->MISC)
 * for strict span-and-type scores, conlleval-style.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  chunksOf,
  chunksOfEntities,
  countUnaligned,
  emptyScores,
  formatScores,
  parseConll,
  rebuildText,
  scoreSentence,
  type Chunk,
  type ConllDocument,
} from "../eval/conll.ts";
import { evalCommand } from "./eval.ts";

interface EvalConllOptions {
  errors?: boolean;
}

function errorLine(kind: string, chunk: Chunk, words: readonly string[], line: number): string {
  const context = words.map((word, i) => (i === chunk.start ? "[" : "") + word + (i === chunk.end - 1 ? "]" : "")).join(" ");
  return `line ${line}\t${kind}\t${chunk.type}\t${words.slice(chunk.start, chunk.end).join(" ")}\t${context}`;
}

export async function runEvalConll(file: string, options: EvalConllOptions): Promise<number> {
  // Loaded on use: at the top, every command (`extract` too, which runs the stages in workers) would load the models in its main thread.
  const { runStages } = await import("../extract.ts");
  let documents: ConllDocument[];
  try {
    documents = parseConll(await readFile(file, "utf8"), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`newsframes eval conll: ${code ? `${file}: ${code}` : (error as Error).message}`);
    return 1;
  }
  if (!documents.length) {
    console.error(`newsframes eval conll: ${file}: no sentences`);
    return 1;
  }
  const scores = emptyScores();
  const errors: string[] = [];
  let tokens = 0;
  let unaligned = 0;
  const started = performance.now();
  documents.forEach((document, d) => {
    const rebuilt = rebuildText(document);
    const entities = runStages({ id: `conll-${d + 1}`, text: rebuilt.text }).entities;
    unaligned += countUnaligned(rebuilt, entities);
    const predicted = chunksOfEntities(rebuilt, entities);
    document.sentences.forEach((sentence, s) => {
      tokens += sentence.words.length;
      const { missed, falseAlarms } = scoreSentence(scores, chunksOf(sentence.labels), predicted[s]!);
      if (!options.errors) return;
      for (const chunk of missed) errors.push(errorLine("missed", chunk, sentence.words, sentence.line));
      for (const chunk of falseAlarms) errors.push(errorLine("false", chunk, sentence.words, sentence.line));
    });
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${file}: ${documents.length} documents, ${tokens} tokens, ${seconds.toFixed(1)} s (${Math.round(tokens / seconds)} tokens/s, whole pipeline)`);
  console.log(formatScores(scores));
  console.log(`${unaligned} predicted entities start or end inside a CoNLL token ("US" of "US-led") and are scored as the whole token`);
  if (options.errors) console.log("\n" + errors.join("\n"));
  return 0;
}

export function registerEvalConll(program: Command) {
  evalCommand(program)
    .command("conll")
    .description("score entities against a CoNLL-2003 NER file (strict span and type, per type, conlleval-style)")
    .argument("<file>", "a CoNLL-2003 file (word POS chunk NER per line, IOB1, -DOCSTART- between documents)")
    .option("--errors", "list every missed and false entity with its sentence and line number")
    .action(async (file: string, options: EvalConllOptions) => {
      process.exitCode = await runEvalConll(file, options);
    });
}
