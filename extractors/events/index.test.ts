import { describe, expect, it } from "vitest";
import { framesOf, ofType, slotOf, type MentionSpec } from "./doc-fixture.ts";
import { cleanEvidence } from "./index.ts";
import { newDoc, span } from "../../pipeline/document.ts";
import { clean } from "../clean.ts";

const IMU = "Islamic Movement of Uzbekistan";
const IS = "Islamic State";

describe("events: sentences (001, 003, 000)", () => {
  const text =
    "Usman Ghazi, the IMU’s leader since 2012, features in the clip.\n" +
    "In September 2014, Ghazi pledged support to Islamic State leader Abu Bakr al-Baghdadi, criticising Mullah Omar, who had not been seen in public since 2001. " +
    "Ghazi stopped short of pledging bay’a [the oath of allegiance] to ISIS.";
  const mentions: MentionSpec[] = [
    ["Usman Ghazi", "PERSON", "Usman Ghazi"],
    ["Ghazi", "PERSON", "Usman Ghazi", 1],
    ["Ghazi", "PERSON", "Usman Ghazi", 2],
    ["IMU", "ORG", IMU],
    ["Islamic State", "ORG", IS],
    ["Abu Bakr al-Baghdadi", "PERSON"],
    ["Omar", "PERSON", "Mohammad Omar"],
    ["ISIS", "ORG", IS],
  ];
  const events = framesOf(text, mentions, [["2012", "2012"], ["September 2014", "2014-09"], ["2001", "2001"]]);

  it("reads a leader's appositive tenure as LEADERSHIP", () => {
    expect(ofType(events, "LEADERSHIP")).toEqual([
      expect.objectContaining({ certainty: "asserted", slots: { person: "Usman Ghazi", org: IMU, role: "leader", start: "2012" } }),
    ]);
  });

  it("gives a leader's pledge to his group, to the group of the leader pledged to", () => {
    const pledges = ofType(events, "PLEDGE");
    expect(pledges[0]).toMatchObject({
      certainty: "asserted",
      slots: { agent: IMU, to: IS, date: "2014-09", strength: "support" },
    });
  });

  it("marks 'stopped short of pledging' as a negated pledge, not merged with the asserted one", () => {
    const negated = ofType(events, "PLEDGE").filter((e) => e.certainty === "negated");
    expect(negated).toHaveLength(1);
    expect(negated[0]!.slots).toMatchObject({ agent: IMU, to: IS, strength: "allegiance" });
  });

  it("does not read 'had not been seen in public since 2001' as any event", () => {
    expect(events.map((e) => e.type).sort()).toEqual(["LEADERSHIP", "PLEDGE", "PLEDGE"]);
  });
});

describe("events: frames across a sentence boundary (000)", () => {
  const text =
    "It is not the first time the Islamic Movement of Uzbekistan allies with another major terrorist group.\n\n" +
    "The group was created in the 1990s in Uzbekistan. They unsuccessfully attempted to overthrow Soviet’s President Islam Karimov. " +
    "This forced IMU to flee to Afghanistan, where they pledged allegiance to the Taliban organization led by Mullah Mohammad Omar.";
  const events = framesOf(
    text,
    [
      ["Islamic Movement of Uzbekistan", "ORG", IMU],
      ["IMU", "ORG", IMU],
      ["Uzbekistan", "GPE", "Uzbekistan", 1],
      ["Soviet", "NORP"],
      ["Islam Karimov", "PERSON"],
      ["Afghanistan", "GPE"],
      ["Taliban", "ORG"],
      ["Mohammad Omar", "PERSON"],
    ],
    [["1990s", "199X"]],
  );

  it("resolves 'the group' to the organisation the article is about", () => {
    expect(ofType(events, "FOUNDING")).toEqual([
      expect.objectContaining({ slots: { org: IMU, date: "199X", location: "Uzbekistan" } }),
    ]);
  });

  it("resolves 'they' to the group named before it in the sentence", () => {
    expect(ofType(events, "PLEDGE").map((e) => e.slots)).toEqual([{ agent: IMU, to: "Taliban", strength: "allegiance" }]);
  });

  it("makes no attack of a failed attempt at overthrow", () => {
    expect(ofType(events, "ATTACK")).toEqual([]);
  });
});

