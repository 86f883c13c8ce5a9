/**
 * What the event extractors know about a document beyond one sentence: its
 * units (sentences, each with its entity and time mentions), the organisation
 * the article is about, who leads which group, and how "it", "they" and
 * "the group" resolve.
 */
import type { Doc } from "../../pipeline/document.ts";
import type { Entity, Time } from "../../pipeline/schema.ts";
import { casualties, type Casualties } from "../numbers.ts";
import { ADMIN_NOUNS, placeMentions } from "./places.ts";

export interface Unit {
  index: number;
  start: number;
  end: number;
  text: string;
  entities: Entity[];
  times: Time[];
}

export interface Context {
  doc: Doc;
  units: Unit[];
  /** Canonical name of the organisation the article is mostly about. */
  topic?: string;
  /** Person canonical → canonical of the group they lead ("IMU leader Usmon Ghazi"). */
  leaders: Map<string, string>;
  /** Whether one place lies within the other, as the article itself says ("Tajikistan’s Danghara district"). */
  within: PlaceRelation;
  /** A unit's place mentions, with names the text marks as places that the tagger mistyped or cut short (places.ts); read on first use. */
  places: (unit: Unit) => Entity[];
  /** Names typed PERSON or ORG that the text only ever uses as places ("near Verhknya Krynka", "in Diego Martin"). */
  placeLike: Set<string>;
  /** Each unit's casualty figures, read once. */
  tolls: Map<number, Casualties>;
  /** Units that state an attack, as list items and then sentences are read in order (index.ts): a later sentence that continues their report restates it. */
  attacked: Set<number>;
}

/** The casualty figures a unit states, read once per document. */
export function tollOf(ctx: Context, unit: Unit): Casualties {
  let toll = ctx.tolls.get(unit.index);
  if (!toll) {
    toll = casualties(unit.text);
    ctx.tolls.set(unit.index, toll);
  }
  return toll;
}

/** A locative slot before a name: "in", "near", "the village of", "shelled". */
export const LOCATIVE_BEFORE =
  /\b(?:in|near|at|over|outside|around|(?:village|town|city|district|area|municipality|township|province|region|commune)\s+of|shelled|bombed|bombarded)\s+(?:the\s+)?$/i;

/** PERSON/ORG names whose every mention stands in a locative slot: the tagger's misses of unfamiliar places. */
export function placeLikeNames(doc: Pick<Doc, "text" | "entities">): Set<string> {
  const locative = new Map<string, boolean>();
  for (const entity of doc.entities) {
    if (entity.type !== "PERSON" && entity.type !== "ORG") continue;
    const isLocative = LOCATIVE_BEFORE.test(doc.text.slice(Math.max(0, entity.start - 40), entity.start));
    locative.set(entity.canonical, (locative.get(entity.canonical) ?? true) && isLocative);
  }
  return new Set([...locative].filter(([, only]) => only).map(([name]) => name));
}

/** Nouns of administrative units and of the sites in them: "Hasan Dirir airport in Wardale town", "Ranigaon police station limits in Kestapur district". */
const PLACE_NOUNS = String.raw`${ADMIN_NOUNS}|camp|mountain|forest|airport|market|checkpoint|junction|bridge|base|mosque|church|school|hospital|prison|roundabout|(?:police\s+)?station(?:\s+limits)?`;

/**
 * Between a place and the wider one after it: ", ", " (", " village, in ", " quarter in the town of ", " area (Kurdish name) in ",
 * " village in the southern countryside of ", " [alias] (", and from a bracketed alias to the hierarchy after it: "] (".
 */
const CONTAINED_GAP = new RegExp(
  String.raw`^\]?(?:\s*(?:${PLACE_NOUNS}))*\s*(?:\([^()]*\)\s*|\[[^[\]]*\]\s*)?(?:,|\(|\[|,?\s*\b(?:in|of|within|under)\b(?:\s+the)?(?:\s+(?:rural|[a-z]+ern|central))?(?:\s+(?:${ADMIN_NOUNS}|capital)(?:\s+of(?:\s+the)?)?)?)\s*$`,
  "iu",
);
/** Only place nouns between two names: "the Gire Tolan area Marben district", "Calanleey village neighborhood Kismayo town". */
const NOUNS_ONLY_GAP = new RegExp(String.raw`^(?:\s+(?:${PLACE_NOUNS}))+\s+$`, "iu");
/** Names in a list: "in Sela Mor, Gire Avan and Kani Dor areas in Velm region" puts each in Velm. */
const COORDINATED_GAP = /^(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)$/i;

