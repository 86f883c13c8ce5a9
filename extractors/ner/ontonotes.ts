/**
 * From the tagger's CoNLL spans to the contract's mentions (gold/GUIDELINES.md §3):
 * - types: PER -> PERSON; LOC -> GPE, LOC (regions, valleys, rivers) or FAC
 *   (airports, prisons, mosques …) by gazetteer and head word; MISC -> NORP
 *   for nationalities and ethnic or religious groups, else dropped;
 * - spans: long names the tagger cut into pieces joined first (ner/compounds.ts:
 *   "Zabul Province", "Directorate for Inter-Services Intelligence"); a
 *   designator alone ("Province") is no name; no leading "the" (a capitalized
 *   "The" the tagger put in a place's name stays: "The Hague"), titles,
 *   trailing possessive, trailing lowercase words or month names, or compass
 *   word before a country ("northern Afghanistan"); a pair like
 *   "Afghan-Pakistan" gives two mentions;
 * - and a few patterns the tagger, trained on 1996 Reuters, does not know:
 *   well-known acronyms (US, IS, AQ) in ordinary text, Arabic patronymics
 *   ("Osama bin Laden"), "Karachi airport", military operations (not entities).
 */
import { readFileSync } from "node:fs";
import type { EntityType } from "../../pipeline/schema.ts";
import { isDesignatorWord, joinNameParts } from "./compounds.ts";
import { inGazetteer } from "./gazetteer.ts";
import type { LabelledSpan, NerType } from "./labels.ts";
import type { TaggerToken } from "./tokens.ts";

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
}

const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;
const LOWERCASE_WORD = /^\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const COMPASS = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"]);
const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);
/** Facility heads that are never part of an organisation's own name. */
const FACILITY_HEADS_OVER_ORG = new Set(["airport", "airbase", "prison", "jail", "mosque", "embassy", "consulate"]);
/** Lowercase facility words that make "<city> airport" one facility. */
const FACILITY_AFTER_PLACE = new Set(["airport", "airbase", "prison", "jail"]);
const PATRONYMIC = new Set(["bin", "ibn", "bint"]);
/** Surname endings of Russian and Central Asian family names (Karimov, Yuldashev, Nazarbayeva, Shevardnadze). */
const SURNAME_ENDING = /\p{L}{3}(?:ov|ev|yev|ova|eva|yeva|ovich|evich|enko|shvili|dze)$/u;

