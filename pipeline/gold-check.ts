/**
 * `gold check`: every gold file against the schema and its article's text
 * (gold/GUIDELINES.md), plus warnings about canonical names across files.
 * Each finding names the file, the item (entities[12]) and the field.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { decodeArticle } from "./inputs.ts";
import { slotKind, type AnySlots, type DocumentRecord } from "./schema.ts";
import { fold, overlap } from "./score.ts";
import { schemaProblems, spanProblems, type Problem } from "./validate.ts";

export interface Finding extends Problem {
  severity: "error" | "warning";
  /** The gold file it concerns. */
  file: string;
}

interface Located {
  start: number;
  end: number;
  text: string;
}

/** Items of one layer that overlap an earlier item of the same layer. */
function overlapProblems(layer: string, items: readonly Located[]): Problem[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
  const problems: Problem[] = [];
  let reach = -1; // the item reaching furthest right so far
  for (const i of order) {
    const item = items[i]!;
    const previous = items[reach];
    if (previous && overlap(previous, item) > 0)
      problems.push({
        path: `${layer}[${i}]`,
        message: `${JSON.stringify(item.text)} [${item.start}, ${item.end}) overlaps ${layer}[${reach}] ${JSON.stringify(previous.text)} [${previous.start}, ${previous.end})`,
      });
    if (!previous || item.end > previous.end) reach = i;
  }
  return problems;
}

/** Annotations inside excluded regions: mentions and times overlapping one, evidence lying wholly in one. */
function excludedProblems(record: DocumentRecord): Problem[] {
  const problems: Problem[] = [];
  const regionOf = (s: Located, wholly: boolean) =>
    record.excluded.findIndex((r) => (wholly ? r.start <= s.start && s.end <= r.end : overlap(r, s) > 0));
  const check = (path: string, s: Located, wholly: boolean) => {
    const r = regionOf(s, wholly);
    if (r >= 0) problems.push({ path, message: `${JSON.stringify(s.text)} is inside excluded[${r}] (${record.excluded[r]!.reason})` });
  };
  record.entities.forEach((e, i) => check(`entities[${i}]`, e, false));
  record.times.forEach((t, i) => check(`times[${i}]`, t, false));
  // Evidence may hold an inline reference marker like "[1]", so only evidence wholly inside a region is wrong.
  record.events.forEach((ev, i) => ev.evidence.forEach((s, j) => check(`events[${i}].evidence[${j}]`, s, true)));
  return problems;
}

/** Errors in one record checked against the text its offsets index. */
export function recordProblems(record: DocumentRecord, source: string): Problem[] {
  return [
    ...spanProblems(record, source),
    ...overlapProblems("entities", record.entities),
    ...overlapProblems("times", record.times),
    ...excludedProblems(record),
  ];
}

export interface GoldFile {
  file: string;
  record: DocumentRecord;
}

/** The same surface text given different canonical names (across files or within one). */
export function canonicalWarnings(golds: readonly GoldFile[]): Finding[] {
  const first = new Map<string, Map<string, string>>(); // text -> canonical -> "file entities[i]"
  const findings: Finding[] = [];
  for (const { file, record } of golds)
    record.entities.forEach((e, i) => {
      const byCanonical = first.get(e.text) ?? first.set(e.text, new Map()).get(e.text)!;
      if (byCanonical.has(e.canonical)) return;
      const other = [...byCanonical].map(([canonical, where]) => `${JSON.stringify(canonical)} in ${where}`);
      if (other.length)
        findings.push({ severity: "warning", file, path: `entities[${i}].canonical`,
          message: `${JSON.stringify(e.text)} has canonical ${JSON.stringify(e.canonical)} here but ${other.join(", ")}` });
      byCanonical.set(e.canonical, `${file} entities[${i}]`);
    });
  return findings;
}

/** Lower-case words that still belong in a proper name ("Islamic Movement of Uzbekistan", "Abu Bakr al-Baghdadi"). */
const NAME_PARTICLES = new Set(["of", "the", "and", "for", "al", "el", "bin", "ibn", "i", "ul", "e", "de", "da", "van", "von"]);
/** Whether a slot value reads as a proper name rather than the text's own words ("Afghan army posts"). */
const looksLikeName = (value: string) =>
  value.split(/\s+/).every((word) => /^[\p{Lu}\p{N}]/u.test(word) || NAME_PARTICLES.has(word.split(/[-‑]/)[0]!.toLowerCase()));

