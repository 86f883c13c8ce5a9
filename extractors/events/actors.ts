/**
 * Who attacked whom, read with the rules of English news prose: the agent of
 * the attack verb (its active subject, the "by" phrase of a passive), the
 * victims (its object, the subject of "were killed"), the two sides of a
 * battle ("X clashed with Y", "clashes between X and Y"). An actor is a
 * name or the text's own short words ("unknown gunmen", "a farmer"), never a
 * place, a weapon, a time clause or a bare number.
 */
import type { Entity } from "../../pipeline/schema.ts";
import { NUMBER_SOURCE } from "../numbers.ts";
import { allMatches } from "../regex.ts";
import type { Context, Participant, Unit } from "./context.ts";
import { ADMIN_NOUNS } from "./places.ts";
import { ACTORS } from "./slots.ts";

/** Head nouns of a description of people or forces: "unknown gunmen", "Russian forces", "a farmer". */
const ACTOR_HEADS =
  "militants?|gunm[ae]n|fighters?|force|elements|cadres?|shooters?|operatives?|supporters?|loyalists?|auxiliaries|tribesm[ae]n|pastoralists?|attackers?|assailants?|insurgents?|rebels?|soldiers?|forces|troops|police(?:m[ae]n)?|officers?|m[ae]n|wom[ae]n|members?|group|mob|bandits?|extremists?|jihadists?|terrorists?|suspects?|individuals?|persons?|people|residents?|villagers?|youths?|guerrill?as?|militias?|militiam[ae]n|traffickers?|gangs?|gangsters?|military|army|navy|herders?|farmers?|civilians?|kidnappers?|robbers?|criminals?|hitm[ae]n|perpetrators?|vigilantes?|commandos?|personnel|guards?|boys?|girls?|children|child|students?|teachers?|workers?|traders?|merchants?|drivers?|journalists?|activists?|protesters?|demonstrators?|leaders?|officials?|commanders?|chiefs?|relatives?|brothers?|sons?|daughters?|owners?|husbands?|wives|wife|minors?|families|family|positions|units?|battalions?|brigades?|divisions?|regiments?|corps|coalition|snipers?|convoys?|patrols?|Uzbeks";
/** After a name, a noun it modifies that makes it a party: "Blue Front positions", "rebel ammunition depots". */
const FORCES_AFTER = new RegExp(String.raw`^\s+(?:[\p{Ll}-]+\s+){0,2}(?:${ACTOR_HEADS}|depots?|bases?|camps?|headquarters|vehicles?|posts?)\b`, "u");
/** Whether the name ending at `end` modifies a noun of forces after it ("Lakeside security forces"). */
export const modifiesForces = (text: string, end: number) => FORCES_AFTER.test(text.slice(end, end + 40));
/** A phrase names an actor when its last word is such a head: "armed individuals", "two drug traffickers". */
const ACTOR_PHRASE = new RegExp(String.raw`\b(?:${ACTOR_HEADS})$`, "i");

