/**
 * The pipeline, in order. Each stage adds one layer to the document; see
 * extractors/ for what each does. To follow one article through newsframes,
 * read this list, then `extract.ts`.
 */
import type { Stage } from "./stage.ts";
import { clean } from "../extractors/clean.ts";
import { documentDate } from "../extractors/dct.ts";
import { tokenize } from "../extractors/tokens.ts";
import { recognizeEntities } from "../extractors/entities.ts";
import { canonicalNames } from "../extractors/aliases.ts";
import { timeExpressions } from "../extractors/times.ts";
import { extractEvents } from "../extractors/events/index.ts";

export const STAGES: Stage[] = [
  { name: "clean", run: clean },
  { name: "dct", run: documentDate },
  { name: "tokens", run: tokenize },
  { name: "entities", run: recognizeEntities },
  { name: "aliases", run: canonicalNames },
  { name: "times", run: timeExpressions },
  { name: "events", run: extractEvents },
];
