/**
 * From the tagger's CoNLL types to the contract's OntoNotes types and spans
 * (gold/GUIDELINES.md §3): PER -> PERSON without titles; LOC -> GPE, LOC
 * (regions, valleys, rivers) or FAC (airports, prisons, mosques …) by
 * gazetteer and head word; MISC -> NORP for nationalities and ethnic or
 * religious groups, else dropped. A trailing possessive never belongs to a
 * mention, nor does a leading "the", except a capitalized one the tagger
 * found part of a place's name ("The Hague").
 */
import type { EntityType } from "../../pipeline/schema.ts";
import { inGazetteer } from "./gazetteer.ts";
import type { NerType } from "./labels.ts";
import type { TaggerToken } from "./tokens.ts";

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
}

const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);
const TRAILING_PUNCTUATION = /^[\p{P}\p{S}]+$/u;
/** Facility heads that are never part of an organisation's own name. */
const FACILITY_HEADS_OVER_ORG = new Set(["airport", "airbase", "prison", "jail", "mosque", "embassy", "consulate"]);

const lowerOf = (tokens: readonly TaggerToken[]) => tokens.map((t) => t.text.toLowerCase());

/** How many tokens at the front of `words` form a title ("vice president", "mullah"), longest first. */
function titleLength(words: readonly string[]): number {
  for (let n = Math.min(3, words.length - 1); n > 0; n--) {
    const candidate = words.slice(0, n).join(" ");
    if (inGazetteer("title", candidate) || inGazetteer("title", candidate.replace(/\.$/, ""))) return n;
  }
  return 0;
}

function placeType(words: readonly string[]): EntityType {
  const name = words.join(" ");
  const head = words[words.length - 1]!;
  if (words.length > 1 && inGazetteer("facword", head)) return "FAC";
  if (inGazetteer("loc", name) || (words.length > 1 && inGazetteer("locword", head))) return "LOC";
  return "GPE";
}

function isGroupName(name: string): boolean {
  return inGazetteer("demonym", name) || inGazetteer("demonym", name.replace(/s$/, ""));
}

const isPlaceName = (name: string) => inGazetteer("country", name) || inGazetteer("city", name) || inGazetteer("region", name);

/**
 * The mentions of one tagged span (usually one; none when the span is not
 * an entity type of the contract; several for "Afghan-Pakistan").
 */
export function toMentions(tokens: readonly TaggerToken[], type: NerType): Mention[] {
  let first = 0;
  let last = tokens.length;
  while (last > first + 1 && (POSSESSIVE.has(tokens[last - 1]!.text) || TRAILING_PUNCTUATION.test(tokens[last - 1]!.text))) last--;
  const words = lowerOf(tokens.slice(first, last));
  if (words.length > 1 && words[0] === "the" && (type !== "LOC" || tokens[first]!.text === "the")) first++;
  if (type === "PER") first += titleLength(lowerOf(tokens.slice(first, last)));
  const kept = tokens.slice(first, last);
  const keptWords = lowerOf(kept);
  const name = keptWords.join(" ");
  const span = { start: kept[0]!.start, end: kept[kept.length - 1]!.end };

  // A hyphenated pair of places or peoples ("Afghan-Pakistan", "Israel-PLO") is one mention per part.
  if (kept.length === 1 && name.includes("-")) {
    const parts = name.split("-");
    if (parts.length > 1 && parts.every((part) => isPlaceName(part) || isGroupName(part))) {
      let offset = span.start;
      return parts.map((part) => {
        const mention: Mention = { start: offset, end: offset + part.length, type: isGroupName(part) ? "NORP" : "GPE" };
        offset += part.length + 1;
        return mention;
      });
    }
  }

  // A non-political place the tagger took for an organisation or a name ("Amu Darya").
  if (type !== "PER" && inGazetteer("loc", name)) return [{ ...span, type: "LOC" }];

  switch (type) {
    case "PER":
      return [{ ...span, type: "PERSON" }];
    case "ORG":
      return [{ ...span, type: kept.length > 1 && FACILITY_HEADS_OVER_ORG.has(keptWords[keptWords.length - 1]!) ? "FAC" : "ORG" }];
    case "LOC":
      return [{ ...span, type: placeType(keptWords) }];
    case "MISC":
      return isGroupName(name) ? [{ ...span, type: "NORP" }] : [];
  }
}

/**
 * Where the tagger left out a capitalized word in front of a known regional
 * name or people ("Central" of "Central Asian"), the start of the span with it.
 */
export function widenToKnownName(tokens: readonly TaggerToken[], start: number, end: number, type: NerType): number {
  const before = tokens[start - 1];
  if (!before || !/^\p{Lu}/u.test(before.text) || (type !== "MISC" && type !== "LOC")) return start;
  const name = lowerOf(tokens.slice(start - 1, end)).join(" ");
  return inGazetteer("demonym", name) || inGazetteer("loc", name) ? start - 1 : start;
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
