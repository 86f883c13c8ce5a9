import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { tokenize } from "../tokens.ts";
import { LABELS, spansOfLabels } from "./labels.ts";
import { sentenceMentions } from "./ontonotes.ts";
import { taggerSentences } from "./tokens.ts";

/** Mentions of a corpus sentence given hand-chosen tagger labels per token ("O" where not listed). */
function mentionsOf(text: string, labels: Record<string, string>) {
  const [tokens] = taggerSentences(tokenize(newDoc({ id: "t", text })));
  const indices = tokens!.map((t) => LABELS.indexOf((labels[t.text] ?? "O") as (typeof LABELS)[number]));
  return sentenceMentions(tokens!, spansOfLabels(indices), false).map((m) => [text.slice(m.start, m.end), m.type]);
}

describe("sentenceMentions", () => {
  it("joins an Arabic patronymic into one person (004)", () => {
    const text = "In the late 1990s, AQ leader Osama bin Laden provided funding that contributed to the establishment of the IMU.";
    expect(mentionsOf(text, { Laden: "B-LOC", IMU: "B-ORG" })).toEqual([
      ["AQ", "ORG"],
      ["Osama bin Laden", "PERSON"],
      ["IMU", "ORG"],
    ]);
  });

  it("finds a well-known acronym the tagger missed, in ordinary text (004)", () => {
    const text = "Yuldashev was killed in a US drone strike in Pakistan.";
    expect(mentionsOf(text, { Yuldashev: "B-PER", Pakistan: "B-LOC" })).toEqual([
      ["Yuldashev", "PERSON"],
      ["US", "GPE"],
      ["Pakistan", "GPE"],
    ]);
  });

  it("leaves the compass word out of a country's name (004)", () => {
    const text = "with some forces located in North Afghanistan.";
    expect(mentionsOf(text, { North: "B-LOC", Afghanistan: "I-LOC" })).toEqual([["Afghanistan", "GPE"]]);
  });

  it("makes a city and a lowercase 'airport' one facility (001)", () => {
    const text = "The group claimed responsibility for the attack on Karachi airport in June 2014 which left 39 dead.";
    expect(mentionsOf(text, { Karachi: "B-LOC" })).toEqual([["Karachi airport", "FAC"]]);
  });

  it("types a known place hyphened to a word as GPE, whatever the tagger said (003)", () => {
    const text = '"Ghazi was born in 1970 in Tashkent," Tashkent-based terrorism analyst Viktor Mikhailov told Caravanserai.';
    const found = mentionsOf(text, { Ghazi: "B-PER", Tashkent: "B-ORG", Viktor: "B-PER", Mikhailov: "I-PER" });
    expect(found).toContainEqual(["Tashkent", "GPE"]);
    expect(found).toContainEqual(["Viktor Mikhailov", "PERSON"]);
  });

  it("drops a trailing common noun and a MISC that is no people (000)", () => {
    const text = "This forced IMU to flee to Afghanistan, where they pledged allegiance to the Taliban organization led by Mullah Mohammad Omar.";
    const found = mentionsOf(text, { IMU: "B-ORG", Afghanistan: "B-LOC", Taliban: "B-ORG", organization: "I-ORG", Mullah: "B-PER", Mohammad: "I-PER", Omar: "I-PER" });
    expect(found).toEqual([
      ["IMU", "ORG"],
      ["Afghanistan", "GPE"],
      ["Taliban", "ORG"],
      ["Mohammad Omar", "PERSON"],
    ]);
  });

  it("cuts a tagged span at its commas and drops a month after a name (003)", () => {
    const text =
      "Another militant organisation comprised predominantly of Uzbekistanis and ethnic Uzbeks from other countries, the Imam Bukhari Jamaat, which used to fight alongside ISIL in Idlib Province, Syria, swore allegiance to the Taliban July 19, as Caravanserai reported earlier.";
    const found = mentionsOf(text, { Idlib: "B-LOC", Province: "I-LOC", ",": "I-LOC", Syria: "I-LOC", Taliban: "B-ORG", July: "I-ORG" });
    expect(found).toEqual([
      ["ISIL", "ORG"],
      ["Idlib Province", "GPE"],
      ["Syria", "GPE"],
      ["Taliban", "ORG"],
    ]);
  });

  it("drops words that name no entity on their own (002)", () => {
    const text = '"Thank the Lord, following the Almighty\'s will we have pledged our allegiance (Bayaht, or Bay\'a) to the Caliphate that has bowed to Islam," Ghazi is quoted as saying.';
    const found = mentionsOf(text, { Lord: "B-LOC", Almighty: "B-LOC", "Bay'a": "B-ORG", Caliphate: "B-LOC", Ghazi: "B-PER" });
    expect(found).toEqual([["Ghazi", "PERSON"]]);
  });

  it("continues a name over an Arabic article the tagger cut off (004)", () => {
    const text =
      "The IMU also maintained close relations with the Tehrik-i-Taliban Pakistan (TTP); the two groups collaborated to attack the Jinnah International Airport in Karachi, Pakistan, in 2014, and established a joint militant group, Ansar al-Aseen, to free TTP militants in Pakistani prisons.";
    const found = mentionsOf(text, { IMU: "B-ORG", TTP: "B-ORG", Ansar: "B-ORG", Pakistani: "B-MISC" });
    expect(found).toContainEqual(["Ansar al-Aseen", "ORG"]);
    expect(found).toContainEqual(["Pakistani", "NORP"]);
  });

  it("types a Central Asian family name as a person, whatever the tagger said (004)", () => {
    const text = "IMU co-founders Tahir Yuldashev and Juma Namangani originally founded a militant organization, Adolat, in 1991 to establish Islamic law in Uzbekistan.";
    const found = mentionsOf(text, { IMU: "B-ORG", Tahir: "B-ORG", Yuldashev: "I-ORG", Adolat: "B-ORG", Uzbekistan: "B-LOC" });
    expect(found).toEqual([
      ["IMU", "ORG"],
      ["Tahir Yuldashev", "PERSON"],
      ["Adolat", "ORG"],
      ["Uzbekistan", "GPE"],
    ]);
  });
});
