import { describe, expect, it } from "vitest";
import { framesOf, ofType, slotOf } from "./doc-fixture.ts";

const IMU = "Islamic Movement of Uzbekistan";

describe("events: attack targets (004, 000)", () => {
  const text =
    "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.\n" +
    "July 30, 2004: The IMU launched multiple suicide strikes against the embassies of Israel and the U.S. in Tashkent, Uzbekistan.\n" +
    "September 19, 2010: The IMU claimed responsibility for the ambush of a convoy of Tajiki soldiers in the Rasht Valley in Tajikistan, killing 25 soldiers (25 killed, unknown wounded).\n" +
    "June 8, 2014: The IMU participated in the attack on the Jinnah International Airport in Karachi, Pakistan, alongside the TTP and Pakistani Taliban.\n" +
    "October 31, 2017: An Uzbek militant crashed a truck into civilians on a bike path in Manhattan, instigating what some consider the deadliest militant attack in New York since 9/11.\n";
  const events = framesOf(
    text,
    [
      ["Islamic Movement of Uzbekistan", "ORG", IMU],
      ["IMU", "ORG", IMU],
      ["Central Asia", "LOC"],
      ["Israel", "GPE"],
      ["U.S.", "GPE", "United States"],
      ["Tashkent", "GPE"],
      ["Uzbekistan", "GPE", "Uzbekistan", 1],
      ["Tajiki", "NORP"],
      ["Rasht Valley", "LOC"],
      ["Tajikistan", "GPE"],
      ["Jinnah International Airport", "FAC"],
      ["Karachi", "GPE"],
      ["Pakistan", "GPE"],
      ["TTP", "ORG", "Tehrik-i-Taliban Pakistan"],
      ["Pakistani Taliban", "ORG"],
      ["Uzbek", "NORP"],
      ["Manhattan", "GPE"],
      ["New York", "GPE"],
    ],
    [["July 30, 2004", "2004-07-30"], ["September 19, 2010", "2010-09-19"], ["June 8, 2014", "2014-06-08"], ["October 31, 2017", "2017-10-31"]],
    "2018-08-30",
  );
  const attacks = ofType(events, "ATTACK");
  const slotsOn = (date: string) => attacks.find((e) => slotOf(e, "date") === date)?.slots as Record<string, unknown> | undefined;

  it("reads the object of the attack as a short phrase without its article, up to where and when", () => {
    expect(slotsOn("2004-07-30")).toMatchObject({ targets: ["embassies of Israel and the U.S."], location: "Tashkent" });
    expect(slotsOn("2010-09-19")?.targets).toEqual(["convoy of Tajiki soldiers"]);
    expect(slotsOn("2017-10-31")).toMatchObject({ targets: ["civilians on a bike path"], location: "Manhattan" });
  });

  it("takes an attacked facility as target and location", () => {
    expect(slotsOn("2014-06-08")).toMatchObject({ targets: ["Jinnah International Airport"], location: "Jinnah International Airport" });
  });

  it("does not make a city the target of an attack on a place in it", () => {
    const sentence = "IMU has claimed responsibility to several terrorist attacks including the 2014 offense at the Karachi, Pakistan Airport.";
    const found = framesOf(sentence, [["IMU", "ORG", IMU], ["Karachi", "GPE"], ["Pakistan Airport", "FAC"]], [["2014", "2014"]]);
    expect(ofType(found, "ATTACK")).toHaveLength(1);
    expect(slotOf(ofType(found, "ATTACK")[0]!, "targets")).toBeUndefined();
  });

  it("names a titled person by the name's canonical", () => {
    const item = "February 16, 1999: Militants launched 5 simultaneous car bombs in Tashkent, the Uzbek capital, one of which almost killed President Karimov.";
    const found = framesOf(item, [["Tashkent", "GPE"], ["Uzbek", "NORP"], ["Karimov", "PERSON", "Islam Karimov"]], [["February 16, 1999", "1999-02-16"]]);
    expect(slotOf(ofType(found, "ATTACK")[0]!, "targets")).toEqual(["Islam Karimov"]);
  });
});