describe("events: a founding with founders, place and the right of two dates (003)", () => {
  it("takes the date and place nearest the trigger, founders after 'by'", () => {
    const text = "The IMU was founded in Kandahar, Afghanistan, in 1996 by Uzbekistani extremists who fled their homeland in 1993.";
    const events = framesOf(
      text,
      [["IMU", "ORG", IMU], ["Kandahar", "GPE"], ["Afghanistan", "GPE"], ["Uzbekistani", "NORP"]],
      [["1996", "1996"], ["1993", "1993"]],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.slots).toEqual({ org: IMU, founders: ["Uzbekistani extremists"], date: "1996", location: "Kandahar" });
  });
});

describe("events: profile lists (004)", () => {
  const text =
    "First Attack: February 16, 1999: Militants launched 5 simultaneous car bombs in Tashkent, the Uzbek capital, one of which almost killed President Karimov. The Uzbek government blamed the IMU for the attack, but this allegation has not been independently verified (16+ killed, 100+ wounded).\n" +
    "Executive Summary\n" +
    "Usman Ghazi (August 2012 to December 2015): Ghazi was Adil’s deputy and became emir of IMU after his death. Ghazi was killed by Taliban forces in late 2015.\n" +
    "- 2010: 2,500 – 4,000 (The Long War Journal)\n" +
    "- U.S State Department Foreign Terrorist Organization (FTO): September 25, 2000 – Present.\n" +
    "February 16, 1999: Militants launched 5 simultaneous car bombs in Tashkent, the Uzbek capital, one of which almost killed President Karimov. The Uzbek government blamed the IMU for the attack, but this allegation has not been independently verified (16+ killed, 100+ wounded).";
  const events = framesOf(
    text,
    [
      ["Tashkent", "GPE"],
      ["Uzbek", "NORP"],
      ["Karimov", "PERSON", "Islam Karimov"],
      ["IMU", "ORG", IMU],
      ["Usman Ghazi", "PERSON"],
      ["Ghazi", "PERSON", "Usman Ghazi", 1],
      ["Ghazi", "PERSON", "Usman Ghazi", 2],
      ["Adil", "PERSON", "Abu Usman Adil"],
      ["Taliban", "ORG"],
      ["Long War Journal", "ORG"],
      ["U.S State Department", "ORG", "U.S. State Department"],
    ],
    [
      ["February 16, 1999", "1999-02-16", "DATE", 0],
      ["February 16, 1999", "1999-02-16", "DATE", 1],
      ["August 2012", "2012-08"],
      ["December 2015", "2015-12"],
      ["late 2015", "2015"],
      ["2010", "2010"],
      ["September 25, 2000", "2000-09-25"],
      ["Present", "PRESENT_REF"],
    ],
    "2018-08-30",
  );

  it("merges the 'First Attack:' line and its list item into one alleged frame with two evidence spans", () => {
    const attacks = ofType(events, "ATTACK");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.evidence).toHaveLength(2);
    expect(attacks[0]).toMatchObject({
      certainty: "alleged",
      slots: {
        perpetrators: [IMU],
        location: "Tashkent",
        date: "1999-02-16",
        killed: { min: 16 },
        wounded: { min: 100 },
        method: "bombing",
      },
    });
  });

  it("reads a tenure item as LEADERSHIP and dates the death it states", () => {
    expect(ofType(events, "LEADERSHIP")[0]!.slots).toEqual({
      person: "Usman Ghazi",
      role: "emir",
      start: "2012-08",
      org: IMU,
      end: "2015-12",
    });
    expect(ofType(events, "DEATH")[0]!.slots).toEqual({ person: "Usman Ghazi", killer: "Taliban", date: "2015" });
  });

  it("reads strength and designation list lines", () => {
    expect(ofType(events, "STRENGTH")[0]!.certainty).toBe("reported");
    expect(ofType(events, "STRENGTH")[0]!.slots).toEqual({
      org: IMU,
      members: { min: 2500, max: 4000 },
      date: "2010",
      source: "Long War Journal",
    });
    expect(ofType(events, "DESIGNATION")[0]!.slots).toEqual({ org: IMU, designator: "U.S. State Department", date: "2000-09-25" });
  });
});

