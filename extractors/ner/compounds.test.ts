import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { clean } from "../clean.ts";
import { recognizeEntities } from "../entities.ts";
import { tokenize } from "../tokens.ts";
import { LABELS, spansOfLabels } from "./labels.ts";
import { sentenceMentions } from "./ontonotes.ts";
import { taggerSentences } from "./tokens.ts";

/**
 * Mentions of a corpus sentence given the tagger's labels ("O" where not listed):
 * by token text, or as [word, label] pairs given to the word's next occurrences in order.
 */
function mentionsOf(text: string, labels: Record<string, string> | [string, string][]) {
  const [tokens] = taggerSentences(tokenize(newDoc({ id: "t", text })));
  const names = tokens!.map((t) => (Array.isArray(labels) ? "O" : (labels[t.text] ?? "O")));
  if (Array.isArray(labels)) {
    let from = 0;
    for (const [word, label] of labels) {
      from = tokens!.findIndex((t, i) => i >= from && t.text === word);
      expect(from, word).toBeGreaterThanOrEqual(0);
      names[from++] = label;
    }
  }
  const indices = names.map((name) => LABELS.indexOf(name as (typeof LABELS)[number]));
  return sentenceMentions(tokens!, spansOfLabels(indices), false).map((m) => [text.slice(m.start, m.end), m.type]);
}

/** The entities the whole stage, tagger included, finds in a corpus article. */
function entitiesOf(id: string) {
  const text = readFileSync(new URL(`../../corpus/${id}.txt`, import.meta.url), "utf8");
  return recognizeEntities(tokenize(clean(newDoc({ id, text })))).entities.map((e) => [e.text, e.type]);
}

describe("place designators", () => {
  it("joins a designator the tagger tagged alone to the place before it (003)", () => {
    const text = "The news infuriated the Afghan Taliban, the IMU's former ally, which trapped the IMU in Zabul Province, Afghanistan, and decimated it in a battle last December.";
    const found = mentionsOf(text, { Afghan: "B-MISC", Taliban: "B-ORG", IMU: "B-ORG", Zabul: "B-LOC", Province: "B-LOC", Afghanistan: "B-LOC" });
    expect(found).toContainEqual(["Zabul Province", "GPE"]);
    expect(found).toContainEqual(["Afghanistan", "GPE"]);
    expect(found.map(([name]) => name)).not.toContain("Province");
  });

  it("continues a place over an untagged capitalised designator, typed by it (004)", () => {
    const text = "Its most notable attacks include the April 2012 attack on Pakistan’s Bannu Prison, which freed 384 prisoners, and the June 2014 attack on the Jinnah International Airport in Karachi, Pakistan,";
    const found = mentionsOf(text, { Pakistan: "B-LOC", Bannu: "B-LOC", Karachi: "B-LOC" });
    expect(found).toContainEqual(["Bannu Prison", "FAC"]);
  });

  it("never takes a designator alone for a name (001)", () => {
    const zabul = "which trapped the IMU in Zabul Province, Afghanistan, and decimated it in a battle last December.";
    expect(mentionsOf(zabul, { IMU: "B-ORG", Province: "B-LOC", Afghanistan: "B-LOC" })).toEqual([
      ["IMU", "ORG"],
      ["Afghanistan", "GPE"],
    ]);
    const text = "Many of their militants fled to Pakistan’s Swat Valley.";
    expect(mentionsOf(text, { Pakistan: "B-LOC", Swat: "B-LOC", Valley: "B-LOC" })).toEqual([
      ["Pakistan", "GPE"],
      ["Swat Valley", "LOC"],
    ]);
  });

  it("leaves a lowercase designator out of the name (004, Guidelines: 'Zabul province' -> Zabul)", () => {
    const text = "Prison break: Taliban attack Bannu jail, nearly 400 inmates escape.";
    expect(mentionsOf(text, { Taliban: "B-ORG", Bannu: "B-LOC" })).toContainEqual(["Bannu jail", "FAC"]);
  });
});

