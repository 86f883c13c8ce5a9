import { describe, expect, it } from "vitest";
import { casualties, memberCount, parseNumber, parseQuantity, statedTotal } from "./numbers.ts";

describe("parseQuantity", () => {
  it("reads the forms of the corpus's figures", () => {
    expect(parseQuantity("16+")).toEqual({ min: 16 });
    expect(parseQuantity("at least 250")).toEqual({ min: 250 });
    expect(parseQuantity("around 30")).toEqual({ min: 30, max: 30, approx: true });
    expect(parseQuantity("approximately 5,000")).toEqual({ min: 5000, max: 5000, approx: true });
    expect(parseQuantity("1,500 – 2,000")).toEqual({ min: 1500, max: 2000 });
    expect(parseQuantity("more than 100")).toEqual({ min: 101 });
    expect(parseQuantity("unlikely to have more than 100")).toEqual({ max: 100 });
    expect(parseQuantity("eight")).toEqual({ min: 8, max: 8 });
  });

  it("reads word numbers and refuses what is not a number", () => {
    expect(parseNumber("twenty-five")).toBe(25);
    expect(parseNumber("two hundred")).toBe(200);
    expect(parseNumber("Fifteen")).toBe(15);
    expect(parseQuantity("unknown")).toBeUndefined();
    expect(parseQuantity("2,000 – 1,500")).toBeUndefined();
  });
});

describe("casualties", () => {
  it("takes a list item's own tally, killed and wounded apart", () => {
    const item =
      "The Uzbek government blamed the IMU for the attack, but this allegation has not been independently verified (16+ killed, 100+ wounded).[1]";
    expect(casualties(item)).toEqual({ killed: { min: 16 }, wounded: { min: 100 } });
  });

  it("omits unknown figures and does not count freed prisoners", () => {
    const item =
      "April 5, 2012: The IMU, with Pakistani Taliban and TTP militants, attacked the Bannu Prison in Pakistan and freed 384 prisoners, including several that were described as “very dangerous” (unknown killed, 5 wounded).";
    expect(casualties(item)).toEqual({ wounded: { min: 5, max: 5 } });
  });

  it("keeps hostages apart from the dead", () => {
    const item =
      "June 2007: The IMU allegedly participated in the Red Mosque siege in Islamabad, Pakistan. Militants held at least 250 people hostage as they fought Pakistani forces for control of the mosque (62 killed, unknown wounded).";
    expect(casualties(item)).toEqual({ killed: { min: 62, max: 62 }, hostages: { min: 250 } });
    expect(casualties("February 2015: The IMU took around 30 Hazara men hostage in Zabul province, Afghanistan.")).toEqual({
      hostages: { min: 30, max: 30, approx: true },
    });
  });

  it("reads prose figures: 'left 39 dead', a coordinated subject, a single victim", () => {
    expect(casualties("The group claimed responsibility for the attack on Karachi airport in June 2014 which left 39 dead.").killed).toEqual({ min: 39, max: 39 });
    expect(casualties("Two policemen and one polio worker were killed in the attack.").killed).toEqual({ min: 3, max: 3 });
    expect(casualties("The IMU launched four explosions in the Kyrgyz cities of Osh and Bishkek that killed eight people").killed).toEqual({ min: 8, max: 8 });
    expect(casualties("Afghan officials announced on July 29 that Omar died in 2013 in Pakistan").killed).toBeUndefined();
  });
});

describe("memberCount", () => {
  it("finds a membership figure and a capped one", () => {
    const told = "told RFE/RL’s Gandhara news service in June that the IMU has approximately 5,000 fighters under its command.";
    expect(memberCount(told)?.quantity).toEqual({ min: 5000, max: 5000, approx: true });
    expect(memberCount("\"It's unlikely to have more than 100 members,\" he said.")?.quantity).toEqual({ max: 100 });
  });
});

describe("statedTotal", () => {
  it("reads a closing total and a coded figure, not an item's own tally", () => {
    expect(statedTotal("2 fatalities.")).toEqual({ min: 2, max: 2 });
    expect(statedTotal("Unknown fatalities coded as 3.")).toEqual({ min: 3, max: 3 });
    expect(statedTotal("All 10 attackers died in the attack (36 killed, unknown wounded).[8]")).toBeUndefined();
  });
});

describe("casualties: hostages counted one by one", () => {
  it("adds up the kinds of people a taking lists", () => {
    expect(casualties("Bandits kidnapped the headmaster and two teachers near the school.").hostages).toEqual({ min: 3, max: 3 });
    expect(casualties("Pirates took six sailors and a cook hostage off the coast.").hostages).toEqual({ min: 7, max: 7 });
  });

  it("counts one person taken", () => {
    expect(casualties("Gunmen abducted a nurse in the market.").hostages).toEqual({ min: 1, max: 1 });
  });

  it("keeps a single figure's own reading", () => {
    expect(casualties("Rebels took about 40 villagers hostage.").hostages).toEqual({ min: 40, max: 40, approx: true });
    expect(casualties("Gunmen kidnapped more than 20 passengers.").hostages).toEqual({ min: 21 });
  });

  it("counts no hostages where nobody is listed", () => {
    expect(casualties("The rebels took control of the town and held residents hostage.").hostages).toBeUndefined();
  });
});

