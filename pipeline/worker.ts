/**
 * The work done in a worker thread for each document of a group (see
 * batch.ts): its article text (extracted first when the input is a web
 * page), every stage, and the checked record. Failures come back as values
 * naming the stage, since an Error's own fields do not survive the trip
 * between threads, and one document's failure leaves the others' results.
 */
import { setFlagsFromString } from "node:v8";
import type { DocInput } from "./document.ts";
import { extract, StageError } from "./extract.ts";
import type { DocumentRecord } from "./schema.ts";

// V8 first runs a regular expression in its bytecode interpreter and compiles it
// only once it has run a while; the stages' long patterns are worth compiling at
// once (a 10 MB batch on one worker: 14.3 -> 13.1-13.7 s). A V8 flag is global
// to the process; this module is what the batch's worker threads run.
setFlagsFromString("--no-regexp-tier-up");

export interface DocumentTask {
  input: DocInput;
  markup?: "html";
}

export type TaskResult = { record: DocumentRecord } | { failure: { stage: string; message: string } };

const failure = (stage: string, error: unknown): TaskResult => ({
  failure: { stage, message: error instanceof Error ? error.message : String(error) },
});

type HtmlModule = typeof import("./html.ts");
let html: HtmlModule | undefined;
/** linkedom and readability take about 120 ms to load, a sixth of a worker's start: a worker loads them with the first web page it meets. */
async function htmlModule(): Promise<HtmlModule> {
  return (html ??= await import("./html.ts"));
}

/** The text the stages run over: the input's own, or a web page's article. */
async function articleInput(task: DocumentTask): Promise<DocInput> {
  if (task.markup !== "html") return task.input;
  const article = (await htmlModule()).pageArticle(task.input.text);
  if (!article) throw new Error("no article text found in the page");
  // Metadata the input gave (a sidecar, JSONL fields) wins over what the page says about itself.
  return { ...article, ...task.input, text: article.text, textIsDerived: true };
}

export async function processDocument(task: DocumentTask): Promise<TaskResult> {
  let input: DocInput;
  try {
    input = await articleInput(task);
  } catch (error) {
    return failure("html", error);
  }
  try {
    return { record: extract(input) };
  } catch (error) {
    return failure(error instanceof StageError ? error.stage : "extract", error);
  }
}

export default async function processGroup(tasks: DocumentTask[]): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for (const task of tasks) results.push(await processDocument(task));
  return results;
}
