/**
 * The place mentions the event stage reads: the entity stage's places, plus
 * names the text itself marks as places when the tagger mistyped them
 * ("Barangay Taligaman" as PERSON) or cut them short ("Porto" of "Porto
 * Velho"). A capitalised name is a place when it stands where a place stands:
 *   before an administrative noun   "Zmiivka village", "Ichilo province";
 *   after a locative and before a hierarchy or another place
 *                                   "in Guaruja (Sao Paulo)", "near Zalizna Balka, Donetsk";
 *   after a locative, overlapping a place the tagger found
 *                                   "in Porto Velho" (tagged "Porto");
 *   coordinated with such a place   "in Tal Oke and Myin Sai villages";
 *   inside the hierarchy given after a place
 *                                   "in Dong village (Jos North, Plateau)".
 * The names of such a hierarchy are each within the one before them.
 */
import type { Entity, Time } from "../../pipeline/schema.ts";

const PLACE_TYPES = new Set(["GPE", "LOC", "FAC"]);

/** A word of a name: capitalised, with inner hyphens or apostrophes ("Mrauk-U", "Zolote-5", "D'Agua"). */
const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}]*(?:(?:-[\p{L}\p{N}]|['’](?!s\b)\p{L})[\p{L}\p{M}\p{N}]*)*`;
/** Lower-case particles inside place names in many languages: "Silao de la Victoria", "Kitaf wa Al Boqee", "Shakhta imeni Gagarina", "Patte d'Oie". */
const PARTICLE = String.raw`(?:de|del|de la|de las|de los|do|da|dos|das|du|des|di|al|el|ar|as|ad|an|ash|az|ez|es|ed|ul|wa|bin|ibn|imeni|la|le|en|van|von)`;
/** A name: capitalised words, optional particles between them, an optional trailing number ("Poblacion 1"). Not followed by "-occupied"; a possessive "’s" ends it. */
const NAME = String.raw`(?<![\p{L}\p{N}'’-])${WORD}(?:[ ](?:${PARTICLE}[ ]|[dl]['’])?${WORD}){0,5}(?:[ ]\d{1,3}(?![\d.,]\d))?(?![\p{L}\p{N}-]|['’](?!s\b))`;
/** Names in running text; the capital a name begins with is tested before the look-behind, which is dearer. */
const NAME_G = new RegExp(`(?=\\p{Lu})${NAME}`, "gu");
const PARTICLE_BEFORE = /\b(?:al|el|ar|as|ad|an|de|del|da|do|du)\s$/u;

/** Administrative units, settlements and landforms in many countries' terms; a name before one is a place. */
export const ADMIN_NOUNS =
  "villages?|towns?|city|cities|districts?|sub-?districts?|provinces?|regions?|states?|count(?:y|ies)|municipalit(?:y|ies)|communes?|barangays?|townships?|village\\s+tracts?|governorates?|departments?|prefectures?|oblasts?|rayons?|raions?|hromadas?|localit(?:y|ies)|woredas?|kebeles?|zones?|LGAs?|neighbou?rhoods?|suburbs?|wards?|tehsils?|upazilas?|sub-?count(?:y|ies)|parish(?:es)?|chiefdoms?|groupements?|territor(?:y|ies)|cantons?|arrondissements?|quarters?|colonias?|aldeas?|corregimientos?|veredas?|municipios?|distritos?|bairros?|favelas?|kampungs?|desas?|kelurahans?|kecamatans?|regenc(?:y|ies)|amphoes?|tambons?|fronts?|axis|areas?|hills?|valleys?|mountains?|plains?|desert|badia|forest|countryside|outskirts";
/**
 * "Zmiivka village", "Kalynotrav territorial community", "the Gire Tolan area Marben district", not "Village Council"
 * nor "the Ka Dung ward administrator": the noun heads no longer phrase.
 */
const ADMIN_AFTER = new RegExp(
  String.raw`^\s+(?:(?:territorial|rural|urban|municipal)\s+)?(?:${ADMIN_NOUNS})\b(?!\s+(?:\p{Lu}(?![\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2}\s+(?:${ADMIN_NOUNS})\b)|(?:administrators?|chiefs?|heads?|councils?|leaders?|officials?|police|authorities|government|militias?|residents?|elders?)\b))`,
  "u",
);
const SITE_AFTER = /^\s+(?:airport|market|checkpoint|junction|bridge|roundabout|mosque|church|school|hospital|prison)\b/u;
const LIST_GAP = /^\s*,\s*$/;
const COMMUNITY_AFTER = /^\s+(?:territorial\s+)?communit(?:y|ies)\b/u;
const ADMIN_NOUN = new RegExp(String.raw`^(?:${ADMIN_NOUNS})$`, "iu");
/** Designators written before the name: "Barangay Casili", "tambon Sateng". */
const DESIGNATORS = new Set(["barangay", "brgy", "brgy.", "tambon", "kampung", "desa", "aldea", "colonia"]);
/** A name whose own last word is an administrative noun: "Al Bayda City", "Sabon Birni LGA". */
const ADMIN_HEAD = /\s(?:City|Town|Village|District|Province|Governorate|Region|County|Municipality|Township|LGA)$/u;
/** Words before a name that put it in a locative slot: "in", "near", "the outskirts of", "rural". */
const LOCATIVES = new Set(
  "in near at around outside inside of to from toward towards between on over into across and nearby rural downtown central northern southern eastern western".split(" "),
);
/** Attack verbs whose object may be a place: "shelled Oleksandrivka, Donetsk", "invaded Ubeku community". */
const PLACE_OBJECT_VERBS = new Set("shelled bombed bombarded struck hit targeted attacked raided stormed invaded captured besieged overran".split(" "));

const WORD_CHAR = /[\p{L}\p{N}.'’-]/u;
const SPACE = /\s/;

/** WORD_CHAR's test, with ASCII read from the character code (most text) and the pattern kept for the rest. */
function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code >= 128) return WORD_CHAR.test(ch);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 39 || code === 45;
}

/** SPACE's test, likewise: ASCII white space is the space and \t \n \v \f \r. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 128 ? SPACE.test(ch) : code === 32 || (code >= 9 && code <= 13);
}

/** The (up to) three words before `pos`, nearest first, lower-cased; it stops at punctuation ("(Jos North": none). */
function wordsBefore(text: string, pos: number): string[] {
  const words: string[] = [];
  let i = pos;
  while (words.length < 3) {
    let end = i;
    while (end > 0 && isSpace(text[end - 1]!)) end--;
    let start = end;
    while (start > 0 && isWordChar(text[start - 1]!)) start--;
    if (start === end) break;
    words.push(text.slice(start, end).toLowerCase());
    i = start;
  }
  return words;
}

/** "village of Tambongou", "the town of Ber", "Barangay Poblacion": a designator before the name. */
function designated(words: string[]): boolean {
  const [w1, w2, w3] = words[0] === "the" ? words.slice(1) : words;
  return (w1 !== undefined && DESIGNATORS.has(w1)) || (w1 === "of" && w2 !== undefined && ADMIN_NOUN.test(w2)) || (w1 === "of" && w2 === "the" && w3 !== undefined && ADMIN_NOUN.test(w3));
}

/** "in Guaruja", "near the Lobacheve": a locative word before the name (an article between). */
const locative = (words: string[]) => LOCATIVES.has((words[0] === "the" ? words[1] : words[0]) ?? "");
const afterVerb = (words: string[]) => PLACE_OBJECT_VERBS.has(words[0] ?? "");
/** After a name, what makes it a place when a locative precedes it: a hierarchy "(Sao Paulo)", ", Donetsk." or ", Donetsk with mortars". */
const HIERARCHY_AFTER = new RegExp(String.raw`^\s*(?:\([^()\p{Lu}]*\)\s*)?\(\s*${NAME}\s*[,)]|^,\s*${NAME}\s*(?:[,.;(]|\s+(?:${ADMIN_NOUNS}|with|using|killing|injuring|wounding|hitting|damaging|destroying)\b|$)`, "u");
/** What every HIERARCHY_AFTER begins with, a bracket or a comma: a cheap test before the long pattern. */
const HIERARCHY_OPENS = /^(?:\s*\(|,)/;
const hierarchyAfter = (after: string) => HIERARCHY_OPENS.test(after) && HIERARCHY_AFTER.test(after);
/** A hierarchy of two names in brackets after a name: "(Al Maslub, Al Jawf)". */
const TWO_LEVELS_AFTER = new RegExp(String.raw`^\s*\(\s*${NAME}\s*,\s*${NAME}\s*[,)]`, "u");
/** A clause's end right after a name. */
const END_AFTER = /^\s*[.;]/;
const AND_AFTER = /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$/;

interface Candidate {
  start: number;
  end: number;
  text: string;
  place: boolean;
}

/** All-capital names ("UNPAX camp") are organisations more often than places. */
const ACRONYM = /^[\p{Lu}\d-]+$/u;
/** The last word of an organisation's name: "Democratic Party", "Yaw Defense Force", "Al Mu'tasim Brigade". */
const ORG_HEAD =
  /\s(?:Security|Unit|Command|Party|Force|Forces|Brigade|Brigades|Battalion|Regiment|Division|Organi[sz]ation|Army|Movement|Union|Council|Committee|Group|Company|Corporation|Bank|University|College|School|Police|Service|Ministry|Government|Front|Alliance|Coalition|Network|Militia|Association|Federation|Agency|Commission|Court|Guard|Guards|Party's)$/u;

/** The names of the text within [from, to), in order. */
function namesIn(text: string, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  NAME_G.lastIndex = from;
  for (let m = NAME_G.exec(text); m && m.index + m[0].length <= to; m = NAME_G.exec(text))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], place: false });
  return out;
}

/** Whether an entity (of `type`, if given) overlaps candidate `c`. */
const overlapsEntity = (entities: readonly Entity[], c: Candidate, type?: Entity["type"]) =>
  entities.some((e) => e.start < c.end && c.start < e.end && (type === undefined || e.type === type));

/** Between two names of a hierarchy: "(", ", ", " village (", " district, ". */
const HIERARCHY_GAP = new RegExp(String.raw`^(?:\s+(?:${ADMIN_NOUNS}))?\s*[,(]\s*$`, "u");
/** What ends a name of a hierarchy: a comma, a bracket, a stop, an administrative noun ("Kherson region"). */
const HIERARCHY_END = new RegExp(String.raw`^(?:\s+(?:${ADMIN_NOUNS}))?\s*(?:[,.;()\]]|$)`, "u");

/**
 * The place mentions within [from, to) of a text (a document, or one of its
 * sentences with that sentence's entities and times), sorted: names the text
 * marks as places (typed GPE, canonical = the entity's canonical when spans
 * agree, else the text), and the entity stage's places that none of them
 * overlaps.
 */
export function placeMentions(
  source: { text: string; entities: readonly Entity[]; times?: readonly Time[] },
  /** Canonical names of PERSON/ORG mentions that the text uses only as places. */
  placeLike: ReadonlySet<string> = new Set(),
  from = 0,
  to = source.text.length,
): Entity[] {
  const { text } = source;
  const tagged = source.entities.filter((e) => PLACE_TYPES.has(e.type) || placeLike.has(e.canonical)).sort(byStart);
  const taggedAt = new Map(tagged.map((e) => [e.start, e]));
  // Times ("March 2022") and nationalities ("the Fulani community") are no places.
  // A nationality after a particle is part of a place's name: "Ain al Arab".
  const nationalities = source.entities.filter((e) => e.type === "NORP" && !PARTICLE_BEFORE.test(text.slice(Math.max(0, e.start - 4), e.start)));
  const excluded = [...(source.times ?? []), ...nationalities].sort(byStart);
  const candidates = withoutOverlaps(namesIn(text, from, to), excluded);
  const taggedPerson = (c: Candidate) => overlapsEntity(source.entities, c, "PERSON");
  const taggedAny = (c: Candidate) => overlapsEntity(source.entities, c);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    // "STF, DRG, and CRPF", "the Kurdistan Democratic Party": acronyms and organisations' names are left to the tagger.
    if (ACRONYM.test(c.text) || ORG_HEAD.test(c.text)) continue;
    const before = wordsBefore(text, c.start);
    const after = text.slice(c.end, c.end + 80);
    const next = candidates[i + 1];
    const previous = candidates[i - 1];
    c.place =
      ADMIN_AFTER.test(after) ||
      // "invaded Ubeku community", not "members of the Fulani community".
      (COMMUNITY_AFTER.test(after) && before[0] !== "the") ||
      designated(before) ||
      // "..., Dunmore LGA (Kesh)": a name whose own last word is an administrative noun, anywhere unless it names an
      // organisation ("Islamic State Khorasan Province").
      (ADMIN_HEAD.test(c.text) && (locative(before) || afterVerb(before) || !overlapsEntity(source.entities, c, "ORG"))) ||
      // A verb's object is a place only with a hierarchy after it, and when the tagger saw no person unless the hierarchy
      // has two levels: "shelled Avdiivka, Donetsk", "targeted As Sahira (Al Marwan, Al Dunayr)".
      (afterVerb(before) && hierarchyAfter(after) && (!taggedPerson(c) || TWO_LEVELS_AFTER.test(after))) ||
      // "in Sela Mor, Gire Avan and Kani Dor areas": a name inside a list whose last name is a place.
      (previous !== undefined && LIST_GAP.test(text.slice(previous.end, c.start)) && next !== undefined && next.place && AND_AFTER.test(text.slice(c.end, next.start))) ||
      (locative(before) &&
        (hierarchyAfter(after) ||
          // "near Hasan Dirir airport": a site named after its place.
          SITE_AFTER.test(after) ||
          // An untagged name closing its clause: "near Kalynove-Borshchuvate."
          (END_AFTER.test(after) && !taggedAny(c)) ||
          taggedAt.has(c.start) ||
          (next !== undefined && next.place && AND_AFTER.test(text.slice(c.end, next.start)))));
  }
  // The hierarchy after a place: "(Jos North, Plateau)", ", Butuan City (Agusan del Norte, Caraga)".
  for (let i = 0; i + 1 < candidates.length; i++) {
    if (!candidates[i]!.place) continue;
    for (let j = i + 1; j < candidates.length; j++) {
      const next = candidates[j]!;
      const gap = text.slice(candidates[j - 1]!.end, next.start);
      if (!HIERARCHY_GAP.test(gap) || !HIERARCHY_END.test(text.slice(next.end, next.end + 40))) break;
      next.place = true;
    }
  }
  const recovered: Entity[] = [];
  for (const c of candidates) {
    if (!c.place) continue;
    const same = taggedAt.get(c.start);
    const exact = same && same.end === c.end;
    recovered.push({ start: c.start, end: c.end, text: c.text, type: exact ? same.type : "GPE", canonical: exact ? same.canonical : c.text });
  }
  return [...recovered, ...withoutOverlaps(tagged, recovered)].sort(byStart);
}

/** Whether a capitalised name is an organisation's by its last word: "Al Mu'tasim Brigade", "Aden Security", "State Agency". */
export const isOrgName = (name: string) => ORG_HEAD.test(name.replace(/['’]s$/, ""));

const byStart = <T extends { start: number }>(a: T, b: T) => a.start - b.start;

/** The items of sorted `items` that overlap none of sorted `others`, by one sweep. */
function withoutOverlaps<T extends { start: number; end: number }>(items: T[], others: readonly { start: number; end: number }[]): T[] {
  let k = 0;
  return items.filter((item) => {
    while (k < others.length && others[k]!.end <= item.start) k++;
    const other = others[k];
    return !other || other.start >= item.end;
  });
}