describe("events: a group's own declaration", () => {
  const mentions: MentionSpec[] = [["Northern Front", "ORG"], ["Taliban", "ORG"]];
  it("is the event itself, asserted, when the group says it", () => {
    expect(framesOf("The Northern Front said it was siding with the Taliban.", mentions)).toEqual([
      expect.objectContaining({ type: "PLEDGE", certainty: "asserted", slots: { agent: "Northern Front", to: "Taliban", strength: "support" } }),
    ]);
    expect(framesOf("The Northern Front announced its break with the Taliban.", mentions)).toEqual([
      expect.objectContaining({ type: "SPLIT", certainty: "asserted" }),
    ]);
  });
  it("is reported when someone else says it", () => {
    expect(framesOf("Officials said the Northern Front had pledged allegiance to the Taliban.", mentions)).toEqual([
      expect.objectContaining({ type: "PLEDGE", certainty: "reported" }),
    ]);
    expect(framesOf("Abu Omar said his group had pledged allegiance to the Taliban.", [...mentions, ["Abu Omar", "PERSON"]])).toEqual([
      expect.objectContaining({ type: "PLEDGE", certainty: "reported" }),
    ]);
  });
});

describe("events: a strength figure's certainty", () => {
  it("is asserted without a source and reported with one", () => {
    const text = "Membership:\n- 2012: around 300\n- 2014: 1,000 (Regional Monitor)\n";
    const events = framesOf(text, [["Regional Monitor", "ORG"]], [["2012", "2012"], ["2014", "2014"]]);
    expect(ofType(events, "STRENGTH").map((e) => [slotOf(e, "date"), e.certainty])).toEqual([
      ["2012", "asserted"],
      ["2014", "reported"],
    ]);
  });
});

describe("events: attribution and conduct (001, 004)", () => {
  it("reports a death that was announced", () => {
    const text = "Only days after the death of Taliban leader Mullah Omar was announced, the Islamic Movement of Uzbekistan terrorist group has reportedly sworn allegiance to the Islamic State.";
    const events = framesOf(text, [["Taliban", "ORG"], ["Omar", "PERSON", "Mohammad Omar"], ["Islamic Movement of Uzbekistan", "ORG", IMU], ["Islamic State", "ORG", IS]]);
    expect(ofType(events, "DEATH")).toEqual([expect.objectContaining({ certainty: "reported", slots: { person: "Mohammad Omar" } })]);
    expect(ofType(events, "PLEDGE")[0]).toMatchObject({ certainty: "reported", slots: { agent: IMU, to: IS, strength: "allegiance" } });
  });

  it("makes no frame of generic conduct", () => {
    const text = "The group conducted suicide attacks, bombings, and raids on coalition forces, the International Security Assistance Force, and other western interests in Central Asia.";
    const events = framesOf(text, [["International Security Assistance Force", "ORG"], ["Central Asia", "LOC"], ["IMU", "ORG", IMU]].slice(0, 2) as MentionSpec[]);
    expect(events).toEqual([]);
  });
});

