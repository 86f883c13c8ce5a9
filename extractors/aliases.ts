/**
 * Stage: canonical names. Each mention's `canonical` becomes the one name of
 * its entity, by these rules, first match wins:
 * 1. an acronym defined in the text ("Islamic Movement of Uzbekistan (IMU)",
 *    "Directorate for Inter-Services Intelligence (ISI)") takes its long form's name;
 * 2. the shipped alias table (data/gazetteers/aliases.tsv: IS/ISIS/ISIL/Daesh
 *    -> Islamic State, US/U.S. -> United States …);
 * 3. a person named by part of a fuller name elsewhere in the document takes
 *    that name (Ghazi -> Usman Ghazi, Baghdadi -> Abu Bakr al-Baghdadi);
 * 4. spelling variants of a multi-word name in the document (words alike in
 *    consonants or one letter apart) share the most frequent spelling
 *    (Usmon Ghazi / Usman Ghazi, Ansar al-Aseer / Ansar al-Aseen);
 * 5. a name written in capitals takes the document's own spelling of it;
 * 6. an organisation's name cut short ("Islamic Movement") takes the full name;
 * 7. peoples take their singular adjective form (Uzbeks -> Uzbek, Tajiki -> Tajik),
 *    places lose a capitalized designator (Idlib Province -> Idlib).
 */
import { readFileSync } from "node:fs";
import type { Doc } from "../pipeline/document.ts";
import type { Entity } from "../pipeline/schema.ts";
import { GAZETTEERS, inGazetteer } from "./ner/gazetteer.ts";

/** `fold` remembering its results (names recur across documents), forgetting all past 50,000 names. */
function remembered(fold: (name: string) => string): (name: string) => string {
  const results = new Map<string, string>();
  return (name) => {
    let result = results.get(name);
    if (result === undefined) {
      if (results.size >= 50_000) results.clear();
      results.set(name, (result = fold(name)));
    }
    return result;
  };
}

/** Folds what spelling variants differ in: case, periods, hyphens, curly quotes, a leading "the", a possessive. */
export const aliasKey = remembered((name) =>
  name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/, "")
    .replace(/\./g, "")
    .replace(/[-\s]+/g, " ")
    .replace(/^the /, "")
    .trim(),
);

function readAliasTable(): Map<string, string> {
  const table = new Map<string, string>();
  const text = readFileSync(new URL("../data/gazetteers/aliases.tsv", import.meta.url), "utf8");
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [canonical, aliases = ""] = line.split("\t");
    for (const name of [canonical!, ...aliases.split("|")]) if (name.trim()) table.set(aliasKey(name), canonical!.trim());
  }
  return table;
}

const ALIASES = readAliasTable();

const ARABIC_ARTICLES = new Set(["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az"]);

/** Words of a name, with Arabic article prefixes set apart ("al-Baghdadi" -> "baghdadi"). */
const nameWords = (name: string) =>
  aliasKey(name)
    .split(" ")
    .filter((word) => !ARABIC_ARTICLES.has(word));

/**
 * A consonant skeleton for transliteration variants: vowels after the first
 * letter dropped, doubled letters collapsed, letters that transliterations
 * swap merged (Usman/Usmon, Qasim/Kasim, Yuldashev/Yuldoshev).
 */
export const skeleton = remembered((word) => {
  const folded = word
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/kh/g, "x")
    .replace(/q/g, "k")
    .replace(/dh/g, "z")
    .replace(/ph/g, "f")
    .replace(/[^a-z]/g, "");
  return (folded[0] ?? "") + folded.slice(1).replace(/[aeiouyw]/g, "").replace(/(.)\1+/g, "$1");
});

/** Whether `acronym` can be read off the initials of `name` ("TTP" from Tehrik-i-Taliban Pakistan). */
export function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, "").toUpperCase();
  const initials = name
    .split(/[\s\-/]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase());
  if (letters.length < 2 || letters[0] !== initials[0]) return false;
  let i = 0;
  for (const initial of initials) if (initial === letters[i]) i++;
  return i === letters.length;
}

const ACRONYM_SHAPE = /^[A-Z][A-Za-z&/.-]*[A-Z.]$|^[A-Z]{2,}$/;

