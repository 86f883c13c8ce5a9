/**
 * The score report as text: aligned tables (rows per type, columns P R F1 TP
 * FP FN), the documents behind them, a legend, and optionally every error
 * with its context. The arithmetic is in score.ts.
 */
import type { Agreement, Figures, FigureTable, Scorecard, ScoreError } from "./score.ts";

const percent = (x: number | null) => (x === null ? "–" : (100 * x).toFixed(1));

function table(label: string, rows: Record<string, Figures>, micro?: Figures): string[] {
  const entries: Array<[string, Figures]> = Object.entries(rows);
  if (micro) entries.push(["micro", micro]);
  const width = Math.max(14, label.length, ...entries.map(([name]) => name.length)) + 2;
  const header = ["P", "R", "F1"].map((h) => h.padStart(7)).join("") + ["TP", "FP", "FN"].map((h) => h.padStart(7)).join("");
  return [
    `  ${label.padEnd(width)}${header}`,
    ...entries.map(
      ([name, f]) =>
        `  ${name.padEnd(width)}` +
        [f.precision, f.recall, f.f1].map((x) => percent(x).padStart(7)).join("") +
        [f.tp, f.fp, f.fn].map((n) => String(n).padStart(7)).join(""),
    ),
  ];
}

const figureTable = (label: string, t: FigureTable) => table(label, t.rows, t.micro);
const accuracy = (what: string, a: Agreement) =>
  `  ${what}: ${a.agree}/${a.total}${a.accuracy === null ? "" : ` = ${percent(a.accuracy)}%`}`;
const idList = (ids: string[]) => (ids.length ? ids.join(", ") : "none");

export const LEGEND = [
  "Legend: P, R, F1 in percent; TP/FP/FN are the counts behind them; – where a ratio is 0/0.",
  "  Matching is one-to-one: each gold item pairs with at most one predicted item and vice versa.",
  "  Per-type rows count TP and FN under the gold type, FP under the predicted type.",
  "  Entities: strict = same span and type; exact = same span; partial = overlap and same type,",
  "    counted as a full TP (not SemEval-2013's half credit); type = overlap, any type.",
  "  Times: strict = same span; relaxed = overlap; value = overlap, same type and same value (TempEval-3).",
  "  Events: frames match on type and overlapping evidence. Slots are compared in matched frames:",
  "    entity values folded (case, punctuation, leading \"the\") against the gold value, its canonical",
  "    name and every gold mention of it; lists element by element; dates on value; numbers on min/max.",
  "    A slot of an unmatched gold frame is a FN, of an unmatched predicted frame a FP.",
  "  Corpus view: evidence ignored; frames of a document match on type and key slots",
  "    (a key slot filled on one side only does not match).",
  "  Excluded regions: characters inside gold vs predicted excluded regions; whitespace is not",
  "    counted where the article text is at hand (the record's text or --corpus).",
];

export function formatReport(card: Omit<Scorecard, "errors">, sources: { gold: string; pred: string }): string {
  const { documents: d, entities, times, events } = card;
  const lines = [
    `newsframes score — gold: ${sources.gold}, predictions: ${sources.pred}`,
    `Documents scored (${d.scored.length}): ${idList(d.scored)}`,
    `Gold without prediction, not scored (${d.withoutPrediction.length}): ${idList(d.withoutPrediction)}`,
    `Predictions without gold, not scored (${d.withoutGold.length}): ${idList(d.withoutGold)}`,
    "",
    "ENTITIES",
    ...figureTable("strict", entities.strict),
    ...figureTable("exact", entities.exact),
    ...figureTable("partial", entities.partial),
    ...figureTable("type", entities.type),
    "",
    "TIME EXPRESSIONS",
    ...table("match", { strict: times.strict, relaxed: times.relaxed, value: times.value }),
    ...figureTable("value by type", times.valueByType),
    accuracy("type accuracy over relaxed matches", times.typeAccuracy),
    "",
    "EVENTS",
    ...figureTable("frames", events.frames),
    accuracy("certainty accuracy over matched frames", events.certaintyAccuracy),
    ...figureTable("slots", events.slots),
    ...figureTable("corpus view", events.corpusView),
    "",
    "EXCLUDED REGIONS",
    ...table("unit", { characters: card.excluded }),
    "",
    ...LEGEND,
  ];
  return lines.join("\n") + "\n";
}

const CONTEXT = 40;
const oneLine = (s: string) => s.replace(/\s+/g, " ");

/** `…left [span] right…`, with whitespace flattened so each error stays on one line. */
export function inContext(text: string, start: number, end: number): string {
  const span = text.slice(start, end);
  const shown = span.length > 160 ? `${span.slice(0, 100)} … ${span.slice(-50)}` : span;
  return `…${oneLine(text.slice(Math.max(0, start - CONTEXT), start))}[${oneLine(shown)}]${oneLine(text.slice(end, end + CONTEXT))}…`;
}

export interface ErrorInContext extends ScoreError {
  /** The span's text and ~40 characters either side, when the document's text is known. */
  text?: string;
  context?: string;
}

export function withContext(errors: readonly ScoreError[], textOf: (doc: string) => string | undefined): ErrorInContext[] {
  return errors.map((e) => {
    const text = textOf(e.doc);
    return text === undefined ? e : { ...e, text: text.slice(e.start, e.end), context: inContext(text, e.start, e.end) };
  });
}

/** Every miss, false alarm and mismatch, by layer, each with its document, offsets and context when known. */
export function formatErrors(errors: readonly ErrorInContext[]): string {
  const layers = [...new Set(errors.map((e) => e.layer))];
  const lines = [`ERRORS (${errors.length})`];
  for (const layer of layers) {
    const mine = errors.filter((e) => e.layer === layer).sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
    lines.push("", `${layer} (${mine.length})`);
    for (const e of mine) {
      lines.push(`  ${e.kind} ${e.doc} [${e.start}, ${e.end}): ${e.detail}`);
      if (e.context !== undefined) lines.push(`      ${e.context}`);
    }
  }
  return lines.join("\n") + "\n";
}