describe("events: targets across the statements of one attack (004)", () => {
  it("gathers the victims each sentence of a list item names, each group taken hostage apart", () => {
    const text =
      "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.\n" +
      "August 1999: On August 9, an IMU guerrilla group kidnapped the mayor and three officials from a small village in western Kyrgyzstan. Within a week, the Kyrgyzstani government fulfilled IMU demands for a ransom payment and a helicopter for safe passage to Tajikistan. On August 23, the IMU took four Japanese geologists and eight Kyrgyz soldiers hostage in southern Kyrgyzstan. The final hostages were freed after two months (unknown killed, unknown wounded).\n";
    const events = framesOf(
      text,
      [["Islamic Movement of Uzbekistan", "ORG", IMU], ["IMU", "ORG", IMU], ["Central Asia", "LOC"], ["Kyrgyzstan", "GPE"], ["Kyrgyzstani", "NORP"], ["Tajikistan", "GPE"], ["Japanese", "NORP"], ["Kyrgyz", "NORP"]],
      [["August 1999", "1999-08"], ["August 9", "1999-08-09"], ["a week", "P1W", "DURATION"], ["August 23", "1999-08-23"], ["two months", "P2M", "DURATION"]],
      "2018-08-30",
    );
    expect(ofType(events, "ATTACK").map((e) => slotOf(e, "targets"))).toEqual([["mayor and three officials", "Japanese geologists", "Kyrgyz soldiers"]]);
  });

  it("keeps the first statement's targets when another statement re-describes them, and takes the people a car carried", () => {
    const text =
      "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.\n" +
      "Last Attack: July 29, 2018: The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s Danghara district. It is possible that the militants were affiliated with the IMU, which operates in the area (4 killed, 3 wounded).\n" +
      "Some sources suggest that the militants responsible for the Manhattan attack in October 2017 and the July 2018 attack on bikers in Tajikistan may have been affiliated with the IMU.\n" +
      "July 30, 2004: The IMU launched multiple suicide strikes against the embassies of Israel and the U.S. in Tashkent, Uzbekistan. On the same day, a suicide bomber also attacked a car containing Pakistan’s prime minister designate (2 killed, 9 wounded).\n";
    const events = framesOf(
      text,
      [
        ["Islamic Movement of Uzbekistan", "ORG", IMU],
        ["IMU", "ORG", IMU],
        ["Central Asia", "LOC"],
        ["Islamic State", "ORG"],
        ["Tajikistan", "GPE"],
        ["Danghara", "GPE"],
        ["Manhattan", "GPE"],
        ["Israel", "GPE"],
        ["U.S.", "GPE", "United States"],
        ["Tashkent", "GPE"],
        ["Uzbekistan", "GPE", "Uzbekistan", 1],
        ["Pakistan", "GPE"],
      ],
      [["July 29, 2018", "2018-07-29"], ["October 2017", "2017-10"], ["July 2018", "2018-07"], ["July 30, 2004", "2004-07-30"]],
      "2018-08-30",
    );
    const attacks = ofType(events, "ATTACK");
    expect(attacks.find((e) => slotOf(e, "date") === "2018-07-29")?.slots).toMatchObject({ targets: ["foreign cyclists"] });
    expect(attacks.find((e) => slotOf(e, "date") === "2004-07-30")?.slots).toMatchObject({
      targets: ["embassies of Israel and the U.S.", "Pakistan’s prime minister designate"],
    });
  });
});

describe("events: attacks on named facilities (004)", () => {
  const text =
    "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.\n" +
    "June 2007: The IMU allegedly participated in the Red Mosque siege in Islamabad, Pakistan. Militants held at least 250 people hostage as they fought Pakistani forces for control of the mosque (62 killed, unknown wounded).\n" +
    "April 5, 2012: The IMU, with Pakistani Taliban and TTP militants, attacked the Bannu Prison in Pakistan and freed 384 prisoners, including several that were described as “very dangerous” (unknown killed, 5 wounded).\n";
  const events = framesOf(
    text,
    [
      ["Islamic Movement of Uzbekistan", "ORG", IMU],
      ["IMU", "ORG", IMU],
      ["Central Asia", "LOC"],
      ["Red Mosque", "FAC"],
      ["Islamabad", "GPE"],
      ["Pakistan", "GPE"],
      ["Pakistani Taliban", "ORG"],
      ["Pakistani", "NORP", "Pakistani", 1],
      ["TTP", "ORG", "Tehrik-i-Taliban Pakistan"],
      ["Bannu Prison", "FAC"],
    ],
    [["June 2007", "2007-06"], ["April 5, 2012", "2012-04-05"]],
    "2018-08-30",
  );
  const on = (date: string) => ofType(events, "ATTACK").find((e) => slotOf(e, "date") === date)?.slots;

  it("places an event the facility names where the facility is", () => {
    expect(on("2007-06")).toMatchObject({ location: "Red Mosque" });
  });

  it("reads an attack on a facility with no other means stated as an armed assault on it", () => {
    expect(on("2012-04-05")).toMatchObject({ targets: ["Bannu Prison"], location: "Bannu Prison", method: "armed_assault" });
  });
});

describe("events: attackers a profile's item ties to a group (004)", () => {
  it("takes the group the attackers were affiliated with as perpetrator, the claimant kept as claimant", () => {
    const text =
      "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.\n" +
      "July 29, 2018: The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s Danghara district. It is possible that the militants were affiliated with the IMU, which operates in the area (4 killed, 3 wounded).\n" +
      "October 31, 2017: An Uzbek militant crashed a truck into civilians on a bike path in Manhattan, instigating what some consider the deadliest militant attack in New York since 9/11. Some sources suggest that he was affiliated with the IMU (8 killed, 11 wounded).\n";
    const events = framesOf(
      text,
      [
        ["Islamic Movement of Uzbekistan", "ORG", IMU],
        ["IMU", "ORG", IMU],
        ["Central Asia", "LOC"],
        ["Islamic State", "ORG"],
        ["Tajikistan", "GPE"],
        ["Danghara", "GPE"],
        ["Uzbek", "NORP"],
        ["Manhattan", "GPE"],
        ["New York", "GPE"],
      ],
      [["July 29, 2018", "2018-07-29"], ["October 31, 2017", "2017-10-31"]],
      "2018-08-30",
    );
    const attacks = ofType(events, "ATTACK");
    expect(attacks.find((e) => slotOf(e, "date") === "2018-07-29")?.slots).toMatchObject({ perpetrators: [IMU], claimedBy: "Islamic State" });
    expect(attacks.find((e) => slotOf(e, "date") === "2017-10-31")?.slots).toMatchObject({ perpetrators: [IMU] });
  });
});