/**
 * Entity slot values should be canonical names used by some mention in the
 * gold corpus, or free text; a mention's text, a near-miss of a canonical or
 * an unknown proper name is probably a slip.
 */
export function slotValueWarnings(golds: readonly GoldFile[]): Finding[] {
  const canonicals = new Set(golds.flatMap((g) => g.record.entities.map((e) => e.canonical)));
  const canonicalOfFolded = new Map([...canonicals].map((c) => [fold(c), c]));
  const canonicalOfText = new Map(golds.flatMap((g) => g.record.entities.map((e) => [e.text, e.canonical] as const)));
  const findings: Finding[] = [];
  const check = (file: string, path: string, value: string) => {
    if (canonicals.has(value)) return;
    const near = canonicalOfFolded.get(fold(value)) ?? canonicalOfText.get(value);
    const message = near
      ? `${JSON.stringify(value)} is not a canonical name; did you mean ${JSON.stringify(near)}?`
      : looksLikeName(value)
        ? `${JSON.stringify(value)} reads as a name but no gold mention has it as canonical`
        : undefined;
    if (message) findings.push({ severity: "warning", file, path, message });
  };
  for (const { file, record } of golds)
    record.events.forEach((ev, i) => {
      for (const [role, value] of Object.entries(ev.slots as AnySlots)) {
        const kind = slotKind(ev.type, role);
        const path = `events[${i}].slots.${role}`;
        if (kind === "entity" && typeof value === "string") check(file, path, value);
        if (kind === "entities" && Array.isArray(value)) value.forEach((v, j) => check(file, `${path}[${j}]`, v));
      }
    });
  return findings;
}

/** The `*.json` files of a gold directory (hidden files, e.g. work in progress, are skipped), sorted. */
export async function goldFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort().map((n) => join(dir, n));
}

/** Reads and checks one gold file; returns its record when it is well-formed enough for the cross-file checks. */
async function checkFile(file: string, corpus: string): Promise<{ findings: Finding[]; record?: DocumentRecord }> {
  const error = (path: string, message: string): Finding => ({ severity: "error", file, path, message });
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    return { findings: [error("", `invalid JSON: ${(e as Error).message}`)] };
  }
  const schema = schemaProblems(value);
  if (schema.length) return { findings: schema.map((p) => error(p.path, p.message)) };
  const record = value as DocumentRecord;
  const findings: Finding[] = [];
  if (record.id !== basename(file, ".json")) findings.push(error("id", `${JSON.stringify(record.id)} differs from the file name`));
  let source = record.text;
  if (source === undefined) {
    const path = join(corpus, `${record.id}.txt`);
    const decoded = existsSync(path) ? decodeArticle(await readFile(path)) : { error: `${path} not found` };
    if ("error" in decoded) return { findings: [...findings, error("id", `no article text: ${decoded.error}`)] };
    source = decoded.text;
  }
  findings.push(...recordProblems(record, source).map((p) => error(p.path, p.message)));
  return { findings, record };
}

/** Every finding for the gold files in `goldDir`, errors first, each file in name order. */
export async function checkGold(goldDir: string, corpus: string): Promise<{ files: number; findings: Finding[] }> {
  const files = await goldFiles(goldDir);
  const findings: Finding[] = [];
  const golds: GoldFile[] = [];
  for (const file of files) {
    const checked = await checkFile(file, corpus);
    findings.push(...checked.findings);
    if (checked.record) golds.push({ file, record: checked.record });
  }
  findings.push(...canonicalWarnings(golds), ...slotValueWarnings(golds));
  return { files: files.length, findings: findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1)) };
}

/** One line: `gold/000.json: entities[12].text: message`. */
export const formatFinding = (f: Finding) =>
  `${f.severity === "warning" ? "warning: " : ""}${f.file}: ${f.path ? `${f.path}: ` : ""}${f.message}`;

