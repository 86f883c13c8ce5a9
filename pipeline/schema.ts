/**
 * The record contract of ../SPEC.md as zod schemas. Gold files and pipeline
 * output are both `DocumentRecord`s, so the scorer compares like with like.
 *
 * Slot schemas carry a `kind` in their zod metadata (entity, entities, timex,
 * quantity, label); the scorer and `gold check` read it with `slotKind()` so
 * the table of roles lives in one place.
 */
import { z } from "zod";

export const SPAN_FIELDS = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
};
export const SpanSchema = z.object(SPAN_FIELDS).strict();
export type Span = z.infer<typeof SpanSchema>;

export const EXCLUDED_REASONS = ["boilerplate", "navigation", "comments", "references"] as const;
export const ExcludedSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    reason: z.enum(EXCLUDED_REASONS),
  })
  .strict();
export type Excluded = z.infer<typeof ExcludedSchema>;

export const ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const EntitySchema = z
  .object({ ...SPAN_FIELDS, type: z.enum(ENTITY_TYPES), canonical: z.string().min(1) })
  .strict();
export type Entity = z.infer<typeof EntitySchema>;

/**
 * A TIMEX3 value: calendar dates with X for unknown digits (2015-08-06, 2015-08,
 * 199X, XXXX-08-06), weeks and weekdays (2015-W32, XXXX-WXX-2), seasons,
 * quarters, times, also of a day or weekday (2015-08-06T14:00, XXXX-WXX-2TNI:
 * Tuesday nights), durations (P2M, PT16M, P3Q), and the reference words
 * PRESENT_REF / PAST_REF / FUTURE_REF.
 */
const TIME_OF_DAY = String.raw`T(?:[\dX]{2}(?::[\dX]{2}(?::[\dX]{2})?)?|MO|AF|EV|NI|DT)`;
const TIMEX_VALUE = new RegExp(
  String.raw`^(?:PRESENT_REF|PAST_REF|FUTURE_REF|P(?=[\dXT.])(?:[\dX.]+(?:DE|CE|ML|[YMWDQLCE]))*(?:T(?:[\dX.]+[HMS])+)?|[\dX]{2,3}|[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2}(?:${TIME_OF_DAY})?)?|W[\dX]{2}(?:-(?:[1-7X](?:${TIME_OF_DAY})?|WE))?|SP|SU|FA|WI|Q[1-4X]|H[12X]))?|${TIME_OF_DAY})$`,
);
export const TimexValueSchema = z
  .string()
  .regex(TIMEX_VALUE, "not a TIMEX3 value (e.g. 2015-08-06, 199X, P2M, PRESENT_REF)");

export const TIME_TYPES = ["DATE", "TIME", "DURATION", "SET"] as const;
export const TIME_MODS = ["START", "MID", "END", "APPROX", "BEFORE", "AFTER"] as const;
export const TimeSchema = z
  .object({
    ...SPAN_FIELDS,
    type: z.enum(TIME_TYPES),
    value: TimexValueSchema,
    mod: z.enum(TIME_MODS).optional(),
  })
  .strict();
export type Time = z.infer<typeof TimeSchema>;

/** A count as the text states it: exact `{min: 26, max: 26}`, "16+" `{min: 16}`, "around 30" sets approx. */
export const QuantitySchema = z
  .object({
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    approx: z.boolean().optional(),
  })
  .strict()
  .refine((q) => q.min !== undefined || q.max !== undefined, "a quantity needs min or max")
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, "min exceeds max");
export type Quantity = z.infer<typeof QuantitySchema>;

export const SLOT_KINDS = ["entity", "entities", "timex", "quantity", "label"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** An entity slot: a canonical name where the text names one, else the text's own words. */
const entity = z.string().min(1).meta({ kind: "entity" });
const entities = z.array(z.string().min(1)).min(1).meta({ kind: "entities" });
const timex = TimexValueSchema.meta({ kind: "timex" });
const quantity = QuantitySchema.meta({ kind: "quantity" });
const label = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).meta({ kind: "label" });
const freeLabel = z.string().min(1).meta({ kind: "label" });

export const ATTACK_METHODS = [
  "bombing",
  "suicide_bombing",
  "armed_assault",
  "kidnapping",
  "hostage_taking",
  "ambush",
  "vehicle_ramming",
  "air_strike",
  "raid",
  "other",
] as const;
export const PLEDGE_STRENGTHS = ["allegiance", "support"] as const;
export const DEATH_CAUSES = [
  "drone_strike",
  "air_strike",
  "raid",
  "battle",
  "bombing",
  "shooting",
  "execution",
  "natural",
  "accident",
  "suicide",
  "unknown",
  "other",
] as const;

