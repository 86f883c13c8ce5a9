/**
 * Certainty of a statement from its own words (GUIDELINES §5): negation near
 * the trigger, hedges anywhere in the statement (alleged), attribution to a
 * source (reported), else asserted.
 */
import type { Certainty } from "../../pipeline/schema.ts";

/** Negation governing the trigger: within the few words before it ("not only allied" is no negation). */
const NEGATION_BEFORE =
  /\b(?:not(?!\s+only\b)|never|no\s+longer|\w+n[’']t|stopped\s+short\s+of|fell\s+short\s+of|short\s+of|denied|denies|deny|refused\s+to|failed\s+to|did\s+not|has\s+not|have\s+not|had\s+not|without)\s+(?:[\w’'-]+\s+){0,3}$/i;
const HEDGE =
  /\b(?:allegedly|alleged|allegation|suspected|suspect(?:s|ed)?\s+(?:that|of)|accus\w+|blam\w+|some\s+sources\s+(?:suggest|say|claim)|it\s+is\s+(?:possible|unclear|believed|thought|likely)|possibly|probably|perhaps|may\s+have|might\s+have|could\s+have|not\s+(?:been\s+)?independently\s+verified|unconfirmed|believed\s+to|presumably|presumed|assumed|purported\w*|rumou?r\w*|speculat\w+)\b/i;
const ATTRIBUTION =
  /\b(?:according\s+to|reportedly|as\s+reported\s+by|(?:was|were|is|are|has\s+been|have\s+been)\s+reported|reports?\s+(?:said|say|that)|said|says|say|told|tells|announc\w+|stated|claim(?:s|ed)?\s+that|quoted|the\s+statement\s+read|tweet\w*|confirmed|cited)\b/i;

/** The certainty of the statement `text` about the trigger starting at `triggerOffset` in it. */
export function certaintyOf(text: string, triggerOffset: number): Certainty {
  return negatedAt(text, triggerOffset) ? "negated" : statementCertainty(text);
}

/** Whether the words before the trigger at `triggerOffset` negate it. */
export function negatedAt(text: string, triggerOffset: number): boolean {
  const before = text.slice(Math.max(0, triggerOffset - 40), triggerOffset);
  return NEGATION_BEFORE.test(before) || /\b(?:stopped|fell)\s+short\s+of\b[^.;]*$/i.test(text.slice(0, triggerOffset));
}

/** The certainty the statement's words give any trigger of it that is not negated: alleged, reported or asserted. */
export function statementCertainty(text: string): Certainty {
  if (HEDGE.test(text)) return "alleged";
  if (ATTRIBUTION.test(text)) return "reported";
  return "asserted";
}

/** A speech verb right after its subject: "X announced", "X has said". */
const SPEECH_AFTER_SUBJECT = /^\s*(?:(?:has|have|had)\s+)?(?:said|says|announc\w+|declared|stated)\b/i;

/**
 * The certainty of a statement whose speakers end at `speakerEnds` in it, when
 * what they say is the event itself: "The front announced its break with the
 * Taliban" is the break, asserted, not a report of it (GUIDELINES §5). Their
 * speech verbs do not count as attribution; any other hedge or source does.
 */
export function ownSpeechCertainty(text: string, speakerEnds: readonly number[]): Certainty {
  let rest = text;
  for (const end of speakerEnds) {
    const verb = SPEECH_AFTER_SUBJECT.exec(text.slice(end));
    if (verb) rest = rest.slice(0, end) + " ".repeat(verb[0].length) + rest.slice(end + verb[0].length);
  }
  return statementCertainty(rest);
}

const RANK: Record<Certainty, number> = { asserted: 3, reported: 2, alleged: 1, negated: 0 };

/** For one frame stated several times, the most certain statement decides. */
export function mostCertain(a: Certainty, b: Certainty): Certainty {
  return RANK[a] >= RANK[b] ? a : b;
}