describe("organisation names with of, for and and", () => {
  it("joins a head noun over 'for' to the name after it (002)", () => {
    const text = "and accused the Afghan militant group of collaboration with Pakistan's spy agency, the Directorate for Inter-Services Intelligence (ISI).";
    const found = mentionsOf(text, { Afghan: "B-MISC", Pakistan: "B-LOC", Directorate: "B-ORG", "Inter-Services": "B-ORG", Intelligence: "I-ORG", ISI: "B-ORG" });
    expect(found).toContainEqual(["Directorate for Inter-Services Intelligence", "ORG"]);
    expect(found).toContainEqual(["ISI", "ORG"]);
    expect(found.map(([name]) => name)).not.toContain("Directorate");
  });

  it("joins an untagged head over 'for' and 'and' to the tagged piece at its end (001)", () => {
    const text = "Hekmatullah Azamy, a researcher at the Kabul-based Centre for Conflict and Peace Studies, told RFE/RL’s Gandhara news service in June that the IMU has approximately 200 members.";
    const found = mentionsOf(text, { Hekmatullah: "B-PER", Azamy: "I-PER", Kabul: "B-LOC", Peace: "B-ORG", Studies: "I-ORG", "RFE/RL": "B-ORG", IMU: "B-ORG" });
    expect(found).toContainEqual(["Centre for Conflict and Peace Studies", "ORG"]);
    expect(found).toContainEqual(["Kabul", "GPE"]);
  });

  it("takes a full alias-table name over the tagger's split (003)", () => {
    const text = 'Members of the terrorist Islamic Movement of Uzbekistan (IMU) are expressing disillusionment with the "Islamic State of Iraq and the Levant" (ISIL).';
    const found = mentionsOf(text, [
      ["Islamic", "B-ORG"],
      ["Movement", "I-ORG"],
      ["of", "I-ORG"],
      ["Uzbekistan", "I-ORG"],
      ["IMU", "B-ORG"],
      ["Islamic", "B-ORG"],
      ["State", "I-ORG"],
      ["of", "I-ORG"],
      ["Iraq", "I-ORG"],
      ["Levant", "B-LOC"],
      ["ISIL", "B-ORG"],
    ]);
    expect(found).toEqual([
      ["Islamic Movement of Uzbekistan", "ORG"],
      ["IMU", "ORG"],
      ["Islamic State of Iraq and the Levant", "ORG"],
      ["ISIL", "ORG"],
    ]);
  });

  it("does not run an organisation's name on over a title-case headline (004)", () => {
    const text = "“The Islamic Movement of Uzbekistan Opens a Door to the Islamic State.”";
    const found = mentionsOf(text, [
      ["Islamic", "B-ORG"],
      ["Movement", "I-ORG"],
      ["of", "I-ORG"],
      ["Uzbekistan", "I-ORG"],
      ["Islamic", "B-ORG"],
      ["State", "I-ORG"],
    ]);
    expect(found).toEqual([
      ["Islamic Movement of Uzbekistan", "ORG"],
      ["Islamic State", "ORG"],
    ]);
  });
});

describe("possessives inside organisation names", () => {
  it("joins an organisation and its service named by a service noun (002)", () => {
    const text = "Such a pledge came in March, as reported by RFE/RL's Uzbek Service, but from a person named Sadulla Urgenji who claimed to be from a group of Uzbeks fighting for IMU in northern Afghanistan.";
    const found = mentionsOf(text, { "RFE/RL": "B-ORG", Uzbek: "B-MISC", Service: "I-MISC", Sadulla: "B-PER", Urgenji: "I-PER", Uzbeks: "B-MISC", IMU: "B-ORG", Afghanistan: "B-LOC" });
    expect(found).toContainEqual(["RFE/RL's Uzbek Service", "ORG"]);
    expect(found.map(([name]) => name)).not.toContain("RFE/RL");
  });

  it("joins an organisation and its outlet named before a lowercase 'news service' (001)", () => {
    const text = "Hekmatullah Azamy, a researcher at the Kabul-based Centre for Conflict and Peace Studies, told RFE/RL’s Gandhara news service in June that the IMU has approximately 200 members.";
    const found = mentionsOf(text, { Hekmatullah: "B-PER", Azamy: "I-PER", "RFE/RL": "B-ORG", Gandhara: "B-ORG", news: "I-ORG", service: "I-ORG", IMU: "B-ORG" });
    expect(found).toContainEqual(["RFE/RL’s Gandhara", "ORG"]);
  });
});

describe("the whole entity stage on corpus articles", () => {
  it("finds the long names of article 002 whole", () => {
    const found = entitiesOf("002_e415b61004e0126d");
    expect(found).toContainEqual(["Directorate for Inter-Services Intelligence", "ORG"]);
    expect(found.filter(([name]) => name === "RFE/RL's Uzbek Service")).toHaveLength(2);
  });

  it("finds 'Zabul Province' and the ISIL long form of article 003 whole", () => {
    const found = entitiesOf("003_dbbdcbbaff3b22af");
    expect(found).toContainEqual(["Zabul Province", "GPE"]);
    expect(found).toContainEqual(["Islamic State of Iraq and the Levant", "ORG"]);
    expect(found.map(([name]) => name)).not.toContain("Province");
  });
});
