/**
 * ACLED as gold for ATTACK frames. Each violent event's `notes` is read as a
 * one-paragraph article published on the event's own date (ACLED coders
 * write notes about that date, so relative dates resolve against it), and
 * the pipeline's first ATTACK frame is compared with the coders' fields:
 *   date        slot `date` equals `event_date`;
 *   locationExact  (strictest) slot `location`, folded, equals the coded
 *               `location` itself (its compound head, its name without the
 *               qualifier), not an admin level;
 *   location    (strict) slot `location`, folded, equals `location`, `admin1`, `admin2`
 *               or `admin3` folded, or the first part of a compound
 *               `location` ("Donetsk - Petrovskyi"), or `location` without
 *               the qualifier coders add to tell namesakes apart ("Sin
 *               Chaung (North)" = "Sin Chaung"); folding ignores case,
 *               accents, punctuation, designators ("Butuan City" =
 *               "Butuan", "Mariga LGA" = "Mariga", "Barangay Bagacay" =
 *               "Bagacay") and the Arabic
 *               article ("Al Muthanna" = "Muthanna");
 *   locationWithin  (lenient) as location, or the note itself puts the frame's place
 *               inside one of those ("in Sakho village in Begusarai district
 *               (Begusarai, Bihar)": Sakho is right for Begusarai), since
 *               coders georeference to the nearest town they know;
 *   fatalities  `killed` contains the figure (an open "16+" contains every
 *               figure from 16); ACLED's 0 means none reported, so a frame
 *               without `killed` (or with 0) is right;
 *   actors      `perpetrators` share a content word with `actor1`, `targets`
 *               with `actor2` (words compared on their first four letters,
 *               so "Turkish forces" meets "Military Forces of Turkey"); an
 *               unidentified actor ("Unidentified Armed Group (Mali)") is
 *               met by an unnamed one ("unknown gunmen", "armed men").
 */
import type { Doc, DocInput } from "../document.ts";
import { placeRelation, placesOf } from "../../extractors/events/context.ts";
import type { EventFrame, Quantity } from "../schema.ts";

export const VIOLENT_EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians"] as const;
export const REQUIRED_COLUMNS = ["event_id_cnty", "event_date", "event_type", "actor1", "actor2", "location", "admin1", "admin2", "admin3", "notes", "fatalities"] as const;

export type AcledRow = Record<(typeof REQUIRED_COLUMNS)[number], string>;

export const FIELDS = ["date", "locationExact", "location", "locationWithin", "fatalities", "actor1", "actor2"] as const;
export type Field = (typeof FIELDS)[number];

export interface NoteResult {
  id: string;
  hasAttack: boolean;
  right: Record<Field, boolean>;
  /** What the first ATTACK frame said, for error listings. */
  predicted: Partial<Record<Field, string>>;
  expected: Record<Field, string>;
}

export const isViolent = (row: Pick<AcledRow, "event_type">) => (VIOLENT_EVENT_TYPES as readonly string[]).includes(row.event_type);

/** The note as an article: its id, its text, and the event date as publication date. */
export function noteAsArticle(row: AcledRow): DocInput {
  return { id: row.event_id_cnty, text: row.notes, published: row.event_date.slice(0, 10) };
}

export function foldPlace(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const DESIGNATOR =
  /\s+(?:city|town|village|district|sub district|subdistrict|province|region|state|governorate|county|municipality|township|lga|regency|woreda|kebele|tehsil|upazila|rayon|raion|oblast|hromada|commune|locality|prefecture|department|territory|chiefdom|parish|ward|zone|countryside)$/;
const LEADING = /^(?:(?:barangay|colonia|village|town|city|district|province|governorate)\s+)?(?:(?:al|el|ar|as|ad|an|at|ash|az)\s+)?/;
const foldName = (name: string) => foldPlace(name).replace(DESIGNATOR, "").replace(LEADING, "");

/** The coders' qualifier of a name shared by two places: "Lobacheve (west)", "Dagon Myothit (North)". */
const QUALIFIER = /\s*\([^)]*\)\s*$/;

export function sameLocation(predicted: string | undefined, row: AcledRow, adminLevels = true): boolean {
  if (!predicted) return false;
  const p = foldName(predicted);
  const coded = [row.location, row.location.split(/\s+-\s+/)[0] ?? "", row.location.replace(QUALIFIER, "")];
  const candidates = adminLevels ? [...coded, row.admin1, row.admin2, row.admin3] : coded;
  return candidates.some((c) => c && foldName(c) === p);
}

