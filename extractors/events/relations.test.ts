import { describe, expect, it } from "vitest";
import { framesOf, ofType, slotOf } from "./doc-fixture.ts";

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
    expect(splits.some((e) => slotOf(e, "agent") === HAWKS)).toBe(false);
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
    expect(splits.map((e) => slotOf(e, "agent"))).toEqual([DAWN, SUN]);
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

const alliances = (events: ReturnType<typeof framesOf>) =>
  ofType(events, "ALLIANCE").map((e) => ({ parties: [...(slotOf(e, "parties") as string[])].sort(), date: slotOf(e, "date") }));

describe("events: who 'the two groups' are, and a name used as a modifier", () => {
  const text =
    "At that time, the Dawn Brigade also built close ties with the Front-aligned Sun Legion. " +
    "The two groups worked together to raid several border posts.";
  const events = framesOf(
    text,
    [["Dawn Brigade", "ORG", DAWN], ["Front", "ORG", RED], ["Sun Legion", "ORG", SUN]],
    [["At that time", "2012"]],
  );

  it("reads 'the X-aligned Y' as an alliance of X and Y, undated by the clause it stands in", () => {
    expect(alliances(events)).toContainEqual({ parties: [RED, SUN].sort(), date: undefined });
  });

  it("dates a relation the sentence heads with a time that refers back", () => {
    expect(alliances(events)).toContainEqual({ parties: [DAWN, SUN].sort(), date: "2012" });
  });

  it("takes 'the two groups' for the pair the sentence before relates, not the modifier", () => {
    const second = ofType(events, "ALLIANCE").find((e) => e.evidence.some((s) => s.text.startsWith("The two groups")));
    expect(second && [...(slotOf(second, "parties") as string[])].sort()).toEqual([DAWN, SUN].sort());
  });
});

describe("events: what dates an alliance", () => {
  it("does not date a relation by the span it lasted", () => {
    const text = "From 2003 to 2006, the Dawn Brigade fought in the south, cooperating with the Sun Legion.";
    const events = framesOf(text, [["Dawn Brigade", "ORG", DAWN], ["Sun Legion", "ORG", SUN]], [["2003", "2003"], ["2006", "2006"]]);
    expect(alliances(events)).toEqual([{ parties: [DAWN, SUN].sort(), date: undefined }]);
  });

  it("leaves the date of a joint act stated as a purpose to that act", () => {
    const text = "The Dawn Brigade kept strong relations with the Sun Legion; the two groups collaborated to bomb a bridge in the capital in 2012.";
    const events = framesOf(text, [["Dawn Brigade", "ORG", DAWN], ["Sun Legion", "ORG", SUN]], [["2012", "2012"]]);
    expect(alliances(events)).toEqual([{ parties: [DAWN, SUN].sort(), date: undefined }]);
  });

  it("keeps a date the relation's own clause gives", () => {
    const text = "In 2014, the Dawn Brigade fought alongside the Sun Legion.";
    const events = framesOf(text, [["Dawn Brigade", "ORG", DAWN], ["Sun Legion", "ORG", SUN]], [["2014", "2014"]]);
    expect(alliances(events)).toEqual([{ parties: [DAWN, SUN].sort(), date: "2014" }]);
  });
});

describe("events: fighting alongside a group named by its patron", () => {
  it("reads the ally through a long verb phrase and takes the name in apposition to the possessor's noun", () => {
    const text =
      "The Dawn Brigade later began fighting against army units and police in the eastern hills alongside the Front’s local branch, the Sun Legion.";
    const events = framesOf(text, [["Dawn Brigade", "ORG", DAWN], ["Front", "ORG", RED], ["Sun Legion", "ORG", SUN]]);
    expect(alliances(events)).toEqual([{ parties: [DAWN, SUN].sort(), date: undefined }]);
  });
});

describe("events: groups that attack together", () => {
  it("makes allies, undated, of the named groups of one attack, and keeps every one among the perpetrators", () => {
    const text = "On 3 May 2012, the Dawn Brigade raided a police station in Kelat alongside the Sun Legion and the Hawks of Liberty.";
    const events = framesOf(
      text,
      [["Dawn Brigade", "ORG", DAWN], ["Kelat", "GPE"], ["Sun Legion", "ORG", SUN], ["Hawks of Liberty", "ORG", HAWKS]],
      [["3 May 2012", "2012-05-03"]],
    );
    expect(slotOf(ofType(events, "ATTACK")[0]!, "perpetrators")).toEqual([DAWN, SUN, HAWKS]);
    expect(alliances(events)).toEqual([
      { parties: [DAWN, SUN].sort(), date: undefined },
      { parties: [DAWN, HAWKS].sort(), date: undefined },
    ]);
  });

  it("makes no allies of groups that fight each other", () => {
    const text = "On 3 May 2012, the Dawn Brigade and the Sun Legion clashed in Kelat.";
    const events = framesOf(text, [["Dawn Brigade", "ORG", DAWN], ["Sun Legion", "ORG", SUN], ["Kelat", "GPE"]], [["3 May 2012", "2012-05-03"]]);
    expect(ofType(events, "ATTACK")).toHaveLength(1);
    expect(alliances(events)).toEqual([]);
  });
});

