import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newDoc, type Doc } from "../pipeline/document.ts";
import { clean } from "./clean.ts";
import { documentDate } from "./dct.ts";
import { timeExpressions } from "./times.ts";
import { tokenize } from "./tokens.ts";

const CORPUS = new URL("../corpus/", import.meta.url);

function article(id: string, published?: string): Doc {
  const text = readFileSync(new URL(`${id}.txt`, CORPUS), "utf8");
  return timeExpressions(tokenize(documentDate(clean(newDoc({ id, text, published })))));
}

/** The time expression the pipeline found exactly at `target`, which must follow `context` in the text. */
function timeAt(doc: Doc, context: string, target: string) {
  const at = doc.text.indexOf(context + target);
  expect(at, `"${context}${target}" is in the text`).toBeGreaterThanOrEqual(0);
  const start = at + context.length;
  const found = doc.times.find((t) => t.start === start && t.end === start + target.length);
  return found && { type: found.type, value: found.value, ...(found.mod ? { mod: found.mod } : {}) };
}

const overlapping = (doc: Doc, context: string) => {
  const at = doc.text.indexOf(context);
  expect(at).toBeGreaterThanOrEqual(0);
  return doc.times.filter((t) => t.start < at + context.length && at < t.end);
};

describe("times on 000 (dateline 22 August 2015)", () => {
  const doc = article("000_8a651a583932578d");
  it("resolves a year-less day and a bare season against the DCT", () => {
    expect(timeAt(doc, "On ", "August 6th")).toEqual({ type: "DATE", value: "2015-08-06" });
    expect(timeAt(doc, "all ", "summer")).toEqual({ type: "DATE", value: "2015-SU" });
  });
  it("normalizes a decade without its article", () => {
    expect(timeAt(doc, "the ", "1990s")).toEqual({ type: "DATE", value: "199X" });
  });
});

describe("times on 001 (no dateline: year inferred)", () => {
  const doc = article("001_2ab9d31026021b1f");
  it("reads durations, including vague ones ('Only days after', 'A few months later')", () => {
    expect(timeAt(doc, "Only ", "days")).toEqual({ type: "DURATION", value: "PXD" });
    expect(timeAt(doc, "The rest of the ", "16-minute")).toEqual({ type: "DURATION", value: "PT16M" });
    expect(timeAt(doc, "", "A few months")).toEqual({ type: "DURATION", value: "PXM" });
  });
  it("puts the mod word inside the span", () => {
    expect(timeAt(doc, "", "late 2014")).toEqual({ type: "DATE", value: "2014", mod: "END" });
  });
  it("gives a year-less date the inferred year", () => {
    expect(timeAt(doc, "Furqon TV on ", "July 31")).toEqual({ type: "DATE", value: "2015-07-31" });
  });
});

describe("times on 002 (metadata 2015-08-06)", () => {
  const doc = article("002_e415b61004e0126d", "2015-08-06");
  it("reads a fractional duration and a month named without a year", () => {
    expect(timeAt(doc, "a ", "2-1/2 minute")).toEqual({ type: "DURATION", value: "PT2.5M" });
    expect(timeAt(doc, "In ", "January")).toEqual({ type: "DATE", value: "2015-01" });
  });
});

describe("times on 003 (year 2016 implied by 'last December 11')", () => {
  const doc = article("003_dbbdcbbaff3b22af");
  it("takes 'last December' from the year before and other year-less dates from the DCT year", () => {
    expect(timeAt(doc, "a battle ", "last December 11")).toEqual({ type: "DATE", value: "2015-12-11" });
    expect(timeAt(doc, "a video posted ", "February 10")).toEqual({ type: "DATE", value: "2016-02-10" });
    expect(timeAt(doc, "", "mid-July")).toEqual({ type: "DATE", value: "2016-07", mod: "MID" });
  });
  it("reads present and past references", () => {
    expect(timeAt(doc, "", "Now")).toEqual({ type: "DATE", value: "PRESENT_REF" });
    expect(timeAt(doc, "as Caravanserai reported ", "earlier")).toEqual({ type: "DATE", value: "PAST_REF" });
  });
});

describe("times on 004 (profile with reference access dates)", () => {
  const doc = article("004_2f3aaa3f4115be49");
  it("reads a label year, 9/11 and 'Present' in a range", () => {
    expect(timeAt(doc, "Formed: ", "1998")).toEqual({ type: "DATE", value: "1998" });
    expect(timeAt(doc, "Following ", "9/11")).toEqual({ type: "DATE", value: "2001-09-11" });
    expect(timeAt(doc, "September 25, 2000 – ", "Present")).toEqual({ type: "DATE", value: "PRESENT_REF" });
  });
  it("splits a range into two expressions", () => {
    expect(timeAt(doc, "\n", "December 2002")).toEqual({ type: "DATE", value: "2002-12" });
    expect(timeAt(doc, "December 2002 – ", "May 2003")).toEqual({ type: "DATE", value: "2003-05" });
  });
  it("gives year-less dates the year of the month their paragraph dates ('August 1999: On August 9 … On August 23')", () => {
    expect(timeAt(doc, "August 1999: On ", "August 9")).toEqual({ type: "DATE", value: "1999-08-09" });
    expect(timeAt(doc, "On ", "August 23")).toEqual({ type: "DATE", value: "1999-08-23" });
  });
  it("resolves expressions anchored to the previous date", () => {
    expect(timeAt(doc, "On ", "the same day")).toEqual({ type: "DATE", value: "2004-07-30" });
    expect(timeAt(doc, "Afghan National Army soldier, ", "the following month")).toEqual({ type: "DATE", value: "2015-03" });
  });
  it("reads list-item years but not counts", () => {
    expect(timeAt(doc, "- ", "2010")).toEqual({ type: "DATE", value: "2010" });
    expect(overlapping(doc, "freed 384 prisoners")).toEqual([]);
    expect(overlapping(doc, "1,500 – 2,000")).toEqual([]);
  });
  it("finds nothing inside excluded reference lists", () => {
    const excludedTimes = doc.times.filter((t) => doc.excluded.some((r) => r.start < t.end && t.start < r.end));
    expect(excludedTimes).toEqual([]);
  });
});