/** The slots of each event type (SPEC's table). Every slot is optional. */
export const EVENT_SLOTS = {
  ATTACK: {
    perpetrators: entities,
    targets: entities,
    location: entity,
    date: timex,
    killed: quantity,
    wounded: quantity,
    hostages: quantity,
    method: label(ATTACK_METHODS),
    claimedBy: entity,
  },
  PLEDGE: { agent: entity, to: entity, date: timex, strength: label(PLEDGE_STRENGTHS) },
  SPLIT: { agent: entity, from: entity, date: timex },
  ALLIANCE: { parties: entities, date: timex },
  FOUNDING: { org: entity, founders: entities, date: timex, location: entity },
  LEADERSHIP: { person: entity, org: entity, role: freeLabel, start: timex, end: timex },
  DEATH: { person: entity, cause: label(DEATH_CAUSES), killer: entity, date: timex, location: entity },
  DESIGNATION: { org: entity, designator: entity, date: timex },
  STRENGTH: { org: entity, members: quantity, date: timex, source: entity },
} as const;
export type EventType = keyof typeof EVENT_SLOTS;
export const EVENT_TYPES = Object.keys(EVENT_SLOTS) as EventType[];

/**
 * The participants that identify a real-world event of each type, whatever
 * its date: the scorer's corpus view and the cross-article timeline both
 * match frames on these.
 */
export const KEY_PARTICIPANTS: { [T in EventType]: ReadonlyArray<keyof (typeof EVENT_SLOTS)[T]> } = {
  ATTACK: ["location"],
  PLEDGE: ["agent", "to"],
  SPLIT: ["agent", "from"],
  ALLIANCE: ["parties"],
  FOUNDING: ["org"],
  LEADERSHIP: ["person", "org"],
  DEATH: ["person"],
  DESIGNATION: ["org", "designator"],
  STRENGTH: ["org", "source"],
};

export const CERTAINTIES = ["asserted", "reported", "alleged", "negated"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

function eventSchema<T extends EventType>(type: T) {
  return z
    .object({
      type: z.literal(type),
      certainty: z.enum(CERTAINTIES),
      evidence: z.array(SpanSchema).min(1),
      slots: z.object(EVENT_SLOTS[type]).partial().strict(),
    })
    .strict();
}

export const EventSchema = z.discriminatedUnion("type", [
  eventSchema("ATTACK"),
  eventSchema("PLEDGE"),
  eventSchema("SPLIT"),
  eventSchema("ALLIANCE"),
  eventSchema("FOUNDING"),
  eventSchema("LEADERSHIP"),
  eventSchema("DEATH"),
  eventSchema("DESIGNATION"),
  eventSchema("STRENGTH"),
]);
export type EventFrame = z.infer<typeof EventSchema>;
export type SlotValue = string | string[] | Quantity;
/** The slots of any frame, for code that walks roles generically. */
export type AnySlots = Record<string, SlotValue | undefined>;

/** What kind of value `role` holds in frames of `type`, or undefined for an unknown role. */
export function slotKind(type: EventType, role: string): SlotKind | undefined {
  const schema = (EVENT_SLOTS[type] as Record<string, z.ZodType>)[role];
  return schema?.meta()?.kind as SlotKind | undefined;
}

export const DCT_SOURCES = ["metadata", "dateline", "inferred", "none"] as const;
export type DctSource = (typeof DCT_SOURCES)[number];

export const DocumentRecordSchema = z
  .object({
    id: z.string().min(1),
    /** Document creation time (ISO date, possibly only year or year-month); null when unknown. */
    published: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "published must be YYYY, YYYY-MM or YYYY-MM-DD")
      .nullable(),
    dctSource: z.enum(DCT_SOURCES),
    /** The text the offsets index, carried when it is not the input file itself (e.g. extracted from HTML). */
    text: z.string().optional(),
    url: z.string().optional(),
    source: z.string().optional(),
    /** Free-form provenance, e.g. how a gold file was made. */
    note: z.string().optional(),
    /** sha256 (hex) of the input text, so `extract --resume` can tell which documents are already written. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    excluded: z.array(ExcludedSchema),
    entities: z.array(EntitySchema),
    times: z.array(TimeSchema),
    events: z.array(EventSchema),
  })
  .strict();
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;
