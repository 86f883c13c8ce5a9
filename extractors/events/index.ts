/**
 * Stage "events": event frames (SPEC's table) from the sentences and list
 * items of a document, using its entity and time layers. List items are read
 * first (lists.ts); every sentence is then read for the types its list item
 * did not already give (frames.ts); a toll stated in the next sentences joins
 * its attack (followups.ts); statements of one event are merged (merge.ts).
 */
import type { Doc } from "../../pipeline/document.ts";
import type { EventFrame, EventType } from "../../pipeline/schema.ts";
import { buildContext } from "./context.ts";
import { ALL_TYPES, sentenceFrames, type Draft } from "./frames.ts";
import { anaphoricStatements, attachTolls } from "./followups.ts";
import { listFrames } from "./lists.ts";
import { mergeDrafts } from "./merge.ts";

function toFrame(draft: Draft): EventFrame {
  return { type: draft.type, certainty: draft.certainty, evidence: draft.evidence, slots: draft.slots } as EventFrame;
}

export function extractEvents(doc: Doc): Doc {
  const ctx = buildContext(doc);
  const lists = listFrames(ctx);
  const drafts: Draft[] = [...lists.drafts];
  for (const unit of ctx.units) {
    const claimed = lists.claimed.get(unit.index);
    const types = claimed ? new Set([...ALL_TYPES].filter((t): t is EventType => !claimed.has(t))) : ALL_TYPES;
    const tenure = lists.tenures.get(unit.index);
    for (const draft of sentenceFrames(ctx, unit, types)) {
      // "Tahir Yuldashev (November 2001 to August 27, 2009): … Yuldashev was killed": the tenure's end dates the death.
      if (tenure?.end && draft.type === "DEATH" && draft.slots.person === tenure.person && !draft.slots.date)
        draft.slots = { ...draft.slots, date: tenure.end };
      drafts.push(draft);
    }
  }
  attachTolls(ctx, drafts);
  drafts.push(...anaphoricStatements(ctx, drafts));
  return { ...doc, events: mergeDrafts(drafts, ctx.within).map(toFrame) };
}
