import type { Doc } from "./document.ts";

/** One step of the pipeline: a named pure function from the document so far to the document with its layer added. */
export interface Stage {
  name: string;
  run(doc: Doc): Doc;
}