describe("events: one attack told at two scales (004)", () => {
  const text =
    "Last Attack: July 29, 2018: The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s Danghara district. It is possible that the militants were affiliated with the IMU, which operates in the area (4 killed, 3 wounded).\n" +
    "Some sources suggest that the militants responsible for the Manhattan attack in October 2017 and the July 2018 attack on bikers in Tajikistan may have been affiliated with the IMU.";
  const events = framesOf(
    text,
    [["Islamic State", "ORG"], ["Tajikistan", "GPE"], ["Danghara", "GPE"], ["IMU", "ORG", IMU], ["Manhattan", "GPE"]],
    [["July 29, 2018", "2018-07-29"], ["October 2017", "2017-10"], ["July 2018", "2018-07"]],
    "2018-08-30",
  );
  const attacks = ofType(events, "ATTACK");

  it("merges 'the July 2018 attack … in Tajikistan' into the list item set in Tajikistan's Danghara district", () => {
    expect(attacks).toHaveLength(2);
    expect(attacks[0]!.evidence).toHaveLength(2);
    expect(attacks[0]!.slots).toMatchObject({
      location: "Danghara",
      date: "2018-07-29",
      claimedBy: "Islamic State",
      killed: { min: 4, max: 4 },
      wounded: { min: 3, max: 3 },
    });
  });

  it("keeps the Manhattan attack of the same sentence apart, placed by its modifier", () => {
    expect(attacks[1]!.slots).toMatchObject({ location: "Manhattan", date: "2017-10" });
    expect(attacks[1]!.certainty).toBe("alleged");
  });
});

describe("events: splinter groups and plural anaphora (004)", () => {
  const text =
    "Jundullah, a militant group based in Afghanistan, split from the IMU in 2009 following the death of emir Yuldashev. Jundullah shared similar goals with the IMU, and the two groups maintained cooperative relations. " +
    "The Islamic Jihad Group, later renamed the Islamic Jihad Union, formed in 2002 after the IMU relocated to Pakistan; the group cooperated with the IMU and the Haqqani Network for operations in southeast Afghanistan.";
  const IJU = "Islamic Jihad Union";
  const events = framesOf(
    text,
    [
      ["Jundullah", "ORG"],
      ["Afghanistan", "GPE"],
      ["IMU", "ORG", IMU],
      ["Yuldashev", "PERSON", "Tahir Yuldashev"],
      ["Islamic Jihad Group", "ORG", IJU],
      ["Islamic Jihad Union", "ORG", IJU],
      ["Pakistan", "GPE"],
      ["Haqqani Network", "ORG"],
    ],
    [["2009", "2009"], ["2002", "2002"]],
    "2018-08-30",
  );

  it("reads a split with its date and 'the two groups' as the two named before", () => {
    expect(ofType(events, "SPLIT").map((e) => e.slots)).toEqual([{ agent: "Jundullah", from: IMU, date: "2009" }]);
    const parties = ofType(events, "ALLIANCE").map((e) => [...((e.slots as { parties?: string[] }).parties ?? [])].sort());
    expect(parties).toContainEqual(["Islamic Movement of Uzbekistan", "Jundullah"]);
  });

  it("takes 'the group' for the sentence's own subject, one alliance per pair", () => {
    expect(ofType(events, "FOUNDING").map((e) => e.slots)).toEqual([{ org: IJU, date: "2002" }]);
    const parties = ofType(events, "ALLIANCE").map((e) => [...((e.slots as { parties?: string[] }).parties ?? [])].sort());
    expect(parties).toContainEqual(["Islamic Jihad Union", "Islamic Movement of Uzbekistan"]);
    expect(parties).toContainEqual(["Haqqani Network", "Islamic Jihad Union"]);
  });
});

describe("events: a later sentence that refers back (000)", () => {
  it("dates the pledge by 'such union' and merges 'joining forces' into it", () => {
    const text =
      "Islamic Movement of Uzbekistan pledges allegiance to ISIS in Afghanistan\n\n" +
      "The extremist group has recently strengthened its power by joining forces with the Islamic State. On August 6th a video was released proving such union.";
    const events = framesOf(
      text,
      [["Islamic Movement of Uzbekistan", "ORG", IMU], ["ISIS", "ORG", IS], ["Afghanistan", "GPE"], ["Islamic State", "ORG", IS]],
      [["August 6th", "2015-08-06"]],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "PLEDGE", slots: { agent: IMU, to: IS, date: "2015-08-06", strength: "allegiance" } });
    expect(events[0]!.evidence).toHaveLength(3);
  });
});