function readAcronyms(): Map<string, EntityType> {
  const table = new Map<string, EntityType>();
  for (const line of readFileSync(new URL("../../data/gazetteers/acronyms.tsv", import.meta.url), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [acronym, type] = line.split("\t");
    table.set(acronym!.trim(), type!.trim() as EntityType);
  }
  return table;
}
const ACRONYMS = readAcronyms();

/** The lowercased texts of tokens [start, end). */
function lowerOf(tokens: readonly TaggerToken[], start: number, end: number): string[] {
  const words: string[] = [];
  for (let i = start; i < end; i++) words.push(tokens[i]!.text.toLowerCase());
  return words;
}
const isPlaceName = (name: string) => inGazetteer("country", name) || inGazetteer("city", name) || inGazetteer("region", name);
const isGroupName = (name: string) => inGazetteer("demonym", name) || inGazetteer("demonym", name.replace(/s$/, ""));

/** How many tokens at the front of `words` form a title ("vice president", "mullah"), longest first. */
function titleLength(words: readonly string[]): number {
  for (let n = Math.min(3, words.length - 1); n > 0; n--) {
    const candidate = words.slice(0, n).join(" ");
    if (inGazetteer("title", candidate) || inGazetteer("title", candidate.replace(/\.$/, ""))) return n;
  }
  return 0;
}

/** The type of a place named `name` (its lowercased `words` joined by spaces). */
function placeType(words: readonly string[], name: string): EntityType {
  const head = words[words.length - 1]!;
  if (words.length > 1 && inGazetteer("facword", head)) return "FAC";
  if (inGazetteer("loc", name) || (words.length > 1 && inGazetteer("locword", head))) return "LOC";
  return "GPE";
}

/** The contract type of a tagged name (its lowercased `words`, and those joined by spaces), or null when it is none (a MISC that is no people). */
function typeOf(words: readonly string[], name: string, type: NerType): EntityType | null {
  // A family name the tagger, which learnt names from Reuters 1996, took for something else ("Tahir Yuldashev").
  if ((type === "ORG" || type === "MISC") && words.length <= 3 && SURNAME_ENDING.test(words[words.length - 1]!) && !inGazetteer("org", name)) return "PERSON";
  // A non-political place the tagger took for an organisation or a person ("Amu Darya", "Ferghana Valley").
  if (type !== "MISC" && (inGazetteer("loc", name) || (words.length > 1 && inGazetteer("locword", words[words.length - 1]!)))) return "LOC";
  switch (type) {
    case "PER":
      return "PERSON";
    case "ORG":
      return words.length > 1 && FACILITY_HEADS_OVER_ORG.has(words[words.length - 1]!) ? "FAC" : "ORG";
    case "LOC":
      return placeType(words, name);
    case "MISC":
      return isGroupName(name) ? "NORP" : null;
  }
}

/** Whether `t`, ending a span of type `type`, is no part of the name: a possessive, punctuation, or (but in a MISC) a lowercase word or a month. */
const isTrailing = (t: TaggerToken, type: NerType) =>
  POSSESSIVE.has(t.text) || PUNCTUATION.test(t.text) || (type !== "MISC" && (LOWERCASE_WORD.test(t.text) || MONTHS.has(t.text.toLowerCase())));

/** The mentions of one tagged span [start, end) of the sentence `tokens`. */
function spanMentions(tokens: readonly TaggerToken[], tagged: LabelledSpan): Mention[] {
  let { start: first, end: last } = tagged;
  const type = tagged.type;
  // Widen over a capitalized word the tagger left out of a known name ("Central" of "Central Asian").
  const before = tokens[first - 1];
  if (before && STARTS_UPPER.test(before.text) && (type === "MISC" || type === "LOC")) {
    const widened = lowerOf(tokens, first - 1, last).join(" ");
    if (inGazetteer("demonym", widened) || inGazetteer("loc", widened)) first--;
  }
  // Military operations are not entities ("Operation Zarb-e-Azb").
  if (tokens[first]!.text === "Operation" || tokens[first - 1]?.text === "Operation") return [];

  while (last > first + 1 && isTrailing(tokens[last - 1]!, type)) last--;
  while (last > first + 1 && PUNCTUATION.test(tokens[first]!.text)) first++;
  const leading = tokens[first]!.text.toLowerCase();
  if (last > first + 1 && leading === "the" && (type !== "LOC" || tokens[first]!.text === "the")) first++;
  if (type === "PER") {
    const words = lowerOf(tokens, first, last);
    // A title the tagger took for a name on its own ("Mullah" in "Mullah Omar" tagged as two people).
    if (words.length === 1 && inGazetteer("title", words[0]!)) return [];
    first += titleLength(words);
  }
  let words = lowerOf(tokens, first, last);
  if (words.length === 1 && (inGazetteer("notname", words[0]!) || isDesignatorWord(words[0]!) || PUNCTUATION.test(words[0]!))) return [];

  // A hyphenated pair of places or peoples ("Afghan-Pakistan", "Israel-PLO") is one mention per part.
  const name = words.join(" ");
  if (last === first + 1 && name.includes("-")) {
    const parts = name.split("-");
    if (parts.every((part) => isPlaceName(part) || isGroupName(part))) {
      let offset = tokens[first]!.start;
      return parts.map((part) => {
        const mention: Mention = { start: offset, end: offset + part.length, type: isGroupName(part) ? "NORP" : "GPE" };
        offset += part.length + 1;
        return mention;
      });
    }
  }

  let entityType = typeOf(words, name, type);
  if (entityType === null) return [];
  // A known place attached to a word by a hyphen ("Tashkent-based", "US-led") is the place, whatever the tagger thought.
  const next = tokens[last];
  if (last === first + 1 && next?.text === "-" && next.start === tokens[first]!.end && isPlaceName(name)) entityType = "GPE";
  // "North Afghanistan": a compass word before a country or province is not part of its name unless the whole is a known name.
  if (entityType === "GPE" && words.length > 1 && COMPASS.has(words[0]!) && !isPlaceName(name)) {
    const rest = words.slice(1).join(" ");
    if (inGazetteer("country", rest) || inGazetteer("region", rest)) {
      first++;
      words = words.slice(1);
    }
  }
  // "Karachi airport": a place and a lowercase facility word make one facility.
  if ((entityType === "GPE" || entityType === "LOC") && next && FACILITY_AFTER_PLACE.has(next.text)) {
    last++;
    entityType = "FAC";
  }
  return [{ start: tokens[first]!.start, end: tokens[last - 1]!.end, type: entityType }];
}

/** Lowercase particles inside Arabic, Persian and Urdu names ("Hizb ut Tahrir", "Lashkar e Taiba"). */
const NAME_PARTICLES = new Set(["ut", "ul", "ud", "us", "al", "el", "e", "i", "wal"]);
const ARTICLE_PREFIXED = /^(?:al|el|ul|ud|ut|ad|ar|as|ash|at|az)-\p{Lu}/u;

/**
 * Tagged names continued over what the tagger, trained on English, cut off:
 * a particle and the capitalized word after it ("Hizb ut Tahrir"), or a
 * word with an Arabic article ("Ansar al-Aseen").
 */
function joinArabicNames(tokens: readonly TaggerToken[], tagged: readonly LabelledSpan[]): LabelledSpan[] {
  const joined: LabelledSpan[] = [];
  for (let k = 0; k < tagged.length; k++) {
    const span = { ...tagged[k]! };
    if (span.type === "ORG" || span.type === "PER") {
      for (;;) {
        const after = tokens[span.end];
        if (after && ARTICLE_PREFIXED.test(after.text)) span.end++;
        else if (after && NAME_PARTICLES.has(after.text) && STARTS_UPPER.test(tokens[span.end + 1]?.text ?? "")) {
          const next = tagged[k + 1];
          if (next?.start === span.end + 1) {
            span.end = next.end;
            k++;
          } else span.end += 2;
        } else break;
      }
    }
    joined.push(span);
  }
  return joined;
}

/** A tagged span cut at its commas: "Idlib Province, Syria" and "Afghan Taliban, IMU" are two names each. */
function splitAtCommas(tokens: readonly TaggerToken[], span: LabelledSpan): LabelledSpan[] {
  const parts: LabelledSpan[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i < span.end && tokens[i]!.text !== ",") continue;
    if (i > start) parts.push({ start, end: i, type: span.type });
    start = i + 1;
  }
  return parts;
}