/** Weapons and munitions: what is fired or thrown, not whom it is fired at ("fired artillery at X"). */
const WEAPON_WORDS = String.raw`artillery|mortars?|shells?|rounds?|rockets?|missiles?|(?:land)?mines?|bombs?|grenades?|launchers?|drones?|bullets?|gunfire|(?:gun)?shots?|guns?|weapons?|machine\s*guns?|projectiles?|explosives?|devices?|IEDs?|munitions?|ammunition|tear\s*gas|canisters?|fire|salvos?|volleys?|MLRS|Grads?|howitzers?|RPGs?|stones|rocks`;
const WEAPON = new RegExp(String.raw`(?:\b\d+\s*mm|\b(?:${WEAPON_WORDS}))$`, "i");
/** The start of a list of weapons: "82mm and 60mm mortars and rocket launchers", "two heavy rockets". */
const WEAPON_LEAD = new RegExp(String.raw`^\s*(?:(?:\d+|two|three|four|five|several|various|heavy|light|small)\s+)*(?:\d+\s*mm|(?:${WEAPON_WORDS})\b)`, "i");
/** Attacks named as the object of "launched", "conducted": "launched an operation against X". */
const OPERATION = /\b(?:operations?|offensives?|(?:air)?strikes?|raids?|attacks?|assaults?)$/i;
/** Where a weapon's target follows it: "fired artillery at", "dropped bombs on". */
const AIMED_AT = /^,?\s*(?:(?:[\w’'-]+,?\s+){0,8}?)(?:at|on|upon|onto|into|towards?|against|targeting)\s+(?:the\s+)?/i;

/**
 * A passive's auxiliary before the participle: "was killed", "were reportedly abducted", "was tortured and killed".
 * Lower case only: "IS attacked" is the Islamic State's attack.
 */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|got|get|gets)\s+(?:(?:[a-z]+ly|also|then|later)\s+)*(?:(?:[a-z]+ed|shot|beaten|taken|hit|struck)\s+(?:and|or)\s+)?$/;

/** Where the auxiliary of a passive verb trigger at `pos` begins, if the trigger is a passive participle. */
export function passiveAt(text: string, pos: number): number | undefined {
  const from = Math.max(0, pos - 60);
  const aux = PASSIVE_BEFORE.exec(text.slice(from, pos));
  return aux ? from + aux.index : undefined;
}

/** Words that begin a clause, an adjunct or a time, never an actor: "when checking the list", "after he was beaten". */
const NOT_AN_ACTOR_START =
  /^(?:and|or|but|by|inside|into|from|when|whenever|after|before|while|as|with|without|to|for|during|since|until|because|although|though|if|in|on|at|near|outside|over|under|out|up|down|off|back|again|also|then|dead|him|her|them|it|himself|herself|themselves|each|responsibility|attacks?|around|about|toward|towards|through|across|along|behind|upon|there|here|where|which|who|that|this|these|those|several\s+times|once|twice|vicinity|outskirts|direction|surroundings|between|killing|wounding|injuring)\b/i;
/** A named place or a bare place noun: "Lakeside district", "the village", "the town of Lake Vale". */
const PLACE_PHRASE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}\p{M}’'-]*\s+){0,3}(?:${ADMIN_NOUNS})$|^(?:${ADMIN_NOUNS})\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}’'-]*(?:\s+\p{Lu}[\p{L}\p{M}’'-]*){0,3}$`,
  "u",
);
/** A bare count of people ("3 - 'several' persons", "between 10 to 12 people", "many") tells how many, not who. */
const COUNT_ONLY = new RegExp(String.raw`^(?:(?:at\s+least|about|around|some|over|more\s+than|nearly|up\s+to|between|approximately)\s+)?(?:${NUMBER_SOURCE}|\d+|many|several|dozens|scores)(?:\s*(?:-|–|to|and|or)\s*(?:['‘’"]?[\w]+['‘’"]?))?(?:\s+(?:people|persons|individuals|others))?$`, "i");

/** Whether the text's own words can stand as an actor: no clause, adjunct, count, weapon, operation or place. */
export function actorWords(value: string): boolean {
  return (
    !NOT_AN_ACTOR_START.test(value) &&
    !COUNT_ONLY.test(value) &&
    !WEAPON.test(value) &&
    !OPERATION.test(value) &&
    !PLACE_PHRASE.test(value) &&
    !/^[\d\s.,:-]+$/.test(value)
  );
}

/** Whether a phrase names people or forces by a head noun ("armed individuals", not "arms and legs"). */
export const namesActor = (value: string) => ACTOR_PHRASE.test(value) && actorWords(value);

/**
 * Where the aim of a weapon or an operation at `at` begins ("fired artillery| at rebel positions", "fired 82mm and
 * 60mm mortars| at …"), if the object there is one; -1 if it is and no aim follows.
 */
export function aimAfter(text: string, at: number, phrase: { start: number; value: string } | undefined): number | undefined {
  const from =
    phrase && (WEAPON.test(phrase.value) || OPERATION.test(phrase.value))
      ? phrase.start + phrase.value.length
      : WEAPON_LEAD.test(text.slice(at, at + 60))
        ? at
        : undefined;
  if (from === undefined) return undefined;
  const aim = AIMED_AT.exec(text.slice(from, from + 100));
  return aim ? from + aim[0].length : -1;
}

/**
 * The unit as actors see it: a name the tagger typed a person or group but
 * the text uses as a place ("Oak Hollow", "Norland State"), or names in the scene
 * the sentence opens with, is a place; one that names a weapon ("IED") is
 * none. Read once per unit.
 */
const views = new WeakMap<Unit, Unit>();
export function actorView(ctx: Context, unit: Unit): Unit {
  let view = views.get(unit);
  if (!view) {
    const places = ctx.places(unit);
    const isPlace = (e: Entity) =>
      (ctx.placeLike.has(e.canonical) || places.some((p) => p.start < e.end && p.end > e.start) || inScene(ctx.doc.text, unit.start, e)) &&
      // "shelled Blue Front positions": a name before a noun of forces modifies it.
      !modifiesForces(ctx.doc.text, e.end);
    const misread = (e: Entity) => ACTORS.includes(e.type) && (WEAPON.test(e.text) || isPlace(e));
    view = unit.entities.some(misread)
      ? {
          ...unit,
          entities: unit.entities.flatMap((e) => (!misread(e) ? [e] : WEAPON.test(e.text) ? [] : [{ ...e, type: "GPE" as const }])),
        }
      : unit;
    views.set(unit, view);
  }
  return view;
}

/** The sentence's scene-setting head, its place names after the first comma-separated: "On 8 April 2021, in Riverton - North Quarter (Lakeside), …". */
const SCENE_BEFORE =
  /^(?:[^,]{0,40},\s*)?(?:[Ii]n|[Nn]ear|[Aa]round|[Oo]utside|[Bb]etween|[Cc]lose\s+to|[Aa]t)\s+(?:[^,;()]|\([^()]*\))*(?:,\s*(?:\p{Lu}[\p{L}\p{M}\p{N}'’.\s-]*(?:\([^()]*\)\s*)?)?)*$/u;
/** Whether a name lies in the scene-setting head of its sentence, closed by a comma, an aside or a dash: "in Riverton, Riverton, gang members shot". */
const inScene = (text: string, from: number, e: Entity) =>
  /^\s*(?:\([^()]*\)\s*)?(?:[,(]|-\s)/.test(text.slice(e.end, e.end + 80)) && SCENE_BEFORE.test(text.slice(from, e.start));

const fromEntity = (e: Entity): Participant => ({ value: e.canonical, type: e.type, start: e.start, end: e.end });

/** An actor named or described at `at`: a name starting there, else the words up to the phrase's end. */
function actorAt(ctx: Context, unit: Unit, at: number, hi: number): Participant | undefined {
  const named = unit.entities.find((e) => e.start >= at && e.start - at < 5 && e.end <= hi);
  if (named && ACTORS.includes(named.type) && /^\s*(?:the\s+)?$/i.test(ctx.doc.text.slice(at, named.start))) return fromEntity(named);
  const phrase = ACTOR_AT.exec(ctx.doc.text.slice(at, hi));
  if (!phrase) return undefined;
  const start = at + phrase[0].length - phrase[1]!.length;
  return wordsAsActor(unit, phrase[1]!, start);
}

const MEMBERS = String.raw`(?:members?|fighters?|militants?|elements|cadres?|commanders?|leaders?|units?|forces?|troops)\s+of\s+(?:the\s+)?`;
const MEMBER_OF = new RegExp(String.raw`^(?:[\w’'-]+\s+){0,3}?${MEMBERS}$`, "i");
/** Whether the group named at `start` is that of members ("about 20 members of X"): they act for it. */
export const membersBefore = (text: string, start: number) => MEMBER_BEFORE.test(text.slice(Math.max(0, start - 24), start));
const MEMBER_BEFORE = new RegExp(String.raw`\b${MEMBERS}$`, "i");

/** The text's own words as an actor, if a head noun names people; "a member of the Blue Front" is the group's. */
function wordsAsActor(unit: Unit, value: string, start: number): Participant | undefined {
  const end = start + value.length;
  const group = unit.entities.find((e) => e.type === "ORG" && e.end === end && e.start > start);
  if (group && MEMBER_OF.test(value.slice(0, group.start - start))) return fromEntity(group);
  return namesActor(value) ? { value, start, end } : undefined;
}
/** A described actor: up to eight words, without its article, ending before a preposition, relative, verb or punctuation. */
const ACTOR_AT =
  /^\s*(?:(?:a|an|the|some)\s+)?((?:[\w’'-]+\s+){0,7}?[\w’'-]+?)(?=\s+(?:in|at|on|near|who|which|that|from|by|during|with|as|after|before|while|when|and\s+(?:then\s+)?(?:[a-z]+ed|took|shot|set|fled|left|stole|burnt|beat|hit|made|seized)|killing|wounding|injuring|riding|wearing|aboard|inside|outside|over|using|between|around|along|for|to|into|under|against|following|took|erupted|broke|occurred|continued|was|were|resulting)\b|\s*[,.;:()]|\s*$)/i;

/** The subject of a passive ending at `pos`: a name, or its own words after the scene-setting ("On 3 May, in X, a farmer was shot"). */
export function passiveSubject(ctx: Context, unit: Unit, pos: number, from: number): Participant | undefined {
  const named = unit.entities.filter((e) => e.end <= pos && e.start >= from && ACTORS.includes(e.type)).at(-1);
  if (named && /^[\s)]*$/.test(ctx.doc.text.slice(named.end, pos))) return fromEntity(named);
  // "a Blue Front member (also a local trader) was taken": the aside is no part of the subject.
  const head = ctx.doc.text.slice(from, pos).trimEnd().replace(/\s*\([^()]*\)$/, "");
  const words = SUBJECT_WORDS.exec(head);
  if (!words || /\bby\b/.test(words[1]!)) return undefined;
  const start = from + head.length - words[1]!.length;
  // "in Lakeside Oblast two men": no place inside the phrase.
  if (unit.entities.some((e) => e.start >= start && e.start < start + words[1]!.length && !ACTORS.includes(e.type) && e.type !== "NORP")) return undefined;
  return wordsAsActor(unit, words[1]!, start);
}
const SUBJECT_WORDS = /(?:^|[,;:(]\s*|\b(?:that|when|where|after|and)\s+)(?:(?:a|an|the|some)\s+)?((?:[\w’'-]+\s+){0,6}?[\w’'-]+)$/i;

/**
 * The agent of a passive: "by" with a name or a description of people after it, in the clause ("were killed … by
 * armed men"); with `placed`, only after a participle of placing or firing ("an IED planted by militants exploded").
 */
export function byAgent(ctx: Context, unit: Unit, from: number, hi: number, placed = false): Participant | undefined {
  for (const by of allMatches(placed ? PLACED_BY : BY, ctx.doc.text.slice(from, hi))) {
    const agent = actorAt(ctx, unit, from + by.index + by[0].length, hi);
    if (agent) return agent;
  }
  return undefined;
}
const BY = /\bby\s+/g;
const PLACED_BY = /\b(?:planted|placed|laid|set|fired|launched|thrown|dropped|hurled|carried\s+out|conducted|used|operated|flown)\s+by\s+/g;

/** "Russian and Ukrainian forces": the two sides a coordinated description names, each with the shared head. */
export function splitSides(value: string): [string, string] | undefined {
  const sides = /^(\p{Lu}[\p{L}-]*)\s+and\s+(\p{Lu}[\p{L}-]*)\s+(.+)$/u.exec(value);
  return sides ? [`${sides[1]} ${sides[3]}`, `${sides[2]} ${sides[3]}`] : undefined;
}

/**
 * The two sides of "between X and Y" after a battle noun ("clashes took place between X and Y"); a fight
 * "between armed men" has the same description on both sides.
 */
export function betweenSides(ctx: Context, unit: Unit, from: number, hi: number): [Participant, Participant] | undefined {
  const between = BETWEEN.exec(ctx.doc.text.slice(from, hi));
  if (!between) return undefined;
  const at = from + between[0].length;
  const and = ctx.doc.text.slice(at, hi).search(/\sand\s/);
  const first = actorAt(ctx, unit, at, and >= 0 ? at + and : hi);
  // "between Ukrainian and Russian forces": the first side shares the second's head.
  const lone = !first && and >= 0 && /^\p{Lu}[\p{L}-]*$/u.test(ctx.doc.text.slice(at, at + and));
  if (lone) {
    const second = actorAt(ctx, unit, at + and + 5, hi);
    const head = second?.type === undefined && /^\S+\s+(.+)$/.exec(second?.value ?? "")?.[1];
    return second && head ? [{ value: `${ctx.doc.text.slice(at, at + and)} ${head}`, start: at, end: at + and }, second] : undefined;
  }
  if (!first) return undefined;
  // "between X supported by Z and Y": the supporter is no side.
  const gap = /^\s*(?:\([^)]*\)\s*)?(?:(?:supported|backed|assisted)\s+by\s+[^,;]*?\s+)?and\s+/i.exec(ctx.doc.text.slice(first.end, hi));
  if (!gap) {
    // "between Hill clan tribesmen": members of one side fought each other.
    const words = and < 0 ? ACTOR_AT.exec(ctx.doc.text.slice(at, hi))?.[1] : undefined;
    return words && /(?:s|men)$/.test(words) && namesActor(words) ? [first, first] : undefined;
  }
  // "and police and soldiers": the nearest side that names an actor, before the next "and" if it does.
  const next = first.end + gap[0].length;
  const nextAnd = ctx.doc.text.slice(next, hi).search(/\sand\s/);
  const second = (nextAnd >= 0 ? actorAt(ctx, unit, next, next + nextAnd) : undefined) ?? actorAt(ctx, unit, next, hi);
  return second ? [first, second] : undefined;
}
const BETWEEN = /^\s*(?:[\w’'/-]+\s+){0,8}?between\s+(?:the\s+)?/i;
