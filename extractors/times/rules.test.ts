/** Normalization rules of the time stage, each on a sentence written for it and a DCT, values checked by hand against TimeML. */
import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { clean } from "../clean.ts";
import { documentDate } from "../dct.ts";
import { timeExpressions } from "../times.ts";
import { tokenize } from "../tokens.ts";

/** Every time expression in `text` published on `published`, as "text → TYPE value [mod]". */
function times(text: string, published: string): string[] {
  const doc = timeExpressions(tokenize(documentDate(clean(newDoc({ id: "t", text, published })))));
  return doc.times.map((t) => `${t.text} → ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ""}`);
}

describe("durations", () => {
  it("reads 'and a half' as half a unit more", () => {
    expect(times("The hearing lasted an hour and a half.", "2015-08-06")).toEqual(["an hour and a half → DURATION PT1.5H"]);
    expect(times("She spoke for two and a half minutes.", "2015-08-06")).toEqual(["two and a half minutes → DURATION PT2.5M"]);
  });
  it("counts quarters in Q", () => {
    expect(times("The firm has lost money in the past two quarters.", "1999-10-20")).toEqual(["past two quarters → DURATION P2Q"]);
    expect(times("It pays interest every quarter.", "1999-10-20")).toEqual(["every quarter → SET P1Q"]);
  });
  it("leaves a period named by what filled it ('a year of attacks') untagged, unlike a length ('after a year of talks')", () => {
    expect(times("He was referring to a year of several deadly attacks in the capital.", "2016-08-01")).toEqual([]);
    expect(times("The deal came after a year of talks.", "2016-08-01")).toEqual(["a year → DURATION P1Y"]);
  });
});

describe("dates relative to the DCT", () => {
  it("joins a month to 'this year' / 'last year'", () => {
    expect(times("In January this year, the police reopened the case.", "2015-08-06")).toEqual(["January this year → DATE 2015-01"]);
    expect(times("The leader was arrested in June last year.", "2015-08-06")).toEqual(["June last year → DATE 2014-06"]);
  });
  it("reads a year-earlier quarter in a text that reports by quarter", () => {
    expect(times("Profit rose in the third quarter. In the year-earlier period, the bank lost $3 million.", "1999-10-20")).toEqual([
      "third quarter → DATE 1999-Q3",
      "year-earlier period → DATE 1998-Q3",
    ]);
    expect(times("The year-ago third quarter was weaker.", "1999-10-20")).toEqual(["year-ago third quarter → DATE 1998-Q3"]);
  });
  it("does not read 'Earlier' before a weekday as a past reference", () => {
    expect(times("Earlier Friday, the rebels shelled the town.", "2015-08-08")).toEqual(["Friday → DATE 2015-08-07"]);
  });
});
