/**
 * Regular-expression helpers for the extractors' long patterns.
 */

/**
 * The matches of global `pattern` in `text`, exactly as `text.matchAll(pattern)`
 * gives them, without the copy of the pattern matchAll makes on every call
 * (which for the long trigger and quantity patterns costs far more than the
 * search). The pattern's `lastIndex` is left as it was.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError("allMatches needs a global pattern");
  const out: RegExpExecArray[] = [];
  const saved = pattern.lastIndex;
  const fullUnicode = pattern.unicode || pattern.flags.includes("v");
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    out.push(match);
    // An empty match moves the search on by one character, as matchAll does.
    if (match[0] === "") {
      const at = pattern.lastIndex;
      const wide = fullUnicode && at + 1 < text.length && (text.codePointAt(at) ?? 0) > 0xffff;
      pattern.lastIndex = at + (wide ? 2 : 1);
    }
  }
  pattern.lastIndex = saved;
  return out;
}
