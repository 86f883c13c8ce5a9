import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newDoc } from "../pipeline/document.ts";
import { dateline, documentDate, impliedYear, latestFullDate } from "./dct.ts";

const corpus = (id: string) => readFileSync(new URL(`../corpus/${id}.txt`, import.meta.url), "utf8");
const dctOf = (id: string) => {
  const doc = documentDate(newDoc({ id, text: corpus(id) }));
  return [doc.published, doc.dctSource];
};

describe("document date", () => {
  it("reads a dateline near the top (000: 'publish: 22 August 2015')", () => {
    expect(dctOf("000_8a651a583932578d")).toEqual(["2015-08-22", "dateline"]);
  });

  it("prefers metadata", () => {
    const doc = documentDate(newDoc({ id: "002", text: corpus("000_8a651a583932578d"), published: "2015-08-06" }));
    expect([doc.published, doc.dctSource]).toEqual(["2015-08-06", "metadata"]);
  });

  it("infers the latest full date, reference access dates included, ignoring relative phrases (004: 'Web. 30 Aug. 2018'; 'Within a week')", () => {
    expect(dctOf("004_2f3aaa3f4115be49")).toEqual(["2018-08-30", "inferred"]);
  });

  it("infers the year that year-less dates imply (003: 'August 2015' … 'last December 11' → 2016)", () => {
    expect(dctOf("003_dbbdcbbaff3b22af")).toEqual(["2016", "inferred"]);
    expect(impliedYear("The IMU swore allegiance in August 2015. He died in a battle last December 11.")).toBe("2016");
  });

  it("keeps the latest named year when no 'last <month>' points past it (001: March 2015, July 31 → 2015)", () => {
    expect(dctOf("001_2ab9d31026021b1f")).toEqual(["2015", "inferred"]);
  });

  it("finds full dates in three spellings and none in counts", () => {
    expect(latestFullDate("Web. 25 Aug. 2018. Retrieved on February 16, 1999; filed 2018-08-28.")).toBe("2018-08-28");
    expect(latestFullDate("5,000 – 7,000 fighters in 2015")).toBeNull();
    expect(dateline("• publish: 22 August 2015\n  • time: 11:06 pm")).toBe("2015-08-22");
  });
});
