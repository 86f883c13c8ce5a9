/**
 * Long names the tagger, trained on 1996 Reuters, cuts into pieces, joined
 * back into one tagged span (gold/GUIDELINES.md §3, "the longest proper name"):
 * - a name from the alias table found verbatim ("Islamic State of Iraq and the Levant");
 * - an organisation's head noun continued over "of", "for" or "and"
 *   ("Directorate for Inter-Services Intelligence", "Centre for Conflict and Peace Studies");
 * - an organisation's possessive naming one of its services ("RFE/RL's Uzbek Service",
 *   "RFE/RL’s Gandhara news service" -> "RFE/RL’s Gandhara");
 * - a place and the capitalised designator after it ("Zabul Province", "Bannu Prison").
 */
import { readFileSync } from "node:fs";
import { aliasKey } from "../aliases.ts";
import { inGazetteer } from "./gazetteer.ts";
import type { LabelledSpan, NerType } from "./labels.ts";
import type { TaggerToken } from "./tokens.ts";

const STARTS_UPPER = /^\p{Lu}/u;
const POSSESSIVE = new Set(["'s", "’s"]);
const ORG_CONNECTORS = new Set(["of", "for", "and"]);
/** Nouns that end the name of an organisation's service or outlet ("Uzbek Service", "Urdu Network"). */
const SERVICE_NOUNS = new Set(["service", "network", "bureau", "desk", "channel", "radio", "television", "tv", "studio", "studios", "wing"]);
const MONTHS_AND_DAYS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** The alias table's names of two words or more, and every word prefix of them, as alias keys. */
function readAliasNames(): { names: Set<string>; prefixes: Set<string> } {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const line of readFileSync(new URL("../../data/gazetteers/aliases.tsv", import.meta.url), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    for (const name of line.replace("\t", "|").split("|")) {
      const words = aliasKey(name).split(" ");
      if (words.length < 2) continue;
      names.add(words.join(" "));
      for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(" "));
    }
  }
  return { names, prefixes };
}
const ALIAS_NAMES = readAliasNames();

/** Whether a token starts with a capital letter (A-Z tested without the regex, which most tokens would cost). */
function isCapitalised(token: TaggerToken | undefined): boolean {
  if (token === undefined) return false;
  const code = token.text.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : STARTS_UPPER.test(token.text);
}
/** Whether `word` (lowercase) is a designator that never names anything on its own ("Province"). */
export const isDesignatorWord = (word: string) => inGazetteer("designator", word);
const isDesignator = (token: TaggerToken | undefined) => isCapitalised(token) && isDesignatorWord(token!.text.toLowerCase());
const isKnownName = (name: string) =>
  ["country", "city", "region", "loc", "org", "demonym", "title"].some((list) => inGazetteer(list, name)) || ALIAS_NAMES.names.has(aliasKey(name));

/**
 * `spans` with those inside tokens [start, end) replaced by one span of `type`,
 * or unchanged when a span crosses the range's edge.
 */
function joined(spans: LabelledSpan[], start: number, end: number, type: NerType): LabelledSpan[] {
  if (spans.some((s) => s.start < end && s.end > start && (s.start < start || s.end > end))) return spans;
  const kept = spans.filter((s) => s.end <= start || s.start >= end);
  const at = kept.findIndex((s) => s.start >= end);
  kept.splice(at < 0 ? kept.length : at, 0, { start, end, type });
  return kept;
}

const inside = (spans: readonly LabelledSpan[], start: number, end: number) => spans.filter((s) => s.start < end && s.end > start);
const labelAt = (spans: readonly LabelledSpan[], i: number) => spans.find((s) => s.start <= i && i < s.end)?.type;

/** The type of a name joined from tagged pieces: an organisation if any piece is one ("Afghan Taliban"), else the first piece's that is no MISC. */
const nameType = (pieces: readonly LabelledSpan[]): NerType =>
  pieces.some((p) => p.type === "ORG") ? "ORG" : (pieces.find((p) => p.type !== "MISC") ?? pieces[0]!).type;

/** Alias-table names of two tokens or more, longest first at each token, where the tagger found part of them. */
function joinAliasNames(tokens: readonly TaggerToken[], spans: LabelledSpan[]): LabelledSpan[] {
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i])) continue;
    let key = aliasKey(tokens[i]!.text);
    let end = -1;
    for (let j = i + 1; ALIAS_NAMES.prefixes.has(key); j++) {
      if (ALIAS_NAMES.names.has(key) && j - i >= 2) end = j;
      if (j >= tokens.length) break;
      const next = aliasKey(tokens[j]!.text);
      if (!next) break;
      key += " " + next;
    }
    if (end < 0) continue;
    const pieces = inside(spans, i, end);
    if (pieces.length > 0 && !(pieces.length === 1 && pieces[0]!.start === i && pieces[0]!.end === end)) spans = joined(spans, i, end, nameType(pieces));
    i = end - 1;
  }
  return spans;
}

/** Whether token `i` may be a word of an organisation's name: capitalised, no person's, no month or weekday. */
const isNameWord = (tokens: readonly TaggerToken[], spans: readonly LabelledSpan[], i: number) =>
  isCapitalised(tokens[i]) && labelAt(spans, i) !== "PER" && !MONTHS_AND_DAYS.has(tokens[i]!.text.toLowerCase());

