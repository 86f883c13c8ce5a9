import { describe, expect, it } from "vitest";
import { framesOf, ofType } from "./doc-fixture.ts";

/** Invented groups: these tests use no article of the corpus. */
const RED = "Red Crescent Front";
const DAWN = "Dawn Brigade";
const SUN = "Sun Legion";
const HAWKS = "Hawks of Liberty";

const evidenceTexts = (frame: { evidence: { text: string }[] }) => frame.evidence.map((e) => e.text);

describe("events: a split stated of groups in general, then one by one", () => {
  const text =
    "The Red Crescent Front fought in the hills for a decade.\n" +
    "Several breakaway factions formed out of the Red Crescent Front during the war. " +
    "The Dawn Brigade, a northern faction, formed in 2011 after a dispute over funds. " +
    "The Sun Legion split from the Red Crescent Front in 2013.\n" +
    "The Hawks of Liberty were founded in 2015 in the capital.";
  const events = framesOf(
    text,
    [["Red Crescent Front", "ORG", RED], ["Dawn Brigade", "ORG", DAWN], ["Sun Legion", "ORG", SUN], ["Hawks of Liberty", "ORG", HAWKS]],
    [["2011", "2011"], ["2013", "2013"], ["2015", "2015"]],
  );
  const splits = ofType(events, "SPLIT");

  it("tells the summary's split of each group the paragraph names, formed or split, and makes no frame of the summary", () => {
    expect(splits.map((e) => e.slots)).toEqual([
      { agent: DAWN, from: RED, date: "2011" },
      { agent: SUN, from: RED, date: "2013" },
    ]);
  });

  it("gives each group's split the summary as evidence", () => {
    for (const split of splits) expect(evidenceTexts(split)[0]).toMatch(/^Several breakaway factions formed out of/);
  });

  it("leaves a group founded in the next paragraph out of the summary", () => {
    expect(splits.some((e) => e.slots.agent === HAWKS)).toBe(false);
  });
});

describe("events: 'other groups leave X' after a group already said to leave it", () => {
  const text =
    "The Dawn Brigade broke away from the Red Crescent Front in March.\n\n" +
    "Other armed groups quit the Red Crescent Front\n\n" +
    "The Dawn Brigade was not alone. In April, the Sun Legion announced its own break with the Red Crescent Front.";
  const events = framesOf(
    text,
    [["Dawn Brigade", "ORG", DAWN], ["Red Crescent Front", "ORG", RED], ["Sun Legion", "ORG", SUN]],
    [["March", "2019-03"], ["April", "2019-04"]],
    "2019-06-01",
  );

  it("joins the headline to the later group only", () => {
    const splits = ofType(events, "SPLIT");
    expect(splits.map((e) => e.slots.agent)).toEqual([DAWN, SUN]);
    expect(evidenceTexts(splits[0]!).some((t) => t.startsWith("Other armed groups"))).toBe(false);
    expect(evidenceTexts(splits[1]!)[0]).toBe("Other armed groups quit the Red Crescent Front");
  });
});

describe("events: a general split with no group named after it", () => {
  it("stays a frame of its own", () => {
    const text = "Several factions broke away from the Red Crescent Front after the truce.";
    const events = framesOf(text, [["Red Crescent Front", "ORG", RED]]);
    expect(ofType(events, "SPLIT").map((e) => e.slots)).toEqual([{ agent: "Several factions", from: RED }]);
  });
});