/** acronym key -> long form, from "Long Form (ACR)" or "ACR (Long Form)" in the text. */
function definedAcronyms(doc: Doc, entities: readonly Entity[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (let i = 0; i + 1 < entities.length; i++) {
    const [first, second] = [entities[i]!, entities[i + 1]!];
    if (!/^\s*\(\s*$/.test(doc.text.slice(first.end, second.start)) || !/^\s*\)/.test(doc.text.slice(second.end))) continue;
    const [short, long] = ACRONYM_SHAPE.test(second.text) ? [second, first] : [first, second];
    // The acronym may abbreviate the body the head noun governs only ("Directorate for Inter-Services Intelligence (ISI)").
    const governed = long.text.replace(/^.*? (?:of|for) /, "");
    if (ACRONYM_SHAPE.test(short.text) && (isAcronymOf(short.text, long.text) || isAcronymOf(short.text, governed))) defined.set(aliasKey(short.text), long.text);
  }
  return defined;
}

/** A people's one name: singular, adjective form ("Uzbeks" -> "Uzbek", "Tajiki" -> "Tajik", "Salafists" -> "Salafi"). */
export function groupBaseName(name: string): string {
  const known = (candidate: string) => inGazetteer("demonym", candidate.toLowerCase());
  let base = name;
  if (base.endsWith("s") && (known(base.slice(0, -1)) || inGazetteer("country", base.slice(0, -1).toLowerCase()))) base = base.slice(0, -1);
  if (base.endsWith("ist") && known(base.slice(0, -2))) base = base.slice(0, -2);
  else if (base.endsWith("i") && known(base.slice(0, -1))) base = base.slice(0, -1);
  return base;
}

const ADMINISTRATIVE_DESIGNATOR = / (?:Province|District|Governorate|Prefecture|Oblast|County|Municipality)$/;
const ALL_CAPS = /^[^\p{Ll}]*$/u;
const titleCase = (name: string) => name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/** Edit distance at most one (one letter added, dropped or changed). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

const COUNTRIES = [...(GAZETTEERS.get("country") ?? [])].filter((name) => name.length >= 6 && !name.includes("."));

/**
 * A place's one name: without a capitalized administrative designator
 * ("Idlib Province" -> "Idlib"), in title case when written in capitals
 * ("DAMASCUS"), and a misspelt country as the country ("Kyrgystan").
 */
export const placeBaseName = remembered((name) => {
  let base = name.replace(ADMINISTRATIVE_DESIGNATOR, "");
  if (ALL_CAPS.test(base) && base.length > 3) base = titleCase(base);
  const lower = base.toLowerCase();
  if (lower.length >= 6 && !inGazetteer("country", lower) && !inGazetteer("city", lower) && !inGazetteer("region", lower)) {
    const country = COUNTRIES.find((candidate) => nearlyEqual(candidate, lower));
    if (country) return titleCase(country);
  }
  return base;
});

/** What the rules compare about one distinct name of the document, computed once. */
interface Name {
  text: string;
  type: Entity["type"];
  key: string;
  keyWords: string[];
  skeletons: string[];
  /** Words without Arabic article prefixes, for matching people's names. */
  personWords: string[];
  frequency: number;
}

export function canonicalNames(doc: Doc): Doc {
  const entities = doc.entities;
  const acronyms = definedAcronyms(doc, entities);
  const byText = new Map<string, Name>();
  for (const entity of entities) {
    const known = byText.get(entity.text);
    if (known) {
      known.frequency++;
      continue;
    }
    const key = aliasKey(entity.text);
    const keyWords = key.split(" ");
    byText.set(entity.text, {
      text: entity.text,
      type: entity.type,
      key,
      keyWords,
      skeletons: keyWords.map(skeleton),
      personWords: entity.type === "PERSON" ? nameWords(entity.text) : [],
      frequency: 1,
    });
  }
  // Most frequent first, then longest: the order in which names are preferred as the canonical spelling.
  const names = [...byText.values()].sort((a, b) => b.frequency - a.frequency || b.text.length - a.text.length);

  const fromTable = (name: Name) => ALIASES.get(name.key);
  const longFormOf = (name: Name) => {
    const longForm = acronyms.get(name.key);
    return longForm === undefined ? undefined : (ALIASES.get(aliasKey(longForm)) ?? longForm);
  };
  const viaTable = (found: Name | undefined) => (found === undefined ? undefined : (fromTable(found) ?? longFormOf(found) ?? found.text));

  // Indexes, so that a long document's thousands of names are not compared pairwise.
  const rank = new Map(names.map((name, index) => [name, index]));
  const bucketed = (key: (name: Name) => string | undefined, of: readonly Name[] = names) => {
    const buckets = new Map<string, Name[]>();
    for (const name of of) {
      const k = key(name);
      if (k === undefined) continue;
      const bucket = buckets.get(k);
      if (bucket) bucket.push(name);
      else buckets.set(k, [name]);
    }
    return buckets;
  };
  // Multi-word names by each (position, word) they have, so variants sharing a word meet in a bucket.
  const byWordAt = new Map<string, Name[]>();
  for (const name of names) {
    if (name.keyWords.length < 2) continue;
    name.keyWords.forEach((word, i) => {
      const key = `${name.type}|${name.keyWords.length}|${i}|${word}`;
      const bucket = byWordAt.get(key);
      if (bucket) bucket.push(name);
      else byWordAt.set(key, [name]);
    });
  }
  const people = names.filter((name) => name.type === "PERSON").sort((a, b) => b.text.length - a.text.length);
  const peopleByWord = new Map<string, Name[]>();
  for (const person of people)
    for (const word of new Set(person.personWords)) {
      const bucket = peopleByWord.get(word);
      if (bucket) bucket.push(person);
      else peopleByWord.set(word, [person]);
    }
  const firstTwoWords = (name: Name) => (name.keyWords.length < 2 ? undefined : name.keyWords.slice(0, 2).join(" "));
  const organisationsByStart = bucketed((name) => (name.type === "ORG" ? firstTwoWords(name) : undefined));
  const byKey = bucketed((name) => name.key);

  // Spelling variants: a more frequent multi-word name of the same type, sharing a word, whose other words are alike.
  const sameWord = (a: Name, b: Name, i: number) => {
    const [x, y] = [a.keyWords[i]!, b.keyWords[i]!];
    return x === y || a.skeletons[i] === b.skeletons[i] || (Math.min(x.length, y.length) >= 5 && nearlyEqual(x, y));
  };
  const variantOf = (name: Name) => {
    if (name.keyWords.length < 2) return undefined;
    let best: Name | undefined;
    name.keyWords.forEach((word, i) => {
      for (const other of byWordAt.get(`${name.type}|${name.keyWords.length}|${i}|${word}`) ?? []) {
        if (rank.get(other)! >= rank.get(name)! || (best && rank.get(best)! <= rank.get(other)!)) continue;
        if (other.keyWords.every((_, k) => sameWord(other, name, k))) best = other;
      }
    });
    return best;
  };

  // People: the longest name in the document whose words include all of this one's, ending the same way when possible.
  const fullNameOf = (name: Name) => {
    const containing = (peopleByWord.get(name.personWords.at(-1) ?? "") ?? []).filter(
      (other) => other.personWords.length > name.personWords.length && name.personWords.every((word) => other.personWords.includes(word)),
    );
    return containing.find((other) => other.personWords.at(-1) === name.personWords.at(-1)) ?? containing[0];
  };

  // Organisations: a name of two words or more that starts a longer organisation name in the document ("Islamic Movement").
  const fullOrganisationOf = (name: Name) => {
    const start = firstTwoWords(name);
    if (start === undefined) return undefined;
    return organisationsByStart
      .get(start)
      ?.find((other) => other.key.startsWith(name.key + " ") && !/^ (?:and|&) /.test(other.key.slice(name.key.length)));
  };

  // A name written in capitals (a headline, a dateline) takes the spelling the text uses elsewhere.
  const sameNameOf = (name: Name) => (ALL_CAPS.test(name.text) ? byKey.get(name.key)?.find((other) => !ALL_CAPS.test(other.text)) : undefined);

  const resolve = (name: Name): string => {
    if (name.type === "NORP") return fromTable(name) ?? groupBaseName(viaTable(sameNameOf(name)) ?? name.text);
    if (name.type === "PERSON") return viaTable(fullNameOf(name)) ?? viaTable(variantOf(name)) ?? viaTable(sameNameOf(name)) ?? name.text;
    const resolved =
      longFormOf(name) ??
      fromTable(name) ??
      viaTable(variantOf(name)) ??
      viaTable(sameNameOf(name)) ??
      (name.type === "ORG" ? viaTable(fullOrganisationOf(name)) : undefined) ??
      name.text.replace(/[’']s$/, "");
    return name.type === "GPE" ? placeBaseName(resolved) : resolved;
  };

  const canonicalOf = new Map<string, string>();
  for (const name of names) canonicalOf.set(name.text, resolve(name));
  return { ...doc, entities: entities.map((entity) => ({ ...entity, canonical: canonicalOf.get(entity.text)! })) };
}
