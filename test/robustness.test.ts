/**
 * Whatever text comes in, the pipeline neither crashes nor yields an offset
 * outside it: arbitrary strings (control characters, lone surrogates, line
 * and paragraph separators, words the stages react to), empty input and
 * megabyte-long lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../pipeline/extract.ts";
import { pageArticle } from "../pipeline/html.ts";
import type { DocumentRecord } from "../pipeline/schema.ts";
import { schemaProblems, spanProblems } from "../pipeline/validate.ts";

// Words and dates from corpus/000_8a651a583932578d.txt, so stages find something to annotate in the noise.
const WORDS = ["IMU", "Islamic State", "Uzbekistan", "Usman Ghazi", "August 6th", "2015", "pledged allegiance", "killed", "26", "said"];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(" ", "\n", "\n\n", "\r\n", "\t", "\u0000", "\u0007", "\u2028", "\u00a0", ".", ",", "(", ")", "[1]", "'s"),
  fc.constantFrom("\ud800", "\udc00", "\ud83d\ude00", "\ufeff"),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: "binary", maxLength: 8 }),
);
const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(""));

function expectValid(record: DocumentRecord, source: string) {
  expect(schemaProblems(record)).toEqual([]);
  expect(spanProblems(record, source)).toEqual([]);
}

describe("pipeline robustness", () => {
  it("never crashes and keeps every span inside the text, for arbitrary strings", () => {
    fc.assert(
      fc.property(text, (source) => {
        expectValid(extract({ id: "arbitrary", text: source }), source);
      }),
      { numRuns: 150 },
    );
  });

  it("handles empty and whitespace-only text", () => {
    for (const source of ["", " ", "\n\n\n", "\u0000"]) expectValid(extract({ id: "blank", text: source }), source);
  });

  it("handles a 1 MB line, half prose, half noise", () => {
    const prose = "The IMU pledged allegiance to the Islamic State on August 6th, 2015, and 26 were killed. ".repeat(6_000);
    const [pieces] = fc.sample(fc.array(piece, { minLength: 150_000, maxLength: 150_000 }), { numRuns: 1, seed: 42 });
    const line = (prose + pieces!.join("")).replace(/[\n\r\u2028]/g, " ").slice(0, 1_000_000);
    expect(line.length).toBe(1_000_000);
    expectValid(extract({ id: "long-line", text: line }), line);
  });

  it("finds an article or none in arbitrary markup, without crashing", () => {
    const tag = fc.constantFrom("<p>", "</p>", "<div>", "</div>", "<br>", "<article>", "<h1>", "</h1>", "<script>", "&amp;", "&#xD800;", "<!--", "-->");
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, piece), { maxLength: 80 }), (parts) => {
        const article = pageArticle(`<html><body>${parts.join("")}</body></html>`);
        if (article) expect(article.text.trim()).not.toBe("");
      }),
      { numRuns: 100 },
    );
  });
});