describe("evidence", () => {
  it("ends before a citation marker and drops a span inside another", () => {
    const text = "Ghazi was killed by Taliban forces in late 2015.[4] The current leader of the IMU is unknown.";
    const doc = clean(newDoc({ id: "e", text }));
    const item = span(doc, 0, text.length);
    const first = span(doc, 0, text.indexOf("[4]") + 3);
    expect(cleanEvidence(doc, [item, first]).map((e) => e.text)).toEqual([text]);
    expect(cleanEvidence(doc, [first]).map((e) => e.text)).toEqual(["Ghazi was killed by Taliban forces in late 2015."]);
  });
});

describe("events: designators (004)", () => {
  it("takes the body named before the listing words, a name only where the tagger found exactly it", () => {
    const text =
      "Interactions\n" +
      "- UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”: October 6, 2001 to Present.\n" +
      "- United Kingdom Home Office Proscribed Terrorist Organization: November 2002 to Present.\n" +
      "- Government of Canada Listed Terrorist Entity: April 2, 2003 to Present.\n" +
      "- Australian National Security Terrorist Organization: April 11, 2003 to Present.\n";
    const events = framesOf(
      text,
      [
        ["UNSC", "ORG", "UN Security Council"],
        ["ISIL", "ORG", IS],
        ["United Kingdom Home Office Proscribed Terrorist Organization", "GPE"],
        ["Canada", "GPE"],
        ["Australian National Security Terrorist Organization", "ORG"],
      ],
      [["October 6, 2001", "2001-10-06"], ["November 2002", "2002-11"], ["April 2, 2003", "2003-04-02"], ["April 11, 2003", "2003-04-11"]],
    );
    expect(ofType(events, "DESIGNATION").map((e) => slotOf(e, "designator"))).toEqual([
      "UN Security Council",
      "United Kingdom Home Office",
      "Government of Canada",
      "Australian National Security",
    ]);
  });

  it("takes the person a title precedes as the body that outlawed a group", () => {
    const text =
      "When the group was outlawed by Uzbek President Karimov, the leaders established a new base in Tajikistan, from which they launched cross-border attacks in Uzbekistan.";
    const events = framesOf(text, [["Uzbek", "NORP"], ["Karimov", "PERSON", "Islam Karimov"], ["Tajikistan", "GPE"], ["Uzbekistan", "GPE"]]);
    expect(ofType(events, "DESIGNATION").map((e) => slotOf(e, "designator"))).toEqual(["Islam Karimov"]);
  });
});

describe("events: dates of a break-away (003)", () => {
  it("dates a break announced by the message the sentence before dates", () => {
    const text =
      "A long silence by the IMU ensued, broken only on June 14 by a tweet from men who called themselves surviving IMU members.\n\n" +
      "The self-identified IMU survivors announced their break with ISIL, tweeting, \"Abu Bakr al-Baghdadi is no caliph of the Muslims; he's only the leader of ISIL ... We are fewer than before, but we will continue our activities.\"";
    const events = framesOf(text, [["IMU", "ORG", IMU], ["ISIL", "ORG", IS], ["Abu Bakr al-Baghdadi", "PERSON"]], [["June 14", "2016-06-14"]], "2016-08-31");
    expect(ofType(events, "SPLIT")).toEqual([expect.objectContaining({ slots: { agent: IMU, from: IS, date: "2016-06-14" } })]);
  });

  it("takes the date heading the sentence of a noun trigger", () => {
    const text = "In mid-July, the Imam Bukhari Jamaat, a predominantly Uzbek militant group in Syria, announced its own rift with ISIL.";
    const events = framesOf(text, [["Imam Bukhari Jamaat", "ORG"], ["Uzbek", "NORP"], ["Syria", "GPE"], ["ISIL", "ORG", IS]], [["mid-July", "2016-07"]], "2016-08-31");
    expect(ofType(events, "SPLIT")).toEqual([expect.objectContaining({ slots: { agent: "Imam Bukhari Jamaat", from: IS, date: "2016-07" } })]);
  });
});

