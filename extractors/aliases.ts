/**
 * Stage: canonical names. Each mention's `canonical` becomes the one name of
 * its entity, by these rules, first match wins:
 * 1. an acronym defined in the text ("Islamic Movement of Uzbekistan (IMU)")
 *    takes its long form's name;
 * 2. the shipped alias table (data/gazetteers/aliases.tsv: IS/ISIS/ISIL/Daesh
 *    -> Islamic State, US/U.S. -> United States …);
 * 3. a person named by part of a fuller name elsewhere in the document takes
 *    that name (Ghazi -> Usman Ghazi, Baghdadi -> Abu Bakr al-Baghdadi);
 * 4. spelling variants of a multi-word name in the document share the most
 *    frequent spelling (Usmon Ghazi / Usman Ghazi);
 * 5. an organisation's name cut short ("Islamic Movement") takes the full name;
 * 6. nationalities take their singular form (Uzbeks -> Uzbek).
 */
import { readFileSync } from "node:fs";
import type { Doc } from "../pipeline/document.ts";
import type { Entity } from "../pipeline/schema.ts";
import { inGazetteer } from "./ner/gazetteer.ts";

/** Folds what spelling variants differ in: case, periods, hyphens, curly quotes, a leading "the", a possessive. */
export function aliasKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/, "")
    .replace(/\./g, "")
    .replace(/[-\s]+/g, " ")
    .replace(/^the /, "")
    .trim();
}

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

/** Words of a name, with Arabic article prefixes set apart ("al-Baghdadi" -> "baghdadi"). */
const nameWords = (name: string) =>
  aliasKey(name)
    .split(" ")
    .filter((word) => !["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az"].includes(word));

/**
 * A consonant skeleton for transliteration variants: vowels after the first
 * letter dropped, doubled letters collapsed, letters that transliterations
 * swap merged (Usman/Usmon, Qasim/Kasim, Yuldashev/Yuldoshev).
 */
export function skeleton(word: string): string {
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
}

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
    if (ACRONYM_SHAPE.test(short.text) && isAcronymOf(short.text, long.text)) defined.set(aliasKey(short.text), long.text);
  }
  return defined;
}

function singularGroupName(name: string): string {
  if (name.endsWith("s") && (inGazetteer("demonym", name.slice(0, -1).toLowerCase()) || inGazetteer("country", name.slice(0, -1).toLowerCase())))
    return name.slice(0, -1);
  return name;
}

export function canonicalNames(doc: Doc): Doc {
  const entities = doc.entities;
  const acronyms = definedAcronyms(doc, entities);
  const fromTable = (name: string) => ALIASES.get(aliasKey(name));
  const longFormOf = (name: string) => {
    const longForm = acronyms.get(aliasKey(name));
    return longForm === undefined ? undefined : (fromTable(longForm) ?? longForm);
  };

  // Spelling variants: multi-word names of one type whose words match exactly or by skeleton, most frequent spelling first.
  const frequency = new Map<string, number>();
  for (const entity of entities) frequency.set(entity.text, (frequency.get(entity.text) ?? 0) + 1);
  const names = [...frequency.keys()].sort((a, b) => frequency.get(b)! - frequency.get(a)! || b.length - a.length);
  const typeOf = new Map(entities.map((entity) => [entity.text, entity.type]));
  const variantOf = (name: string) => {
    const words = aliasKey(name).split(" ");
    if (words.length < 2) return undefined;
    // Only a more frequent spelling (earlier in `names`) is a better name for this one.
    return names.slice(0, names.indexOf(name)).find((other) => {
      const otherWords = aliasKey(other).split(" ");
      return (
        typeOf.get(other) === typeOf.get(name) &&
        otherWords.length === words.length &&
        otherWords.some((word, i) => word === words[i]) &&
        otherWords.every((word, i) => word === words[i] || skeleton(word) === skeleton(words[i]!))
      );
    });
  };

  // People: the longest name in the document whose words include all of this one's, ending the same way when possible.
  const people = names.filter((name) => typeOf.get(name) === "PERSON").sort((a, b) => b.length - a.length);
  const fullNameOf = (name: string) => {
    const words = nameWords(name);
    const containing = people.filter((other) => {
      const otherWords = nameWords(other);
      return otherWords.length > words.length && words.every((word) => otherWords.includes(word));
    });
    return containing.find((other) => nameWords(other).at(-1) === words.at(-1)) ?? containing[0];
  };

  // Organisations: a name that is the start of a longer organisation name in the document ("Islamic Movement").
  const organisations = names.filter((name) => typeOf.get(name) === "ORG");
  const fullOrganisationOf = (name: string) => {
    const key = aliasKey(name);
    if (!key.includes(" ")) return undefined;
    return organisations.find((other) => aliasKey(other).startsWith(key + " "));
  };

  const resolve = (entity: Entity): string => {
    const name = entity.text;
    const viaTable = (found: string | undefined) => (found === undefined ? undefined : (fromTable(found) ?? longFormOf(found) ?? found));
    if (entity.type === "NORP") return fromTable(name) ?? singularGroupName(name);
    if (entity.type === "PERSON") return viaTable(fullNameOf(name)) ?? viaTable(variantOf(name)) ?? name;
    return (
      longFormOf(name) ??
      fromTable(name) ??
      viaTable(variantOf(name)) ??
      (entity.type === "ORG" ? viaTable(fullOrganisationOf(name)) : undefined) ??
      name.replace(/[’']s$/, "")
    );
  };

  return { ...doc, entities: entities.map((entity) => ({ ...entity, canonical: resolve(entity) })) };
}
