import { describe, expect, it } from "vitest";
import type { Time } from "../schema.ts";
import { canonicalValue, parseTimeml, scoreDoc, summarize } from "./timeml.ts";

// A hand-written TimeML file in the TempEval-3 layout (DCT in <DCT>, inline TIMEX3 and EVENT tags in <TEXT>).
const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>HAND0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-08-22" temporalFunction="false" functionInDocument="CREATION_TIME">2015-08-22</TIMEX3></DCT>
<TEXT>
The IMU <EVENT eid="e1" class="OCCURRENCE">pledged</EVENT> allegiance on <TIMEX3 tid="t1" type="DATE" value="2015-08-06">August 6th</TIMEX3> &amp; fought for <TIMEX3 tid="t2" type="DURATION" value="P2M">two months</TIMEX3> in <TIMEX3 tid="t3" type="DATE" value="2015" mod="END">late 2015</TIMEX3>.
</TEXT>
</TimeML>`;

const time = (text: string, source: string, type: Time["type"], value: string): Time => {
  const start = source.indexOf(text);
  return { start, end: start + text.length, text, type, value };
};

describe("TimeML reader", () => {
  const doc = parseTimeml("HAND0001", TML);
  it("strips tags and entities into plain text with gold offsets into it", () => {
    expect(doc.text).toBe("\nThe IMU pledged allegiance on August 6th & fought for two months in late 2015.\n");
    expect(doc.published).toBe("2015-08-22");
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value, t.mod])).toEqual([
      ["August 6th", "DATE", "2015-08-06", undefined],
      ["two months", "DURATION", "P2M", undefined],
      ["late 2015", "DATE", "2015", "END"],
    ]);
  });
  it("rejects a file without <TEXT>", () => {
    expect(() => parseTimeml("x", "<TimeML></TimeML>")).toThrow(/TEXT/);
  });
});

describe("TimeML scoring", () => {
  const doc = parseTimeml("HAND0001", TML);
  const predicted = [
    time("August 6th", doc.text, "DATE", "2015-08-06"), // strict, right value
    time("months", doc.text, "DURATION", "PXM"), // relaxed only, wrong value
    time("allegiance", doc.text, "DATE", "PRESENT_REF"), // false alarm
  ];
  const score = scoreDoc(doc, predicted);
  it("counts strict and relaxed span matches one-to-one, and values on relaxed matches", () => {
    expect(score.overall).toMatchObject({ gold: 3, predicted: 3, strict: 1, relaxed: 2, value: 1, type: 2 });
    const s = summarize(score.overall);
    expect(s.relaxed.precision).toBeCloseTo(2 / 3);
    expect(s.value.recall).toBeCloseTo(1 / 3);
    expect(s.valueAccuracy).toBeCloseTo(1 / 2);
  });
  it("lists misses, false alarms and wrong values with context", () => {
    expect(score.errors.map((e) => [e.kind, e.gold?.text ?? e.predicted?.text])).toEqual([
      ["wrong value", "two months"],
      ["miss", "late 2015"],
      ["false alarm", "allegiance"],
    ]);
    expect(score.errors[1]!.context).toContain("[late 2015]");
  });
  it("treats equivalent spellings of a value as equal", () => {
    expect(canonicalValue("1949-XX")).toBe("1949");
    expect(canonicalValue("2000-W7")).toBe("2000-W07");
    expect(canonicalValue("2000-W14")).toBe("2000-W14");
    expect(canonicalValue("197X")).toBe(canonicalValue("197"));
    expect(canonicalValue("2015-08")).not.toBe(canonicalValue("2015"));
    expect(canonicalValue("P2.5Y")).toBe(canonicalValue("P2Y6M"));
    expect(canonicalValue("PT5.5H")).toBe(canonicalValue("PT5H30M"));
    expect(canonicalValue("PT2.5M")).toBe(canonicalValue("PT2M30S"));
    expect(canonicalValue("P1.5M")).toBe("P1.5M");
    expect(canonicalValue("P2E")).toBe(canonicalValue("P20Y"));
    expect(canonicalValue("P1C")).toBe(canonicalValue("P100Y"));
    expect(canonicalValue("P3Q")).toBe(canonicalValue("P9M"));
    expect(canonicalValue("PXE")).not.toBe(canonicalValue("PXY"));
    expect(canonicalValue("1989-11-06T17")).toBe(canonicalValue("1989-11-06T17:00"));
  });
});