describe("events: a name the tagger cut to an adjective (002)", () => {
  it("takes the whole name, and the canonical of the body it names, never the bare adjective", () => {
    const text =
      "In January, an Islamic State spokesman announced the group's expansion into Khorasan -- an ancient province that included parts of modern Iran, Afghanistan, Tajikistan, Turkmenistan, and Uzbekistan.\n\n" +
      "In September 2014, Ghazi issued a statement on the IMU's website in which he said that \"on behalf of members of our Islamic Movement, I herewith announce to the world that we are siding with the Islamic Caliphate.\"";
    const events = framesOf(
      text,
      [["IMU", "ORG", IMU], ["Islamic State", "ORG", IS], ["Ghazi", "PERSON", "Usmon Ghazi"], ["Islamic Movement", "ORG", IMU], ["Islamic", "ORG", "Islamic", 2]],
      [["September 2014", "2014-09"]],
    );
    const support = ofType(events, "PLEDGE").filter((e) => slotOf(e, "strength") === "support");
    expect(support.map((e) => slotOf(e, "to"))).toEqual([IS]);
  });
});

describe("events: when a reporter saw a record (002)", () => {
  it("does not date the pledge a video shows by the day it was viewed, nor merge that oath with an earlier declared support", () => {
    const text =
      "In a 2-1/2 minute video viewed by RFE/RL on August 6, IMU leader Usmon Ghazi and his fighters are shown taking an oath of allegiance, in Arabic, to IS and its leader Abu Bakr al-Baghdadi.\n\n" +
      "In September 2014, Ghazi issued a statement on the IMU's website in which he said that \"on behalf of members of our Islamic Movement, I herewith announce to the world that we are siding with the Islamic State.\"";
    const events = framesOf(
      text,
      [["RFE/RL", "ORG"], ["IMU", "ORG", IMU], ["Usmon Ghazi", "PERSON"], ["Ghazi", "PERSON", "Usmon Ghazi", 1], ["IS", "ORG", IS], ["Abu Bakr al-Baghdadi", "PERSON"], ["Islamic Movement", "ORG", IMU], ["Islamic State", "ORG", IS]],
      [["August 6", "2015-08-06"], ["September 2014", "2014-09"]],
    );
    const pledges = ofType(events, "PLEDGE").map((e) => [slotOf(e, "strength"), slotOf(e, "date")]);
    expect(pledges).toEqual([["allegiance", undefined], ["support", "2014-09"]]);
  });
});

describe("events: 'the group' after a group the sentence before introduces (004)", () => {
  it("refers to the newly introduced group, not the article's topic", () => {
    const text =
      "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia. IMU co-founders Tahir Yuldashev and Juma Namangani originally founded a militant organization, Adolat, in 1991 to establish Islamic law in Uzbekistan. " +
      "When the group was outlawed by Uzbek President Karimov, the leaders established a new base in Tajikistan, from which they launched cross-border attacks in Uzbekistan.";
    const events = framesOf(text, [
      ["Islamic Movement of Uzbekistan", "ORG", IMU],
      ["IMU", "ORG", IMU],
      ["Central Asia", "LOC"],
      ["Tahir Yuldashev", "PERSON"],
      ["Juma Namangani", "PERSON"],
      ["Adolat", "ORG"],
      ["Uzbekistan", "GPE", "Uzbekistan", 1],
      ["Uzbekistan", "GPE", "Uzbekistan", 2],
      ["Uzbek", "NORP"],
      ["Karimov", "PERSON", "Islam Karimov"],
      ["Tajikistan", "GPE"],
    ], [["1991", "1991"]]);
    expect(ofType(events, "DESIGNATION").map((e) => [slotOf(e, "org"), slotOf(e, "designator")])).toEqual([["Adolat", "Islam Karimov"]]);
  });
});