/** "Osama bin Laden": capitalized words joined by bin/ibn/bint are one person. */
function patronymics(tokens: readonly TaggerToken[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!PATRONYMIC.has(tokens[i]!.text) || !STARTS_UPPER.test(tokens[i - 1]!.text) || !STARTS_UPPER.test(tokens[i + 1]!.text)) continue;
    let first = i - 1;
    while (first > 0 && STARTS_UPPER.test(tokens[first - 1]!.text) && titleLength([tokens[first - 1]!.text.toLowerCase(), ""]) === 0) first--;
    let last = i + 2;
    while (last < tokens.length && (STARTS_UPPER.test(tokens[last]!.text) || PATRONYMIC.has(tokens[last]!.text)) && !POSSESSIVE.has(tokens[last]!.text)) last++;
    found.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, type: "PERSON" });
    i = last;
  }
  return found;
}

/** Well-known acronyms standing alone in ordinary text ("US", "IS", "AQ"), which the tagger may miss or mistype. */
function acronyms(tokens: readonly TaggerToken[]): Mention[] {
  const found: Mention[] = [];
  for (const token of tokens) {
    const type = ACRONYMS.get(token.text);
    if (type) found.push({ start: token.start, end: token.end, type });
  }
  return found;
}

const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end;

/**
 * The mentions of one sentence from its tagged spans. `capitals` says the
 * sentence is a headline in capitals, where acronyms cannot be told from words.
 */
export function sentenceMentions(tokens: readonly TaggerToken[], tagged: readonly LabelledSpan[], capitals: boolean): Mention[] {
  const parts: LabelledSpan[] = [];
  for (const joined of joinArabicNames(tokens, tagged)) parts.push(...splitAtCommas(tokens, joined));
  const names = joinNameParts(tokens, parts);
  let mentions: Mention[] = [];
  for (const name of names) mentions.push(...spanMentions(tokens, name));
  const corrections = capitals ? patronymics(tokens) : [...patronymics(tokens), ...acronyms(tokens)];
  for (const correction of corrections) {
    // An acronym inside a longer name the tagger found stays inside it ("UN Security Council", "U.S. Open").
    const inLongerName = names.some((span) => span.end - span.start > 1 && tokens[span.start]!.start <= correction.start && tokens[span.end - 1]!.end >= correction.end);
    if (inLongerName && correction.type !== "PERSON") continue;
    mentions = mentions.filter((m) => !overlaps(m, correction));
    mentions.push(correction);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * Joins a nationality directly followed by an organisation into one
 * organisation ("Afghan Taliban", "Pakistani Taliban", "Afghan National Army").
 */
export function joinQualifiedOrganisations(mentions: Mention[], text: string): Mention[] {
  const joined: Mention[] = [];
  for (const mention of mentions) {
    const previous = joined[joined.length - 1];
    if (previous?.type === "NORP" && mention.type === "ORG" && text.slice(previous.end, mention.start) === " ")
      joined[joined.length - 1] = { start: previous.start, end: mention.end, type: "ORG" };
    else joined.push(mention);
  }
  return joined;
}

/**
 * One type per name within a document, where the tagger wavered: a name
 * takes the type most of its mentions have, and a name whose last word is,
 * alone, more often a person ("Yuldashev") is a person ("Tahir Yuldashev").
 */
export function harmonizeTypes(mentions: Mention[], text: string): Mention[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const names: string[] = [];
  for (const mention of mentions) {
    const name = text.slice(mention.start, mention.end);
    names.push(name);
    let counts = votes.get(name);
    if (!counts) votes.set(name, (counts = new Map()));
    counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  }
  const harmonized: Mention[] = [];
  for (let m = 0; m < mentions.length; m++) {
    const mention = mentions[m]!;
    const name = names[m]!;
    let type = winningType(votes, name, mention.type);
    const lastWord = name.slice(name.lastIndexOf(" ") + 1);
    if (type === "ORG" && lastWord !== name && winningType(votes, lastWord, "ORG") === "PERSON") type = "PERSON";
    harmonized.push(type === mention.type ? mention : { ...mention, type });
  }
  return harmonized;
}

/** The type most votes give `name`, `type` unless another has more (the first met of those tied). */
function winningType(votes: ReadonlyMap<string, ReadonlyMap<EntityType, number>>, name: string, type: EntityType): EntityType {
  const counts = votes.get(name);
  if (!counts) return type;
  let best = type;
  for (const [candidate, count] of counts) if (count > (counts.get(best) ?? 0)) best = candidate;
  return best;
}
