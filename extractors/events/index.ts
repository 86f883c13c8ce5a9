/**
 * Stage "events": event frames (SPEC's table) from the sentences and list
 * items of a document, using its entity and time layers. List items are read
 * first (lists.ts); every sentence is then read for the types its list item
 * did not already give (frames.ts); what ties frames across sentences (a
 * toll joining its attack, a restatement, a general split told group by
 * group) is read next (followups.ts); statements of one event are merged
 * (merge.ts).
 */
import { span, type Doc } from "../../pipeline/document.ts";
import type { EventFrame, EventType, Span } from "../../pipeline/schema.ts";
import { buildContext } from "./context.ts";
import { ALL_TYPES, sentenceFrames, type Draft } from "./frames.ts";
import { anaphoricStatements, attachTolls, fellShortOf, jointAttacks, splitSummaries } from "./followups.ts";
import { listFrames } from "./lists.ts";
import { mergeDrafts } from "./merge.ts";

/**
 * Evidence as the guidelines want it: without the citation markers and white
 * space it ends on ("… (4 killed, 3 wounded).[2]"), and without a span that
 * lies inside another span of the same frame (a list item and its first sentence).
 */
export function cleanEvidence(doc: Doc, evidence: Span[], regionStartByEnd = excludedStartByEnd(doc)): Span[] {
  const trimmed = evidence.map((e) => {
    let end = e.end;
    for (;;) {
      const regionStart = regionStartByEnd.get(end);
      if (regionStart !== undefined && regionStart > e.start) end = regionStart;
      else if (end > e.start && /\s/.test(doc.text[end - 1]!)) end--;
      else break;
    }
    return end === e.end ? e : span(doc, e.start, end);
  });
  const inside = (a: Span, b: Span) => b.start <= a.start && a.end <= b.end;
  return trimmed.filter((e, i) => !trimmed.some((o, j) => j !== i && inside(e, o) && (!inside(o, e) || j < i)));
}

/** The start of each excluded region (citation markers), by its end. */
const excludedStartByEnd = (doc: Doc) => new Map(doc.excluded.map((r) => [r.end, r.start]));

function toFrame(doc: Doc, draft: Draft, regionStartByEnd: Map<number, number>): EventFrame {
  const evidence = cleanEvidence(doc, draft.evidence, regionStartByEnd);
  return { type: draft.type, certainty: draft.certainty, evidence, slots: draft.slots } as EventFrame;
}

export function extractEvents(doc: Doc): Doc {
  const ctx = buildContext(doc);
  const lists = listFrames(ctx);
  const drafts: Draft[] = [...lists.drafts];
  for (const [unit, types] of lists.claimed) if (types.has("ATTACK")) ctx.attacked.add(unit);
  for (const unit of ctx.units) {
    const claimed = lists.claimed.get(unit.index);
    const types = claimed ? new Set([...ALL_TYPES].filter((t): t is EventType => !claimed.has(t))) : ALL_TYPES;
    const tenure = lists.tenures.get(unit.index);
    for (const draft of sentenceFrames(ctx, unit, types)) {
      // "Tahir Yuldashev (November 2001 to August 27, 2009): … Yuldashev was killed": the tenure's end dates the death.
      if (tenure?.end && draft.type === "DEATH" && draft.slots.person === tenure.person && !draft.slots.date)
        draft.slots = { ...draft.slots, date: tenure.end };
      drafts.push(draft);
      if (draft.type === "ATTACK") ctx.attacked.add(unit.index);
    }
  }
  attachTolls(ctx, drafts);
  fellShortOf(drafts);
  drafts.push(...anaphoricStatements(ctx, drafts), ...jointAttacks(ctx, drafts));
  const regionStartByEnd = excludedStartByEnd(doc);
  return { ...doc, events: mergeDrafts(splitSummaries(ctx, drafts), ctx.within).map((draft) => toFrame(doc, draft, regionStartByEnd)) };
}
