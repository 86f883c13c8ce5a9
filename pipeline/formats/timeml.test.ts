import { describe, expect, it } from "vitest";
import { parseTimeml } from "../eval/timeml.ts";
import { toTimeml } from "./timeml.ts";
import { goldDocuments } from "./test-corpus.ts";

/**
 * XML well-formedness as far as TimeML uses it: one declaration, tags that
 * nest and close in order, attribute values quoted, and no raw "<" or "&"
 * in text except in the five predefined entities or character references.
 */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  if (body === xml) problems.push("no XML declaration");
  const stack: string[] = [];
  for (const m of body.matchAll(/<[^>]*>|[^<]+/g)) {
    const piece = m[0];
    if (!piece.startsWith("<")) {
      const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(piece);
      if (bad) problems.push(`raw & at ${m.index! + bad.index}`);
      if (piece.includes("]]>")) problems.push(`"]]>" in text at ${m.index}`);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(piece);
    if (!tag) {
      problems.push(`malformed tag ${piece.slice(0, 40)} at ${m.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = tag;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element at ${m.index}`);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(", ")}`);
  if (body.trim().match(/^<TimeML\b[\s\S]*<\/TimeML>$/) === null) problems.push("not one TimeML root element");
  return problems;
}

describe("TimeML", () => {
  const docs = goldDocuments();

  it("writes well-formed TimeML that the TempEval reader reads back to the same text, offsets, types, values and mods", () => {
    const withTimes = docs.filter((d) => d.record.times.length);
    expect(withTimes.length).toBeGreaterThanOrEqual(3);
    for (const { record, text } of docs) {
      const xml = toTimeml(record, text);
      expect(wellFormedProblems(xml), record.id).toEqual([]);
      const back = parseTimeml(record.id, xml);
      expect(back.text).toBe(text);
      const sorted = [...record.times].sort((a, b) => a.start - b.start);
      expect(back.timexes).toEqual(sorted.map(({ start, end, text, type, value, mod }) => ({ start, end, text, type, value, ...(mod ? { mod } : {}) })));
    }
  });

  it("escapes & in text (000: 'Security&Crime') and puts the DCT in the header", () => {
    const doc = docs.find((d) => d.record.id === "000_8a651a583932578d")!;
    const xml = toTimeml(doc.record, doc.text);
    expect(xml).toContain("Security&amp;Crime");
    expect(xml).toContain(`<DCT><TIMEX3 tid="t0" type="DATE" value="${doc.record.published}" temporalFunction="false" functionInDocument="CREATION_TIME">`);
    expect(parseTimeml(doc.record.id, xml).published).toBe(doc.record.published);
  });

  it("keeps carriage returns and markup-like text through the XML round trip", () => {
    const { record } = docs[0]!;
    const text = "Kabul <b>\r\non August 6 & \"later\"";
    const at = text.indexOf("August 6");
    const times = [{ start: at, end: at + 8, text: "August 6", type: "DATE" as const, value: "2015-08-06" }];
    const xml = toTimeml({ ...record, times }, text);
    expect(wellFormedProblems(xml)).toEqual([]);
    const back = parseTimeml(record.id, xml);
    expect(back.text).toBe(text);
    expect(back.timexes[0]).toMatchObject({ start: at, end: at + 8, value: "2015-08-06" });
  });

  it("refuses overlapping time expressions, which TIMEX3 tags cannot express", () => {
    const { record, text } = docs.find((d) => d.record.times.length)!;
    const t = record.times[0]!;
    const inner = { ...t, start: t.start + 1, text: text.slice(t.start + 1, t.end) };
    expect(() => toTimeml({ ...record, times: [t, inner] }, text)).toThrow(/overlaps/);
  });
});