/**
 * The end of the organisation name whose head noun is token `head`, continued
 * over "of"/"for" (+ "the") and capitalised words, and over "and" (+ "the")
 * once inside such a complement, unless what follows "and" is a name of its
 * own ("Council of Europe and the United Nations"). -1 when there is none.
 */
function organisationEnd(tokens: readonly TaggerToken[], spans: readonly LabelledSpan[], head: number): number {
  let end = -1;
  let i = head + 1;
  while (i < tokens.length && ORG_CONNECTORS.has(tokens[i]!.text)) {
    const connector = tokens[i]!.text;
    if (connector === "and" && end < 0) break;
    let first = i + 1;
    if (tokens[first]?.text === "the") first++;
    let last = first;
    while (isNameWord(tokens, spans, last)) last++;
    if (last === first) break;
    if (connector === "and") {
      const words = tokens.slice(first, last).map((t) => t.text.toLowerCase());
      if (isKnownName(words.join(" ")) || inGazetteer("orghead", words[words.length - 1]!) || words.some((word) => inGazetteer("title", word))) break;
    }
    end = last;
    i = last;
  }
  return end;
}

/** Organisation names with "of", "for" or "and" in them, where the tagger found a piece of them. */
function joinOrganisationNames(tokens: readonly TaggerToken[], spans: LabelledSpan[]): LabelledSpan[] {
  for (let i = 1; i < tokens.length; i++) {
    const connector = tokens[i]!.text;
    if (connector !== "of" && connector !== "for") continue;
    const head = i - 1;
    if (!isCapitalised(tokens[head]) || !inGazetteer("orghead", tokens[head]!.text.toLowerCase())) continue;
    const headLabel = labelAt(spans, head);
    // "State" also heads countries ("State of Qatar"): only when the tagger took it for an organisation.
    if (headLabel === "PER" || headLabel === "MISC" || headLabel === "LOC" || (headLabel !== "ORG" && tokens[head]!.text.toLowerCase() === "state")) continue;
    const capitalisedEnd = organisationEnd(tokens, spans, head);
    // The name ends where the tagger's last piece of it does, not at the last capitalised word of a title-case headline.
    const end = inside(spans, i, capitalisedEnd).reduce((last, piece) => Math.max(last, piece.end), -1);
    if (end < 0) continue;
    let start = head;
    // Capitalised words before the head, tagged or not at the sentence's start ("Islamic Movement", "Afghan National Army").
    while (start > 0 && isNameWord(tokens, spans, start - 1) && (start > 1 || labelAt(spans, 0) !== undefined)) start--;
    const pieces = inside(spans, start, end);
    if (!(pieces.length === 1 && pieces[0]!.start === start && pieces[0]!.end === end)) spans = joined(spans, start, end, "ORG");
    i = end - 1;
  }
  return spans;
}

/**
 * An organisation, its possessive and a capitalised name of one of its
 * services: ending in a service noun ("RFE/RL's Uzbek Service"), or tagged
 * as an organisation before a lowercase one ("RFE/RL’s Gandhara news service").
 */
function joinPossessedServices(tokens: readonly TaggerToken[], spans: LabelledSpan[]): LabelledSpan[] {
  for (let k = 0; k < spans.length; k++) {
    const owner = spans[k]!;
    if (owner.type !== "ORG" || !POSSESSIVE.has(tokens[owner.end]?.text ?? "")) continue;
    const first = owner.end + 1;
    let last = first;
    while (isCapitalised(tokens[last]) && labelAt(spans, last) !== "PER") last++;
    if (last === first) continue;
    const endsInService = SERVICE_NOUNS.has(tokens[last - 1]!.text.toLowerCase());
    const after = tokens[last]?.text ?? "";
    const outlet = spans.find((s) => s.start === first && s.type === "ORG");
    // The outlet's tagged span may run on over "news service": spanMentions trims lowercase words off its end.
    if (endsInService) spans = joined(spans, owner.start, last, "ORG");
    else if (outlet && (after === "news" || SERVICE_NOUNS.has(after))) spans = joined(spans, owner.start, Math.max(last, outlet.end), "ORG");
  }
  return spans;
}

/** A place (or organisation) and the capitalised designator right after it, tagged alone or not at all. */
function joinDesignators(tokens: readonly TaggerToken[], spans: LabelledSpan[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const span of spans) {
    const previous = out[out.length - 1];
    const alone = span.end === span.start + 1 && isDesignator(tokens[span.start]);
    if (previous && alone && previous.end === span.start && previous.type !== "MISC") {
      out[out.length - 1] = { start: previous.start, end: span.end, type: previous.type === "ORG" ? "ORG" : "LOC" };
      continue;
    }
    const continued = (span.type === "LOC" || span.type === "ORG") && isDesignator(tokens[span.end]) && labelAt(spans, span.end) === undefined;
    out.push(continued ? { ...span, end: span.end + 1 } : span);
  }
  return out;
}

/** The tagged spans of a sentence with the pieces of longer names joined. */
export function joinNameParts(tokens: readonly TaggerToken[], spans: LabelledSpan[]): LabelledSpan[] {
  return joinDesignators(tokens, joinPossessedServices(tokens, joinOrganisationNames(tokens, joinAliasNames(tokens, spans))));
}
