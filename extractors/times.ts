/**
 * Stage: TIMEX3 time expressions (SPEC "Time expressions", GUIDELINES §4),
 * parsed sentence by sentence (never over the whole text: chrono is slow on
 * long strings) and normalized against the DCT.
 */
import type { Doc } from "../pipeline/document.ts";
import { span } from "../pipeline/document.ts";
import type { Time } from "../pipeline/schema.ts";
import type { Candidate, SentenceContext } from "./times/candidate.ts";
import { parseAnchor } from "./times/calendar.ts";
import { chronoCandidates } from "./times/chrono.ts";

/** Keeps the longest of overlapping candidates (the earlier one on a tie). */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ordered) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

export function timeExpressions(doc: Doc): Doc {
  const anchor = parseAnchor(doc.published);
  const times: Time[] = [];
  for (const sentence of doc.sentences) {
    const context: SentenceContext = { text: doc.text.slice(sentence.start, sentence.end), anchor, direction: "past" };
    for (const c of resolveOverlaps(chronoCandidates(context))) {
      const time: Time = { ...span(doc, sentence.start + c.start, sentence.start + c.end), type: c.type, value: c.value };
      if (c.mod) time.mod = c.mod;
      times.push(time);
    }
  }
  return { ...doc, times };
}
