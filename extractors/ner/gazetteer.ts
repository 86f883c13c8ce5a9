/**
 * Gazetteers for the NER tagger and the type mapper: the word lists in
 * data/gazetteers/*.txt (hand-written) and data/gazetteers/compromise/*.txt
 * (generated from compromise's lexicon by scripts/build-gazetteers.ts), one
 * name a line, matched case-insensitively on tagger tokens. Loaded once.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

const GAZETTEER_DIRS = ["../../data/gazetteers/", "../../data/gazetteers/compromise/"].map(
  (dir) => new URL(dir, import.meta.url),
);

function readLists(): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  for (const dir of GAZETTEER_DIRS) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".txt"))) {
      const category = file.slice(0, -4);
      const names = lists.get(category) ?? new Set<string>();
      for (const line of readFileSync(new URL(file, dir), "utf8").split("\n")) {
        const name = line.trim().toLowerCase();
        if (name && !name.startsWith("#")) names.add(name.replace(/\s+/g, " "));
      }
      lists.set(category, names);
    }
  }
  return lists;
}

export const GAZETTEERS: ReadonlyMap<string, ReadonlySet<string>> = readLists();

/** Whether the lowercased `name` (tokens joined by single spaces) is in the list `category`. */
export function inGazetteer(category: string, name: string): boolean {
  return GAZETTEERS.get(category)?.has(name) ?? false;
}

/** Categories the tagger uses as features (the others only serve the type mapper). */
const FEATURE_CATEGORIES = ["country", "city", "region", "place", "loc", "demonym", "firstname", "lastname", "person", "org", "title", "orgword", "facword", "locword", "common"];

/** name -> its categories, and every proper prefix of a multi-word name (so matching can stop early). */
const categoriesOf = new Map<string, string[]>();
const prefixes = new Set<string>();
let longestName = 1;
for (const category of FEATURE_CATEGORIES) {
  for (const name of GAZETTEERS.get(category) ?? []) {
    const words = name.split(" ");
    longestName = Math.max(longestName, words.length);
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(" "));
    const list = categoriesOf.get(name);
    if (list) {
      if (!list.includes(category)) list.push(category);
    } else categoriesOf.set(name, [category]);
  }
}

/** "category:position" for every category and position, built once (the tagger caches weights by these strings). */
const MATCH_NAMES = new Map(FEATURE_CATEGORIES.map((category) => [category, { U: `${category}:U`, B: `${category}:B`, I: `${category}:I`, L: `${category}:L` }]));
const NO_MATCH: readonly string[] = [];

/**
 * Gazetteer features for each token of a sentence (lowercased words): for the
 * longest name starting at each token, "category:position" with position
 * U (one-word name), B, I or L, on every token it covers.
 */
export function gazetteerFeatures(lowerWords: readonly string[]): (readonly string[])[] {
  const features: (readonly string[])[] = new Array(lowerWords.length).fill(NO_MATCH);
  for (let i = 0; i < lowerWords.length; i++) {
    let key = lowerWords[i]!;
    let matchEnd = -1;
    let matchCategories: string[] | undefined;
    for (let j = i; j < lowerWords.length && j - i < longestName; j++) {
      if (j > i) key += " " + lowerWords[j];
      const categories = categoriesOf.get(key);
      if (categories) {
        matchEnd = j;
        matchCategories = categories;
      }
      if (!prefixes.has(key)) break;
    }
    if (!matchCategories) continue;
    for (let k = i; k <= matchEnd; k++) {
      const position = matchEnd === i ? "U" : k === i ? "B" : k === matchEnd ? "L" : "I";
      const matches = features[k] === NO_MATCH ? [] : [...features[k]!];
      for (const category of matchCategories) matches.push(MATCH_NAMES.get(category)![position]);
      features[k] = matches;
    }
  }
  return features;
}
