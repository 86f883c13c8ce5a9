/**
 * Regenerates data/gazetteers/compromise/*.txt from compromise's lexicon (MIT),
 * so the NER tagger's gazetteer features load plain word lists at run time.
 * Usage: node --import tsx scripts/build-gazetteers.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import nlp from "compromise";

const OUT_DIR = "data/gazetteers/compromise";

/** Our gazetteer category for each compromise tag. */
const CATEGORY_OF_TAG: Record<string, string> = {
  Country: "country",
  City: "city",
  Region: "region",
  Place: "place",
  Demonym: "demonym",
  FirstName: "firstname",
  MaleName: "firstname",
  FemaleName: "firstname",
  LastName: "lastname",
  Person: "person",
  Organization: "org",
  SportsTeam: "org",
  Honorific: "title",
  // Ordinary English words: a capitalized one is less likely a name.
  Adjective: "common",
  Singular: "common",
  Plural: "common",
  Noun: "common",
  Uncountable: "common",
  Infinitive: "common",
  PresentTense: "common",
  PastTense: "common",
  Gerund: "common",
  Participle: "common",
  Adverb: "common",
  Comparative: "common",
  Superlative: "common",
  Preposition: "common",
  Conjunction: "common",
  Determiner: "common",
  Pronoun: "common",
  Actor: "common",
  Month: "common",
  WeekDay: "common",
};

const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world()
  .model.one.lexicon;

const lists = new Map<string, Set<string>>();
for (const [word, value] of Object.entries(lexicon)) {
  for (const tag of Array.isArray(value) ? value : [value]) {
    const category = CATEGORY_OF_TAG[tag];
    // Place holds postal abbreviations ("rd", "fla"); names of three letters or fewer are too ambiguous.
    if (!category || (category === "place" && word.length <= 3) || (category === "common" && word.includes(" "))) continue;
    if (!lists.has(category)) lists.set(category, new Set());
    lists.get(category)!.add(word);
  }
}

mkdirSync(OUT_DIR, { recursive: true });
for (const [category, words] of lists) {
  writeFileSync(`${OUT_DIR}/${category}.txt`, [...words].sort().join("\n") + "\n");
  console.log(`${category}: ${words.size}`);
}
