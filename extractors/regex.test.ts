import { describe, expect, it } from "vitest";
import { allMatches } from "./regex.ts";

const asMatchAll = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => [m.index, [...m]]);
const asAllMatches = (pattern: RegExp, text: string) => allMatches(pattern, text).map((m) => [m.index, [...m]]);

describe("allMatches", () => {
  // Sentence of corpus article 000, plus cases where matchAll must step over an empty match.
  const text = "Two policemen and one polio worker were killed in Karachi on 8 June 2014 😀.";
  const patterns = [/\b(\w+)\s+(killed|wounded)\b/g, /\d+/g, /\b/g, /(?:)/gu, /x*/g, /\p{Extended_Pictographic}/gu];

  it("gives the same matches as matchAll, empty matches and astral characters included", () => {
    for (const pattern of patterns) expect(asAllMatches(pattern, text), String(pattern)).toEqual(asMatchAll(pattern, text));
  });

  it("leaves the pattern's lastIndex as it found it", () => {
    const pattern = /\d+/g;
    pattern.lastIndex = 0;
    allMatches(pattern, text);
    expect(pattern.lastIndex).toBe(0);
  });

  it("refuses a pattern without the global flag, as matchAll does", () => {
    expect(() => allMatches(/\d+/, text)).toThrow(TypeError);
  });
});
