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

type Position = "U" | "B" | "I" | "L";

/**
 * A token's gazetteer matches ("category:position"). Equal lists are one
 * object, numbered in the order gazetteerFeatures first returns them, so
 * the lists met in text have small consecutive ids to cache by.
 */
export interface MatchList {
  readonly id: number;
  readonly names: readonly string[];
}
/** A MatchList, numbered (id >= 0) once returned. */
interface ListOfMatches {
  id: number;
  readonly names: readonly string[];
}
const matchList = (names: readonly string[]): ListOfMatches => ({ id: -1, names });
let returnedLists = 0;

/** A word of a name in the trie of names: the names ending here, and the words that continue one. */
export interface NameNode {
  /** The matches of each position in the names ending here, or undefined if none ends here. */
  matches?: Record<Position, ListOfMatches>;
  next?: Map<string, NameNode>;
}

/** The trie of the tagger's gazetteer names, by word, so that matching builds no strings. */
const NAMES = new Map<string, NameNode>();
/** The categories of the names ending at each node, in FEATURE_CATEGORIES order. */
const categoriesEnding = new Map<NameNode, string[]>();
for (const category of FEATURE_CATEGORIES) {
  for (const name of GAZETTEERS.get(category) ?? []) {
    let node: NameNode | undefined;
    for (const word of name.split(" ")) {
      const level = node ? (node.next ??= new Map()) : NAMES;
      node = level.get(word);
      // Both fields from the start, so that every node has one shape for the matcher's loop.
      if (!node) level.set(word, (node = { matches: undefined, next: undefined }));
    }
    const categories = categoriesEnding.get(node!);
    if (!categories) categoriesEnding.set(node!, [category]);
    else if (categories.at(-1) !== category) categories.push(category);
  }
}
/**
 * One list per distinct set of matches, shared by every name that has it,
 * and one record of the four per distinct set of categories.
 */
const matchesByCategories = new Map<string, Record<Position, ListOfMatches>>();
for (const [node, categories] of categoriesEnding) {
  const key = categories.join(" ");
  let matches = matchesByCategories.get(key);
  if (!matches) {
    const at = (position: Position) => matchList(categories.map((category) => `${category}:${position}`));
    matchesByCategories.set(key, (matches = { U: at("U"), B: at("B"), I: at("I"), L: at("L") }));
  }
  node.matches = matches;
}

/** The trie node of the names starting with the lowercased word `lower`, if any. */
export function firstNameNode(lower: string): NameNode | undefined {
  return NAMES.get(lower);
}

const NO_MATCHES: ListOfMatches = { id: returnedLists++, names: [] };
export const NO_MATCH: MatchList = NO_MATCHES;
/** The match lists of tokens in two names (list -> list -> both), kept so that equal lists stay one object. */
const BOTH = new Map<ListOfMatches, Map<ListOfMatches, ListOfMatches>>();
function both(a: ListOfMatches, b: ListOfMatches): ListOfMatches {
  if (a === NO_MATCHES) return b;
  let withA = BOTH.get(a);
  if (!withA) BOTH.set(a, (withA = new Map()));
  let joined = withA.get(b);
  if (!joined) withA.set(b, (joined = matchList([...a.names, ...b.names])));
  return joined;
}

/**
 * Gazetteer features for each token of a sentence (lowercased words, and
 * where their names start, from firstNameNode): for the longest name
 * starting at each token, "category:position" with position U (one-word
 * name), B, I or L, on every token it covers.
 */
export function gazetteerFeatures(words: readonly { lower: string; names: NameNode | undefined }[]): MatchList[] {
  const features: ListOfMatches[] = new Array(words.length).fill(NO_MATCHES);
  for (let i = 0; i < words.length; i++) {
    let matchEnd = -1;
    let matches: Record<Position, ListOfMatches> | undefined;
    let node = words[i]!.names;
    for (let j = i; node; ) {
      if (node.matches) {
        matchEnd = j;
        matches = node.matches;
      }
      if (++j >= words.length) break;
      node = node.next?.get(words[j]!.lower);
    }
    if (!matches) continue;
    if (matchEnd === i) features[i] = both(features[i]!, matches.U);
    else
      for (let k = i; k <= matchEnd; k++) features[k] = both(features[k]!, k === i ? matches.B : k === matchEnd ? matches.L : matches.I);
  }
  for (const list of features) if (list.id < 0) list.id = returnedLists++;
  return features;
}