describe("events: hostages of a list item told in several sentences", () => {
  const text =
    "The Dawn Brigade is an armed group active in the north.\n" +
    "May 2010: On May 2, the Dawn Brigade abducted a doctor and two nurses from a clinic in Kelat. On May 9, it took three engineers hostage near Sarab. All the hostages were released in June.\n";
  const events = framesOf(
    text,
    [["Dawn Brigade", "ORG", DAWN], ["Kelat", "GPE"], ["Sarab", "GPE"]],
    [["May 2010", "2010-05"], ["May 2", "2010-05-02"], ["May 9", "2010-05-09"], ["June", "2010-06"]],
    "2012-01-01",
  );

  it("adds up the people each sentence says were taken, not those only mentioned again", () => {
    const attacks = ofType(events, "ATTACK");
    expect(attacks).toHaveLength(1);
    expect(slotOf(attacks[0]!, "hostages")).toEqual({ min: 6, max: 6 });
  });
});

describe("events: a pledge held back from", () => {
  const text =
    "In March 2017, Sun Legion commander Omar Haddad declared support for the Dawn Brigade in a recorded speech. " +
    "The rally was held in a stadium. " +
    "Haddad stopped short of swearing allegiance, however.";
  const events = framesOf(
    text,
    [["Sun Legion", "ORG", SUN], ["Omar Haddad", "PERSON"], ["Haddad", "PERSON", "Omar Haddad"], ["Dawn Brigade", "ORG", DAWN]],
    [["March 2017", "2017-03"]],
  );

  it("is the oath of the declaration just told: same recipient, same date", () => {
    const negated = ofType(events, "PLEDGE").filter((e) => e.certainty === "negated");
    expect(negated.map((e) => e.slots)).toEqual([{ agent: SUN, to: DAWN, date: "2017-03", strength: "allegiance" }]);
  });

  it("leaves a plain denial of a pledge undated", () => {
    const denial = framesOf(
      "In March 2017, the Sun Legion declared support for the Dawn Brigade. The Hawks of Liberty never pledged allegiance to the Dawn Brigade.",
      [["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN], ["Hawks of Liberty", "ORG", HAWKS]],
      [["March 2017", "2017-03"]],
    );
    const negated = ofType(denial, "PLEDGE").filter((e) => e.certainty === "negated");
    expect(negated.map((e) => slotOf(e, "date"))).toEqual([undefined]);
  });
});

describe("events: a caliphate named whole", () => {
  it("is the state the document names by the same words", () => {
    const text = "The Eastern State announced its rule in May. The Sun Legion said it was siding with the Eastern Caliphate.";
    const events = framesOf(text, [["Eastern State", "ORG"], ["Sun Legion", "ORG", SUN], ["Eastern Caliphate", "ORG"]]);
    expect(ofType(events, "PLEDGE").map((e) => e.slots)).toEqual([{ agent: SUN, to: "Eastern State", strength: "support" }]);
  });
});

describe("events: allying with a group", () => {
  const mentions: [string, "ORG", string][] = [["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN]];

  it("is the pledge the article tells between the same groups", () => {
    const text = "The Sun Legion swore allegiance to the Dawn Brigade in 2014. Critics say the Sun Legion gained little by allying itself with the Dawn Brigade.";
    const events = framesOf(text, mentions, [["2014", "2014"]]);
    expect(ofType(events, "ALLIANCE")).toEqual([]);
    expect(ofType(events, "PLEDGE")).toHaveLength(1);
    expect(ofType(events, "PLEDGE")[0]!.evidence).toHaveLength(2);
  });

  it("is an alliance where the article tells no pledge", () => {
    const text = "Critics say the Sun Legion gained little by allying itself with the Dawn Brigade.";
    const events = framesOf(text, mentions);
    expect(ofType(events, "PLEDGE")).toEqual([]);
    expect(alliances(events)).toEqual([{ parties: [DAWN, SUN].sort(), date: undefined }]);
  });
});

describe("events: the date of a founding told in a second conjunct", () => {
  const mentions: [string, "ORG", string][] = [["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN], ["Hawks of Liberty", "ORG", HAWKS]];

  it("is not the date the first conjunct gives its own act", () => {
    const text = "The Sun Legion and the Dawn Brigade raided an army depot in 2009, and established a joint unit, the Hawks of Liberty, to guard the border.";
    const events = framesOf(text, mentions, [["2009", "2009"]]);
    expect(ofType(events, "FOUNDING").map((e) => slotOf(e, "date"))).toEqual([undefined]);
  });

  it("is the date heading the sentence", () => {
    const text = "In 2009, the Sun Legion left the valley and established a new wing, the Hawks of Liberty.";
    const events = framesOf(text, mentions, [["2009", "2009"]]);
    expect(ofType(events, "FOUNDING").map((e) => slotOf(e, "date"))).toEqual(["2009"]);
  });
});

describe("events: other ways of telling a split", () => {
  const mentions: [string, "ORG", string][] = [["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN]];
  const splitsOf = (text: string, times: [string, string][] = []) => ofType(framesOf(text, mentions, times), "SPLIT").map((e) => e.slots);

  it("reads parting ways, breaking ranks, distancing and disavowing", () => {
    expect(splitsOf("In 2016, the Sun Legion parted ways with the Dawn Brigade.", [["2016", "2016"]])).toEqual([{ agent: SUN, from: DAWN, date: "2016" }]);
    expect(splitsOf("The Sun Legion broke ranks with the Dawn Brigade over the ceasefire.")).toEqual([{ agent: SUN, from: DAWN }]);
    expect(splitsOf("The Sun Legion has distanced itself from the Dawn Brigade.")).toEqual([{ agent: SUN, from: DAWN }]);
    expect(splitsOf("Last week the Sun Legion publicly disavowed the Dawn Brigade.")).toEqual([{ agent: SUN, from: DAWN }]);
  });

  it("reads a splinter group named before or after its description", () => {
    expect(splitsOf("The Sun Legion, a splinter group of the Dawn Brigade, claimed the attack.")).toEqual([{ agent: SUN, from: DAWN }]);
    expect(splitsOf("A breakaway faction of the Dawn Brigade, the Sun Legion, claimed the attack.")).toEqual([{ agent: SUN, from: DAWN }]);
  });
});

describe("events: a pledge by someone's group", () => {
  it("gives 'his group' pledging to the group the article ties the speaker to", () => {
    const text = "Ali Saidov, a member of the Sun Legion, spoke to reporters. Saidov said his group had sworn allegiance to the Dawn Brigade.";
    const events = framesOf(text, [["Ali Saidov", "PERSON"], ["Saidov", "PERSON", "Ali Saidov"], ["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN]]);
    expect(ofType(events, "PLEDGE").map((e) => slotOf(e, "agent"))).toEqual([SUN]);
  });

  it("reads 'such a pledge came … from X' as X's pledge of the kind just told, dated by its own sentence", () => {
    const text =
      "In 2016, the Sun Legion declared support for the Dawn Brigade. The Sun Legion stopped short of swearing allegiance. " +
      "Such a pledge came in May, according to local radio, from a man named Ali Saidov who claimed to be from a band of Tajiks in the hills. " +
      "Saidov said his group recognized the authority of the Dawn Brigade.";
    const events = framesOf(
      text,
      [["Sun Legion", "ORG", SUN], ["Dawn Brigade", "ORG", DAWN], ["Ali Saidov", "PERSON"], ["Saidov", "PERSON", "Ali Saidov"]],
      [["2016", "2016"], ["May", "2017-05"]],
      "2017-08-01",
    );
    const tajiks = ofType(events, "PLEDGE").filter((e) => slotOf(e, "agent") === "a band of Tajiks");
    expect(tajiks).toHaveLength(1);
    expect(tajiks[0]).toMatchObject({ certainty: "reported", slots: { to: DAWN, date: "2017-05", strength: "allegiance" } });
    expect(tajiks[0]!.evidence).toHaveLength(2);
  });
});

describe("events: a body someone else set up after a general split", () => {
  it("is no splinter group", () => {
    const text = "Several factions broke away from the Red Crescent Front in 2015. The next year the Sun Legion founded the Hawks of Liberty as its youth wing.";
    const events = framesOf(text, [["Red Crescent Front", "ORG", RED], ["Sun Legion", "ORG", SUN], ["Hawks of Liberty", "ORG", HAWKS]], [["2015", "2015"]]);
    expect(ofType(events, "SPLIT").map((e) => slotOf(e, "agent"))).toEqual(["Several factions"]);
  });
});
