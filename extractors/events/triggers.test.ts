import { describe, expect, it } from "vitest";
import { framesOf, ofType, slotOf } from "./doc-fixture.ts";

const attacks = (...args: Parameters<typeof framesOf>) => ofType(framesOf(...args), "ATTACK");

describe("triggers: attacks stated by their weapon, their victims or the fight", () => {
  it("reads a bomb that went off and a worker hit by a landmine", () => {
    const bomb = attacks("On 3 May 2022, a bomb went off near a market in Pattani, injuring two vendors.", [["Pattani", "GPE"]], [["3 May 2022", "2022-05-03"]]);
    expect(bomb).toHaveLength(1);
    expect(slotOf(bomb[0]!, "location")).toBe("Pattani");
    const mine = attacks("On 9 June 2022, a road worker was hit by a landmine while clearing a road in Tartar.", [["Tartar", "GPE"]], [["9 June 2022", "2022-06-09"]]);
    expect(slotOf(mine[0]!, "method")).toBe("bombing");
  });

  it("reads bodies found as the killing they report", () => {
    const text = "On 2 April 2022, the bodies of seven farmers were found near Mabanda, two days after gunmen stopped their truck.";
    const found = attacks(text, [["Mabanda", "GPE"]], [["2 April 2022", "2022-04-02"]]);
    expect(found).toHaveLength(1);
    expect(slotOf(found[0]!, "location")).toBe("Mabanda");
  });

  it("reads 'clashing with', 'battled' and 'exchanged heavy gunfire' when the sentence is dated", () => {
    const dated = attacks(
      "On 4 March 2022, army troops battled rebels near Bunia, and the two sides exchanged heavy gunfire for hours.",
      [["Bunia", "GPE"]],
      [["4 March 2022", "2022-03-04"]],
    );
    expect(dated.length).toBeGreaterThan(0);
    expect(slotOf(dated[0]!, "location")).toBe("Bunia");
    expect(attacks("Army troops have battled rebels near Bunia for years.", [["Bunia", "GPE"]])).toHaveLength(0);
  });

  it("reads 'targeted with machine guns' and an artillery strike", () => {
    const text = "On 6 June 2022, border guards targeted with machine guns a village near Monabbih, killing a shepherd.";
    expect(attacks(text, [["Monabbih", "GPE"]], [["6 June 2022", "2022-06-06"]])).toHaveLength(1);
  });

  it("keeps an attack that happened during a security operation, not during a campaign", () => {
    const operation = "On 14 May 2022, a roadside bomb wounded six soldiers during a security operation near Baquba.";
    expect(attacks(operation, [["Baquba", "GPE"]], [["14 May 2022", "2022-05-14"]])).toHaveLength(1);
    const campaign = "Militants bombed bridges near Baquba during their long insurgency.";
    expect(attacks(campaign, [["Baquba", "GPE"]])).toHaveLength(0);
  });

  it("reads attacks in the plural as incidents when a day heads the sentence and they are not only referred to, as conduct otherwise", () => {
    const dated = "On 15 May 2022, police repelled attacks by armed herders in Gwalo village.";
    expect(attacks(dated, [["Gwalo", "GPE"]], [["15 May 2022", "2022-05-15"]])).toHaveLength(1);
    const decade = "In the late 1990s, the group trained fighters and began launching attacks in Gwalo village.";
    expect(attacks(decade, [["Gwalo", "GPE"]], [["the late 1990s", "199X"]])).toHaveLength(0);
    const protest = "On 5 May 2022, residents protested in Tourou against the recent and recurring militant attacks.";
    expect(attacks(protest, [["Tourou", "GPE"]], [["5 May 2022", "2022-05-05"]])).toHaveLength(0);
  });

  it("reads a shell that targeted a district, a truck destroyed with a bomb and fighting that took place", () => {
    const shell = attacks("On 8 June 2022, a mortar shell targeted Salh district, killing a civilian.", [["Salh", "GPE"]], [["8 June 2022", "2022-06-08"]]);
    expect(slotOf(shell[0]!, "location")).toBe("Salh");
    const truck = attacks("On 21 October 2021, unknown men destroyed a fuel truck with a bomb near Tarvel village.", [], [["21 October 2021", "2021-10-21"]]);
    expect(slotOf(truck[0]!, "location")).toBe("Tarvel");
    const fighting = attacks("On 2 December 2021, fighting took place between two rival militias in Marbury.", [["Marbury", "GPE"]], [["2 December 2021", "2021-12-02"]]);
    expect(slotOf(fighting[0]!, "location")).toBe("Marbury");
  });

  it("makes no incident of undated fighting with a group", () => {
    expect(attacks("The army has been fighting with the rebels around Marbury.", [["Marbury", "GPE"]])).toHaveLength(0);
  });

  it("reads dated combat told by what it destroyed, an attempted abduction and an incursion", () => {
    const column = attacks("On 2 April 2022, Ukrainian troops destroyed a column of Russian tanks in the Chernihiv region.", [["Chernihiv", "GPE"]], [["2 April 2022", "2022-04-02"]]);
    expect(slotOf(column[0]!, "location")).toBe("Chernihiv");
    expect(attacks("Ukrainian forces have destroyed many Russian tanks in the Chernihiv region.", [["Chernihiv", "GPE"]])).toHaveLength(0);
    const abduct = attacks("On 6 June 2022, in Campinas, four armed men tried to abduct a bar employee.", [["Campinas", "GPE"]], [["6 June 2022", "2022-06-06"]]);
    expect(slotOf(abduct[0]!, "method")).toBe("kidnapping");
    const incursion = attacks("On 19 November 2021, troops staged an incursion in the rural commune of Dembara.", [], [["19 November 2021", "2021-11-19"]]);
    expect(slotOf(incursion[0]!, "location")).toBe("Dembara");
  });

  it("reads 'attacked' in a list of verbs, a count of places invaded and arson", () => {
    const listed = attacks("On 3 March 2022, two traders were robbed, attacked, and stripped by soldiers in Korvale.", [["Korvale", "GPE"]], [["3 March 2022", "2022-03-03"]]);
    expect(slotOf(listed[0]!, "location")).toBe("Korvale");
    const invaded = attacks("On 8 April 2022, herders invaded eight farming settlements in Tombari district.", [], [["8 April 2022", "2022-04-08"]]);
    expect(slotOf(invaded[0]!, "location")).toBe("Tombari");
    const ablaze = attacks("On 2 May 2022, rebels set two lorries ablaze near Dunvale.", [["Dunvale", "GPE"]], [["2 May 2022", "2022-05-02"]]);
    expect(slotOf(ablaze[0]!, "location")).toBe("Dunvale");
    const onFire = attacks("On 2 May 2022, soldiers set the market stalls on fire in Dunvale.", [["Dunvale", "GPE"]], [["2 May 2022", "2022-05-02"]]);
    expect(onFire).toHaveLength(1);
  });

  it("reads shells fired by a militia that hit a place, and weapons used to strike", () => {
    const shells = attacks("On 7 March 2022, artillery shells fired by a militia at night hit a school in Pelmora.", [["Pelmora", "GPE"]], [["7 March 2022", "2022-03-07"]]);
    expect(slotOf(shells[0]!, "location")).toBe("Pelmora");
    const used = attacks("On 9 May 2022, the army used drones and artillery to strike rebel posts near Kostavo.", [["Kostavo", "GPE"]], [["9 May 2022", "2022-05-09"]]);
    expect(slotOf(used[0]!, "location")).toBe("Kostavo");
  });

  it("reads a repelled assault when dated, not when undated", () => {
    const repelled = attacks("On 13 May 2022, rebel units were repelled by the army near Ostrava Lake.", [["Ostrava Lake", "LOC"]], [["13 May 2022", "2022-05-13"]]);
    expect(slotOf(repelled[0]!, "location")).toBe("Ostrava Lake");
    expect(attacks("Rebel units were often repelled by the army near Ostrava Lake.", [["Ostrava Lake", "LOC"]])).toHaveLength(0);
  });

  it("keeps the attack when the one 'shot dead' is an organisation the tagger typed PERSON", () => {
    const text = "On 5 June 2022, a guard of the Dorrin Port Patrol Unit was shot dead by robbers in Kelvane.";
    const events = framesOf(text, [["Dorrin Port", "ORG"], ["Patrol Unit", "PERSON"], ["Kelvane", "GPE"]], [["5 June 2022", "2022-06-05"]]);
    expect(ofType(events, "DEATH")).toHaveLength(0);
    expect(slotOf(ofType(events, "ATTACK")[0]!, "location")).toBe("Kelvane");
  });

  it("dates a sentence headed by a day with a long bracketed range after it", () => {
    const text = "Around 3 May 2022 (between 1 - 5 May), soldiers carried out air and land operations against rebel camps near Kelvane.";
    const found = attacks(text, [["Kelvane", "GPE"]], [["Around 3 May 2022", "2022-05-03"], ["1", "2022-05-01"], ["5 May", "2022-05-05"]]);
    expect(slotOf(found[0]!, "date")).toBe("2022-05-03");
  });
});
