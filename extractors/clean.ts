/**
 * Stage 1: mark what is not article prose. Each line is classified by a list
 * of rules (first match wins); inline citation markers such as "[3]" are
 * marked inside prose lines. Offsets never change: regions point into the
 * original text, and later stages skip them.
 */
import type { Doc } from "../pipeline/document.ts";
import type { Excluded } from "../pipeline/schema.ts";

type Reason = Excluded["reason"];

interface LineRule {
  reason: Reason;
  test: RegExp;
}

/** Whole-line rules, tried in order against the trimmed line. */
const LINE_RULES: LineRule[] = [
  // Numbered reference lists: "[1] Rabasa, Angel, et al. …", "1. ^ Smith, …", "^ a b Smith".
  { reason: "references", test: /^(?:\[\d{1,3}\]|\^|\d{1,3}\.\s*\^)\s*\S/ },
  {
    reason: "navigation",
    test: /^(?:accessibility links|breaking news|skip to (?:main )?content|key statistics|profile contents|(?:main )?menu|search|home|share(?: this(?: article| story)?)?|print|email|tweet|related(?: articles| stories| content)?|most (?:popular|read)|trending(?: now)?|advertisement|follow us(?: on .*)?|back to top|next article|previous article|read more|see also|more on this story|top stories|latest news)[:.!]?$/i,
  },
  {
    reason: "comments",
    test: /^(?:leave a (?:reply|comment)|post (?:a )?comment|add (?:a )?comment|\d+\s+comments?(?:\(s\))?|comments?(?:\s*\(\d+\))?|comment policy\b.*|your email address will not be published\b.*|required fields are marked\b.*|.*\bdenotes required field\b.*|notify me of (?:new|follow-up) (?:comments|posts)\b.*|name\s*\*|email\s*\*|website)$/i,
  },
  {
    reason: "boilerplate",
    test: /^(?:•\s*)?(?:publish(?:ed)?|posted|updated|time|category|no|date|tags?|filed under|source)\s*:\s*\S.{0,60}$/i,
  },
  { reason: "boilerplate", test: /^[Bb]y\s+(?:[A-Z][\p{L}'’.-]+\s*){1,4}(?:(?:,|and)\s*(?:[A-Z][\p{L}'’.-]+\s*){1,4})*$/u },
  {
    reason: "boilerplate",
    test: /^[\[(](?:screen ?shot|photo|image|picture|file photo|video|credit|source)\b[^\])]*[\])]$/i,
  },
  {
    reason: "boilerplate",
    test: /^(?:do you like this article\?|was this article helpful\?|disclaimer:.*|all rights reserved.*|©.*|copyright\b.*|sign up for\b.*|subscribe\b.*|support [^:]{1,40}:.*|click here\b.*|this article (?:was|has been) (?:updated|corrected)\b.*|(?:image|photo) (?:source|credit)s?:.*)$/i,
  },
];

/** Rules for pieces inside a prose line: citation markers "[3]", bracketed photo credits. */
const INLINE_RULES: LineRule[] = [
  { reason: "references", test: /\[\d{1,3}\]/g },
  { reason: "boilerplate", test: /[\[(](?:screen ?shot|photo|image|picture|file photo|credit)s?(?: by|:)[^\])\n]*[\])]/gi },
];

/** Classify one trimmed line, or null for prose. */
export function classifyLine(line: string): Reason | null {
  for (const rule of LINE_RULES) if (rule.test.test(line)) return rule.reason;
  return null;
}

export function clean(doc: Doc): Doc {
  const regions: Excluded[] = [];
  const add = (start: number, end: number, reason: Reason) => {
    const last = regions[regions.length - 1];
    // Merge a region into the previous one when only whitespace separates them and the reason is the same.
    if (last && last.reason === reason && doc.text.slice(last.end, start).trim() === "") last.end = end;
    else regions.push({ start, end, reason });
  };
  const text = doc.text;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line) {
      const start = lineStart + lead;
      const end = start + line.length;
      const reason = classifyLine(line);
      if (reason) add(start, end, reason);
      else {
        const pieces = INLINE_RULES.flatMap((rule) =>
          [...line.matchAll(rule.test)].map((m) => ({ from: start + m.index, to: start + m.index + m[0].length, reason: rule.reason })),
        ).sort((a, b) => a.from - b.from);
        for (const piece of pieces) add(piece.from, piece.to, piece.reason);
      }
    }
    lineStart = lineEnd + 1;
  }
  return { ...doc, excluded: regions };
}
