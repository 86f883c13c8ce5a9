import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isExcluded, newDoc, type Doc } from "../pipeline/document.ts";
import { canonicalNames } from "./aliases.ts";
import { clean } from "./clean.ts";
import { recognizeEntities } from "./entities.ts";
import { tokenize } from "./tokens.ts";

function entitiesOf(id: string): Doc {
  const text = readFileSync(new URL(`../corpus/${id}.txt`, import.meta.url), "utf8");
  return recognizeEntities(tokenize(clean(newDoc({ id, text }))));
}

const found = (doc: Doc, text: string) => doc.entities.filter((e) => e.text === text).map((e) => e.type);

describe("recognizeEntities on article 000", () => {
  const doc = entitiesOf("000_8a651a583932578d");

  it("keeps every span equal to its slice of the source, outside excluded regions", () => {
    expect(doc.entities.length).toBeGreaterThan(30);
    for (const entity of doc.entities) {
      expect(doc.text.slice(entity.start, entity.end)).toBe(entity.text);
      expect(isExcluded(doc, entity.start, entity.end)).toBe(false);
    }
  });

  it("drops titles and leading 'the', and the possessive ’s", () => {
    // "National Security Adviser to President Ashraf Ghani", "Vice President Abdul Rashid Dostum", "the Taliban organization", "Afghanistan’s largest"
    expect(found(doc, "Ashraf Ghani")).toEqual(["PERSON"]);
    expect(found(doc, "Abdul Rashid Dostum")).toEqual(["PERSON"]);
    expect(doc.entities.some((e) => /^(President|Vice|Mullah|the )/i.test(e.text))).toBe(false);
    expect(doc.entities.some((e) => /’s$/.test(e.text))).toBe(false);
    expect(found(doc, "Afghanistan").length).toBeGreaterThanOrEqual(4);
  });

  it("types groups, places, regions and peoples the OntoNotes way", () => {
    expect(found(doc, "Islamic Movement of Uzbekistan")[0]).toBe("ORG");
    expect(found(doc, "IMU").every((type) => type === "ORG")).toBe(true);
    expect(found(doc, "Central Asia")).toEqual(["LOC", "LOC"]);
    expect(found(doc, "Moscow")).toEqual(["GPE"]);
    expect(found(doc, "Uzbeks")).toEqual(["NORP"]);
    expect(found(doc, "Wall Street Journal")).toEqual(["ORG"]);
  });
});

describe("recognizeEntities on hyphenated names", () => {
  it("cuts names out of hyphen compounds (001: 'the IMU-controlled Furqon TV', 'the Kabul-based Centre')", () => {
    const doc = entitiesOf("001_2ab9d31026021b1f");
    expect(found(doc, "IMU").length).toBeGreaterThan(5);
    expect(doc.entities.some((e) => e.text === "IMU" && doc.text.slice(e.end, e.end + 11) === "-controlled")).toBe(true);
    expect(found(doc, "Kabul")).toEqual(["GPE"]);
  });

  it("splits a pair of names ('along the Afghan-Pakistan border' in 004) into NORP and GPE", () => {
    const doc = entitiesOf("004_2f3aaa3f4115be49");
    const at = doc.text.indexOf("Afghan-Pakistan border");
    const inPair = doc.entities.filter((e) => e.start >= at && e.end <= at + 15).map((e) => [e.text, e.type]);
    expect(inPair).toEqual([
      ["Afghan", "NORP"],
      ["Pakistan", "GPE"],
    ]);
  });
});

describe("the aliases stage after it", () => {
  it("gives acronyms, aliases and surnames their canonical name (000)", () => {
    const doc = canonicalNames(entitiesOf("000_8a651a583932578d"));
    const canonical = (text: string) => new Set(doc.entities.filter((e) => e.text === text).map((e) => e.canonical));
    expect(canonical("IMU")).toEqual(new Set(["Islamic Movement of Uzbekistan"]));
    expect(canonical("ISIS")).toEqual(new Set(["Islamic State"]));
    expect(canonical("Omar")).toEqual(new Set(["Mohammad Omar"]));
    expect(canonical("Uzbeks")).toEqual(new Set(["Uzbek"]));
  });
});
