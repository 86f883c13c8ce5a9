import { describe, expect, it } from "vitest";
import { newDoc } from "../pipeline/document.ts";
import { clean } from "./clean.ts";
import { CHUNK_LENGTH, chunkRanges, tokenize } from "./tokens.ts";

const run = (text: string) => tokenize(clean(newDoc({ id: "t", text })));

describe("tokens", () => {
  it("gives offsets into the original text", () => {
    const text = "The Islamic Movement of Uzbekistan (IMU), one of Afghanistan’s largest terrorist organizations.";
    const doc = run(text);
    const words = doc.tokens.filter((t) => !t.space).map((t) => text.slice(t.start, t.end));
    expect(words.slice(0, 7)).toEqual(["The", "Islamic", "Movement", "of", "Uzbekistan", "(", "IMU"]);
    expect(doc.tokens.at(-1)!.end).toBe(text.length);
  });

  it("splits sentences at full stops and at line breaks", () => {
    const text =
      "Formed: 1998\nDisbanded: Group is active.\nThe group was created in the 1990s in Uzbekistan. They unsuccessfully attempted to overthrow Soviet’s President Islam Karimov.";
    const sentences = run(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual([
      "Formed: 1998",
      "Disbanded: Group is active.",
      "The group was created in the 1990s in Uzbekistan.",
      "They unsuccessfully attempted to overthrow Soviet’s President Islam Karimov.",
    ]);
  });

  it("puts no sentence inside an excluded region", () => {
    const text = "IMU has claimed responsibility for several attacks.\n\nLeave a Reply\n\nYour email address will not be published.";
    const doc = run(text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "IMU has claimed responsibility for several attacks.",
    ]);
    const inComments = doc.tokens.filter((t) => t.start >= text.indexOf("Leave"));
    expect(inComments.every((t) => t.sentence === -1)).toBe(true);
  });

  it("links every sentence's tokens back to it", () => {
    const doc = run("Ghazi was born in 1970 in Tashkent. He moved to Tajikistan at age 30.");
    doc.sentences.forEach((s, index) => {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const token = doc.tokens[i]!;
        if (!token.space) expect(token.sentence).toBe(index);
      }
    });
    expect(doc.sentences).toHaveLength(2);
  });
});

describe("chunking", () => {
  it("cuts at line breaks, or at white space in a long line, covering the text", () => {
    const text = "Formed: 1998\nDisbanded: Group is active.\nThe group was created in the 1990s in Uzbekistan.";
    const ranges = chunkRanges(text, 30);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual([
      "Formed: 1998\n",
      "Disbanded: Group is active.\n",
      "The group was created in the ",
      "1990s in Uzbekistan.",
    ]);
  });

  it("tokenizes long text without line breaks across chunks with exact offsets", () => {
    const sentence = "Militants launched 5 simultaneous car bombs in Tashkent, the Uzbek capital. ";
    const repeats = Math.ceil((3 * CHUNK_LENGTH) / sentence.length);
    const text = sentence.repeat(repeats);
    const doc = run(text);
    // Tokens cover the text in order, with only white space between them.
    let cursor = 0;
    for (const token of doc.tokens) {
      expect(text.slice(cursor, token.start).trim()).toBe("");
      cursor = token.end;
    }
    expect(text.slice(cursor).trim()).toBe("");
    expect(doc.tokens.filter((t) => text.slice(t.start, t.end) === "Tashkent")).toHaveLength(repeats);
    // A chunk cut inside a sentence adds one sentence at most per chunk.
    const chunks = chunkRanges(text).length;
    expect(doc.sentences.length).toBeGreaterThanOrEqual(repeats);
    expect(doc.sentences.length).toBeLessThanOrEqual(repeats + chunks - 1);
  });
});