/** The document's place mentions as the event stage reads them (places.ts, with the names used only as places). */
export const placesOf = (doc: Pick<Doc, "text" | "entities" | "times">) => placeMentions(doc, placeLikeNames(doc));

/** Whether place `inner` lies within place `outer` (canonical names). */
export type PlaceRelation = (inner: string, outer: string) => boolean;

/**
 * Containment the text states by juxtaposition: "Tajikistan’s Danghara
 * district", "Kandahar, Afghanistan", "Bria (Samba-Boungou, Bria, Haute-Kotto)".
 */
export function placeRelation(doc: Pick<Doc, "text" | "entities" | "times">, mentions: readonly Entity[] = placeMentions(doc)): PlaceRelation {
  const parents: Parents = new Map();
  linkAdjacent(doc.text, mentions, parents);
  return (inner, outer) => reaches(parents, inner, outer);
}

const PLACE_TYPES = new Set(["GPE", "LOC", "FAC"]);

/** Place canonical → the canonicals of the places the text puts it in. */
type Parents = Map<string, Set<string>>;

/** Links each of sorted `mentions` to the next when the text between them states containment. */
function linkAdjacent(text: string, mentions: readonly Entity[], parents: Parents): void {
  const link = (inner: Entity, outer: Entity) => {
    if (inner.canonical === outer.canonical) return;
    const set = parents.get(inner.canonical) ?? new Set<string>();
    set.add(outer.canonical);
    parents.set(inner.canonical, set);
  };
  // The names of a list before the current mention, which take the place the list is put in.
  let list: Entity[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    const gap = text.slice(a.end, b.start);
    if (/^(?:'s|’s)\s+$/.test(gap)) link(b, a);
    // "Kandahar, Afghanistan", "Bria (Bria, Haute-Kotto)", "Sakho village in Begusarai district", "Khiwaylia town in Tadmor".
    else if (CONTAINED_GAP.test(gap) || NOUNS_ONLY_GAP.test(gap)) {
      link(a, b);
      for (const item of list) link(item, b);
    }
    list = COORDINATED_GAP.test(gap) ? [...list, a] : [];
  }
}

/** Whether `outer` is an ancestor of `inner`. */
function reaches(parents: Parents, inner: string, outer: string): boolean {
  const seen = new Set<string>();
  const queue = [inner];
  while (queue.length) {
    const place = queue.pop()!;
    for (const parent of parents.get(place) ?? []) {
      if (parent === outer) return true;
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return false;
}

/**
 * Containment read on the first question, from each sentence's places: the
 * full reading (places.ts) where a frame already asked for it, the tagger's
 * places elsewhere (reading every sentence in full would cost more than
 * merging gains).
 */
function sentenceRelation(doc: Doc, units: readonly Unit[], placesRead: (unit: Unit) => Entity[] | undefined, placeLike: ReadonlySet<string>): PlaceRelation {
  let parents: Parents | undefined;
  return (inner, outer) => {
    if (!parents) {
      parents = new Map();
      for (const unit of units) {
        const places = placesRead(unit) ?? unit.entities.filter((e) => PLACE_TYPES.has(e.type) || placeLike.has(e.canonical));
        linkAdjacent(doc.text, places, parents);
      }
    }
    return reaches(parents, inner, outer);
  };
}

/** A resolved participant: a canonical name, or the text's own words where it names no entity. */
export interface Participant {
  value: string;
  type?: Entity["type"];
  start: number;
  end: number;
}

const byStart = <T extends { start: number }>(a: T, b: T) => a.start - b.start;

/** Entities and times of each sentence, by one sweep over the sorted layers. */
export function buildUnits(doc: Doc): Unit[] {
  const entities = [...doc.entities].sort(byStart);
  const times = [...doc.times].sort(byStart);
  let e = 0;
  let t = 0;
  return doc.sentences.map((sentence, index) => {
    while (e < entities.length && entities[e]!.start < sentence.start) e++;
    while (t < times.length && times[t]!.start < sentence.start) t++;
    const unit: Unit = {
      index,
      start: sentence.start,
      end: sentence.end,
      text: doc.text.slice(sentence.start, sentence.end),
      entities: [],
      times: [],
    };
    for (let i = e; i < entities.length && entities[i]!.start < sentence.end; i++) unit.entities.push(entities[i]!);
    for (let i = t; i < times.length && times[i]!.start < sentence.end; i++) unit.times.push(times[i]!);
    return unit;
  });
}

/** The ORG mentioned most often (ties: the first mentioned). */
export function topicOrg(entities: readonly Entity[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entity of entities) if (entity.type === "ORG") counts.set(entity.canonical, (counts.get(entity.canonical) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, count] of counts)
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  return best;
}

export const ROLE_WORDS =
  "leader|emir|amir|chief|head|commander|founder|co-founder|mufti|spokesman|spokesperson|caliph|president|chairman|deputy";
const ROLE_BEFORE_PERSON = new RegExp(
  `(?:'s|’s)?\\s+(?:[a-z-]+\\s+){0,2}?(?:${ROLE_WORDS})\\s*,?\\s+(?:(?:Sheikh|Mullah|Mawlawi|Maulana|Dr\\.?|General|Commander|Emir|Amir|Mufti)\\s+)?$`,
);
/** Roles whose holder speaks for the group: a leader's pledge is the group's pledge. */
const LEADING_ROLE = /\b(?:leader|emir|amir|chief|head|commander|caliph)$/i;
const LEADING_ROLE_AFTER = /^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:leader|emir|amir|chief|head|commander|caliph)\b/;
const GROUP_DESCRIPTION = /\b(?:the|this|that) (?:[a-z-]+ ){0,2}?(?:group|organi[sz]ation|movement|outfit|network|faction)(?:'s|’s)?$/i;

/** Person → group, from "<ORG> leader <PERSON>", "<PERSON>, the <ORG>'s leader" and "the group's spiritual leader, <PERSON>". */
export function leaderMap(doc: Doc, topic: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  const orgsByEnd = new Map<number, Entity>();
  const orgsByStart = new Map<number, Entity>();
  for (const entity of doc.entities)
    if (entity.type === "ORG") {
      orgsByEnd.set(entity.end, entity);
      orgsByStart.set(entity.start, entity);
    }
  for (const person of doc.entities) {
    if (person.type !== "PERSON" || map.has(person.canonical)) continue;
    const windowStart = Math.max(0, person.start - 80);
    const role = ROLE_BEFORE_PERSON.exec(doc.text.slice(windowStart, person.start));
    if (role && LEADING_ROLE.test(role[0].replace(/[\s,]+(?:Sheikh|Mullah|Mawlawi|Maulana|Dr\.?|General|Commander|Emir|Amir|Mufti)?\s*$/, ""))) {
      const at = windowStart + role.index;
      const org = orgsByEnd.get(at);
      if (org) map.set(person.canonical, org.canonical);
      else if (topic && GROUP_DESCRIPTION.test(doc.text.slice(Math.max(0, at - 40), at))) map.set(person.canonical, topic);
      continue;
    }
    // "Usman Ghazi, the IMU's leader since 2012"
    const after = doc.text.slice(person.end, person.end + 80);
    const lead = /^,?\s+(?:the\s+)?/.exec(after);
    const org = lead && orgsByStart.get(person.end + lead[0].length);
    if (org && LEADING_ROLE_AFTER.test(doc.text.slice(org.end, org.end + 40)))
      map.set(person.canonical, org.canonical);
  }
  return map;
}

export function buildContext(doc: Doc): Context {
  const topic = topicOrg(doc.entities);
  const placeLike = placeLikeNames(doc);
  const unitPlaces = new Map<number, Entity[]>();
  const places = (unit: Unit) => {
    let found = unitPlaces.get(unit.index);
    if (!found) {
      found = placeMentions({ text: doc.text, entities: unit.entities, times: unit.times }, placeLike, unit.start, unit.end);
      unitPlaces.set(unit.index, found);
    }
    return found;
  };
  const units = buildUnits(doc);
  return {
    doc,
    units,
    topic,
    leaders: leaderMap(doc, topic),
    within: sentenceRelation(doc, units, (unit) => unitPlaces.get(unit.index), placeLike),
    places,
    placeLike,
    tolls: new Map(),
    attacked: new Set(),
  };
}

/** Pronouns and definite descriptions that stand for an organisation. */
export const ORG_ANAPHOR =
  /\b(?:it|its|itself|they|their|them|we|our|the (?:[a-z-]+ ){0,2}?(?:group|organi[sz]ation|movement|outfit|network|faction))\b/gi;
export const PERSON_ANAPHOR = /^(?:he|his|him|she|her)$/i;

/** Words after which a name is an adjunct, not the clause's subject. */
const PREPOSITION_BEFORE =
  /\b(?:of|from|with|alongside|to|against|by|for|in|on|at|about|into|than|between|among|amongst|like|including|toward|towards|under|behind|across|near|inside|within|over|through|via|targeting|accused|blamed)\s+(?:(?:the|a|an)\s+)?$/i;

/** Whether a mention starting at `start` sits in a prepositional phrase. */
export function isAdjunct(text: string, start: number): boolean {
  return PREPOSITION_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** A group the sentence before introduces: "founded a militant organization, Adolat, in 1991" (then "the group" is Adolat). */
const INTRODUCED_BEFORE = /\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|movement|outfit|network|faction)\s*,\s*$/i;

/**
 * What an anaphor at `pos` of `unit` stands for. Pronouns take the latest
 * organisation before them in the sentence, else the previous sentence's
 * first organisation outside a prepositional phrase, else the article's
 * topic; descriptions ("the group") take a group the sentence before
 * introduces, else the topic.
 */
export function resolveAnaphor(ctx: Context, unit: Unit, phrase: string, pos: number, exclude?: string): string | undefined {
  if (PERSON_ANAPHOR.test(phrase)) {
    const here = unit.entities.filter((e) => e.type === "PERSON" && e.end <= pos && e.canonical !== exclude).at(-1);
    if (here) return here.canonical;
    for (let back = 1; back <= 3; back++) {
      const person = ctx.units[unit.index - back]?.entities.find((e) => e.type === "PERSON");
      if (person) return person.canonical;
    }
    return undefined;
  }
  if (/^the\b/i.test(phrase)) {
    // "The Islamic Jihad Group, later renamed …, formed in 2002 …; the group cooperated": the sentence's own subject.
    const subject = unit.entities[0];
    const opens = subject && subject.type === "ORG" && subject.end <= pos && /^(?:the\s+)?$/i.test(ctx.doc.text.slice(unit.start, subject.start));
    const introduced = ctx.units[unit.index - 1]?.entities.find(
      (e) => e.type === "ORG" && e.canonical !== exclude && INTRODUCED_BEFORE.test(ctx.doc.text.slice(Math.max(0, e.start - 50), e.start)),
    );
    const value = opens && subject.canonical !== exclude ? subject.canonical : (introduced?.canonical ?? ctx.topic);
    return value !== exclude ? value : undefined;
  }
  // The latest organisation before the pronoun that is no adjunct and no parenthetical alias.
  const here = unit.entities
    .filter((e) => e.type === "ORG" && e.end <= pos && e.canonical !== exclude)
    .filter((e) => !isAdjunct(ctx.doc.text, e.start) && ctx.doc.text[e.start - 1] !== "(")
    .at(-1);
  if (here) return here.canonical;
  const previous = ctx.units[unit.index - 1]?.entities.find(
    (e) => e.type === "ORG" && e.canonical !== exclude && !isAdjunct(ctx.doc.text, e.start),
  );
  const value = previous?.canonical ?? ctx.topic;
  return value !== exclude ? value : undefined;
}

/** What ties a person named just before to a group: "who claimed to be from", ", a member of", "of". */
const MEMBER_OF = /^,?\s+(?:who\s+(?:[a-z]+\s+){0,2}?(?:to\s+be\s+)?(?:from|of)|(?:an?\s+)?(?:member|fighter|commander|militant|leader)\s+of|from|of)\s+(?:the\s+)?/i;
const GROUP_OF_PEOPLE = /^(?:a|an|some)\s+(?:group|band|cell|faction)\s+of\s+\p{Lu}[\p{L}’'-]*/u;

/**
 * The group a person belongs to, as the article says: the group they lead,
 * else one named right after a mention of them in this sentence or the one
 * before ("a person named Ali Saidov who claimed to be from a group of Tajiks",
 * "Ali Saidov, a member of the Dawn Brigade").
 */
export function memberGroup(ctx: Context, unit: Unit, person: string): string | undefined {
  const led = ctx.leaders.get(person);
  if (led) return led;
  for (const where of [unit, ctx.units[unit.index - 1]]) {
    for (const mention of where?.entities ?? []) {
      if (mention.canonical !== person) continue;
      const tie = MEMBER_OF.exec(ctx.doc.text.slice(mention.end, mention.end + 80));
      if (!tie) continue;
      const at = mention.end + tie[0].length;
      const group = where!.entities.find((e) => e.start === at && e.type === "ORG");
      if (group) return group.canonical;
      const people = GROUP_OF_PEOPLE.exec(ctx.doc.text.slice(at, at + 60));
      if (people) return people[0];
    }
  }
  return undefined;
}

/** The group a person leads, when the article says so; otherwise the person. */
export function asGroup(ctx: Context, participant: Participant): Participant {
  if (participant.type !== "PERSON") return participant;
  const group = ctx.leaders.get(participant.value);
  return group ? { ...participant, value: group, type: "ORG" } : participant;
}