/** Whether `killed` states ACLED's fatality figure (0 = none reported). */
export function sameFatalities(killed: Quantity | undefined, fatalities: number): boolean {
  if (fatalities === 0) return !killed || (killed.max === 0);
  if (!killed) return false;
  return (killed.min ?? 0) <= fatalities && fatalities <= (killed.max ?? Infinity);
}

/** Words that name no one in particular in actor names: "Military Forces of Russia (2000-)", "Unidentified Armed Group". */
const GENERIC_WORDS = new Set(
  "the of and a an forces force military group groups armed unidentified unknown militia militias members member people men police civilians civilian gang communal tribal".split(" "),
);
const stems = (name: string) =>
  new Set(
    foldPlace(name.replace(/\([^)]*\)/g, " "))
      .split(" ")
      .filter((w) => w.length > 1 && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w))
      .map((w) => w.slice(0, 4)),
  );

const UNIDENTIFIED = /^(?:unidentified|unknown)\b/i;
const UNNAMED = /\b(?:unidentified|unknown|armed\s+(?:men|individuals|persons)|gunm[ae]n|assailants|attackers|suspects)\b/i;

export function sameActor(predicted: readonly string[] | undefined, actor: string): boolean {
  if (!predicted?.length || !actor) return false;
  if (UNIDENTIFIED.test(actor) && predicted.some((name) => UNNAMED.test(name))) return true;
  const gold = stems(actor);
  return predicted.some((name) => [...stems(name)].some((s) => gold.has(s)));
}

const show = (v: unknown) => (v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v));

/** For a place of the note, the places its text puts it inside (the event stage's own reading of places). */
export function containersOf(doc: Pick<Doc, "text" | "entities" | "times">): (place: string) => string[] {
  const mentions = placesOf(doc);
  const within = placeRelation(doc, mentions);
  const names = [...new Set(mentions.map((m) => m.canonical))];
  return (place) => names.filter((name) => within(place, name));
}

/** The note's first ATTACK frame (in text order) compared with the coders' fields. */
export function compareNote(
  row: AcledRow,
  events: readonly EventFrame[],
  /** The places the note's text puts a place inside ("Begusarai" for "Sakho"). */
  containers: (place: string) => string[] = () => [],
): NoteResult {
  const attack = events
    .filter((e): e is Extract<EventFrame, { type: "ATTACK" }> => e.type === "ATTACK")
    .sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start)[0];
  const slots = attack?.slots ?? {};
  const fatalities = Number(row.fatalities || 0);
  const location = sameLocation(slots.location, row);
  return {
    id: row.event_id_cnty,
    hasAttack: attack !== undefined,
    right: {
      date: slots.date === row.event_date.slice(0, 10),
      locationExact: sameLocation(slots.location, row, false),
      location,
      locationWithin: location || (slots.location !== undefined && containers(slots.location).some((c) => sameLocation(c, row))),
      fatalities: attack !== undefined && sameFatalities(slots.killed, fatalities),
      actor1: sameActor(slots.perpetrators, row.actor1),
      actor2: sameActor(slots.targets, row.actor2),
    },
    predicted: {
      date: show(slots.date),
      locationExact: show(slots.location),
      location: show(slots.location),
      locationWithin: show(slots.location),
      fatalities: show(slots.killed),
      actor1: show(slots.perpetrators),
      actor2: show(slots.targets),
    },
    expected: {
      date: row.event_date.slice(0, 10),
      locationExact: row.location,
      location: [row.location, row.admin3, row.admin2, row.admin1].filter(Boolean).join(" / "),
      locationWithin: [row.location, row.admin3, row.admin2, row.admin1].filter(Boolean).join(" / "),
      fatalities: String(fatalities),
      actor1: row.actor1,
      actor2: row.actor2,
    },
  };
}

export interface AcledSummary {
  notes: number;
  withAttack: number;
  right: Record<Field, number>;
}

export function summarize(results: readonly NoteResult[]): AcledSummary {
  const right = Object.fromEntries(FIELDS.map((f) => [f, results.filter((r) => r.right[f]).length])) as Record<Field, number>;
  return { notes: results.length, withAttack: results.filter((r) => r.hasAttack).length, right };
}
