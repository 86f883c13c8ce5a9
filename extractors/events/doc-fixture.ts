/**
 * Documents for the event tests: real text, cleaned and tokenized by the
 * pipeline, with entity and time layers built by hand, so the tests measure
 * the event stage and not the entity or time stages.
 */
import { newDoc, type Doc } from "../../pipeline/document.ts";
import type { Entity, EntityType, EventFrame, Time } from "../../pipeline/schema.ts";
import { clean } from "../clean.ts";
import { tokenize } from "../tokens.ts";
import { extractEvents } from "./index.ts";

/** A mention: its text, type and canonical name (defaults to the text); `nth` picks a later occurrence. */
export type MentionSpec = [text: string, type: EntityType, canonical?: string, nth?: number];
/** A time expression: its text, TIMEX3 value and type (defaults to DATE); `nth` picks a later occurrence. */
export type TimeSpec = [text: string, value: string, type?: Time["type"], nth?: number];

/** Start offsets of `needle` as a whole word (so "IS" is not found inside "ISIS"). */
function occurrences(text: string, needle: string): number[] {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))].map((m) => m.index);
}

function find(text: string, needle: string, nth = 0): number {
  const at = occurrences(text, needle)[nth];
  if (at === undefined) throw new Error(`fixture: "${needle}" (occurrence ${nth}) not in text`);
  return at;
}

/** Every occurrence of each mention text is annotated unless `nth` is given. */
export function docWith(text: string, mentions: MentionSpec[], times: TimeSpec[] = [], published = "2015-08-22"): Doc {
  const entities: Entity[] = [];
  for (const [needle, type, canonical, nth] of mentions) {
    const starts: number[] = [];
    if (nth !== undefined) starts.push(find(text, needle, nth));
    else starts.push(...occurrences(text, needle));
    for (const start of starts)
      entities.push({ start, end: start + needle.length, text: needle, type, canonical: canonical ?? needle });
  }
  const timeLayer: Time[] = times.map(([needle, value, type, nth]) => {
    const start = find(text, needle, nth);
    return { start, end: start + needle.length, text: needle, type: type ?? "DATE", value };
  });
  const doc = tokenize(clean(newDoc({ id: "fixture", text, published })));
  const byStart = <T extends { start: number }>(a: T, b: T) => a.start - b.start;
  return { ...doc, entities: entities.sort(byStart), times: timeLayer.sort(byStart) };
}

/** The frames the event stage finds in a document built by `docWith`. */
export const framesOf = (...args: Parameters<typeof docWith>): EventFrame[] => extractEvents(docWith(...args)).events;
export const ofType = (events: EventFrame[], type: EventFrame["type"]) => events.filter((e) => e.type === type);
export const slotOf = (event: EventFrame, name: string) => (event.slots as Record<string, unknown>)[name];
