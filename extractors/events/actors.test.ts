import { describe, expect, it } from "vitest";
import { actorWords, namesActor } from "./actors.ts";
import { framesOf, ofType, type MentionSpec } from "./doc-fixture.ts";

const PLACES: MentionSpec[] = [["Hilltop", "GPE"], ["Riverton", "GPE"]];

/** The first ATTACK frame's perpetrators and targets in an invented sentence dated 3 May 2021. */
function actors(sentence: string, mentions: MentionSpec[] = []) {
  const attack = ofType(framesOf(sentence, [...PLACES, ...mentions], [["3 May 2021", "2021-05-03"]], "2021-05-04"), "ATTACK")[0];
  const slots = attack?.slots as { perpetrators?: string[]; targets?: string[] } | undefined;
  return { perpetrators: slots?.perpetrators, targets: slots?.targets };
}

describe("events: who attacked whom", () => {
  it("takes the agent of a passive from its by-phrase and the victim from its subject", () => {
    expect(actors("On 3 May 2021, in Riverton, a farmer was shot and killed by two armed men.")).toEqual({
      perpetrators: ["two armed men"],
      targets: ["farmer"],
    });
  });

  it("gives a member's deed to the group named after 'of'", () => {
    expect(actors("On 3 May 2021, in Riverton, a trader was killed by a member of the Blue Front.", [["Blue Front", "ORG"]])).toEqual({
      perpetrators: ["Blue Front"],
      targets: ["trader"],
    });
  });

  it("reads both sides of 'X clashed with Y' and of 'clashes between X and Y'", () => {
    const norp: MentionSpec[] = [["Northland", "NORP"], ["Southland", "NORP"]];
    expect(actors("On 3 May 2021, Northland forces clashed with Southland forces near Hilltop.", norp)).toEqual({
      perpetrators: ["Northland forces"],
      targets: ["Southland forces"],
    });
    const groups: MentionSpec[] = [["Red Brigade", "ORG"], ["Blue Front", "ORG"]];
    expect(actors("On 3 May 2021, clashes took place between the Red Brigade and the Blue Front in Hilltop.", groups)).toEqual({
      perpetrators: ["Red Brigade"],
      targets: ["Blue Front"],
    });
  });

  it("splits the two sides of a battle its subject or 'between' coordinates", () => {
    const norp: MentionSpec[] = [["Northland", "NORP"], ["Southland", "NORP"], ["Red Brigade", "ORG"], ["Blue Front", "ORG"]];
    expect(actors("On 3 May 2021, clashes took place between Northland and Southland armed forces near Hilltop.", norp)).toEqual({
      perpetrators: ["Northland armed forces"],
      targets: ["Southland armed forces"],
    });
    expect(actors("On 3 May 2021, Northland and Southland troops clashed near Hilltop.", norp)).toEqual({
      perpetrators: ["Northland troops"],
      targets: ["Southland troops"],
    });
    expect(actors("On 3 May 2021, the Red Brigade and the Blue Front clashed in Hilltop.", norp)).toEqual({
      perpetrators: ["Red Brigade"],
      targets: ["Blue Front"],
    });
  });

  it("puts one description on both sides of a fight between members of one side", () => {
    expect(actors("On 3 May 2021, a shoot-out between armed individuals took place in Riverton.")).toEqual({
      perpetrators: ["armed individuals"],
      targets: ["armed individuals"],
    });
    const sides = actors("On 3 May 2021, an armed clash was reported between members of the Blue Front and police and soldiers in Riverton.", [["Blue Front", "ORG"]]);
    expect(sides).toEqual({ perpetrators: ["Blue Front"], targets: ["police"] });
  });

  it("takes the aim of a weapon as the target, and a weapon alone as none", () => {
    const mentions: MentionSpec[] = [["Red Brigade", "ORG"], ["Blue Front", "ORG"]];
    expect(actors("On 3 May 2021, the Red Brigade fired mortars at Blue Front positions in Hilltop.", mentions).targets).toEqual(["Blue Front"]);
    expect(actors("On 3 May 2021, the Red Brigade fired artillery in Hilltop.", mentions)).toEqual({ perpetrators: ["Red Brigade"], targets: undefined });
    expect(actors("On 3 May 2021, the Red Brigade fired artillery at rebel positions west of Hilltop.", mentions).targets).toEqual(["rebel positions"]);
  });

  it("looks past a list of calibres, an operation or a landmine to what they were aimed at", () => {
    const mentions: MentionSpec[] = [["Red Brigade", "ORG"], ["Blue Front", "ORG"]];
    expect(actors("On 3 May 2021, the Red Brigade fired 82mm, 120mm mortars at Blue Front fighters near Hilltop.", mentions).targets).toEqual(["Blue Front"]);
    const long = "On 3 May 2021, the Red Brigade fired 122mm and 82mm mortars and grenade launchers at rebel positions near Hilltop.";
    expect(actors(long, mentions).targets).toEqual(["rebel positions"]);
    expect(actors("On 3 May 2021, the Red Brigade launched an offensive operation against the Blue Front.", mentions).targets).toEqual(["Blue Front"]);
    expect(actors("On 3 May 2021, the Red Brigade carried out operations against the Blue Front.", mentions).targets).toEqual(["Blue Front"]);
    expect(actors("On 3 May 2021, a rebel-planted landmine exploded near Hilltop.").targets).toBeUndefined();
  });

  it("takes the victims of 'killing …' when the attack's object is a place", () => {
    expect(actors("On 3 May 2021, rebels shelled Riverton, killing two farmers and injuring a child.")).toEqual({
      perpetrators: ["rebels"],
      targets: ["two farmers"],
    });
    expect(actors("On 3 May 2021, rebels shelled Riverton, killing many.").targets).toBeUndefined();
  });

  it("keeps a described subject before a trailing adjunct and stops the object before a second verb", () => {
    expect(actors("On 3 May 2021, unknown gunmen in a pickup truck opened fire on a bus in Hilltop.")).toEqual({
      perpetrators: ["unknown gunmen"],
      targets: ["bus"],
    });
    expect(actors("On 3 May 2021, soldiers attacked civilians and killed two of them in Hilltop.")).toEqual({
      perpetrators: ["soldiers"],
      targets: ["civilians"],
    });
  });

  it("keeps a place that modifies the forces attacked, and drops one that only says where", () => {
    const lakeside: MentionSpec[] = [["Lakeside", "GPE"]];
    expect(actors("On 3 May 2021, rebels attacked a Lakeside security forces base near Hilltop.", lakeside).targets).toEqual(["Lakeside security forces base"]);
    expect(actors("On 3 May 2021, rebels attacked Lakeside.", lakeside).targets).toBeUndefined();
  });

  it("makes no actor of a name the text uses as a place, nor of a weapon the tagger named", () => {
    const sentence = "On 3 May 2021, in Lakeview town (Lakeview district, Norland State), a grenade exploded near a market.";
    expect(actors(sentence, [["Lakeview", "GPE"], ["Norland State", "PERSON"]]).perpetrators).toBeUndefined();
    const scene = "On 3 May 2021, in Riverton - North Quarter (Lakeside), unknown gunmen shot a driver.";
    expect(actors(scene, [["North Quarter", "PERSON"], ["Lakeside", "GPE"]]).perpetrators).toEqual(["unknown gunmen"]);
    expect(actors("On 3 May 2021, in Riverton, Eastvale, unknown gunmen shot a driver.", [["Eastvale", "ORG"]]).perpetrators).toEqual(["unknown gunmen"]);
    expect(actors("On 3 May 2021, an IED planted by rebels exploded in Hilltop.", [["IED", "ORG"]]).perpetrators).toEqual(["rebels"]);
  });

  it("makes no attacker of a name after 'as' ('coded as X')", () => {
    const sentence = "On 3 May 2021, between Oakfield and Pinecrest villages (coded as Pinecrest), the Blue Front attacked an army patrol.";
    expect(actors(sentence, [["Oakfield", "GPE"], ["Pinecrest", "ORG"], ["Blue Front", "ORG"]]).perpetrators).toEqual(["Blue Front"]);
  });

  it("describes attackers by a head noun after a code or before the craft they flew", () => {
    expect(actors("On 3 May 2021, R7 fighters clashed with the Blue Front near Hilltop.", [["Blue Front", "ORG"]])).toEqual({
      perpetrators: ["R7 fighters"],
      targets: ["Blue Front"],
    });
    expect(actors("On 3 May 2021, Northland army warplanes struck rebel positions near Hilltop.", [["Northland", "NORP"]]).perpetrators).toEqual(["Northland army"]);
    const northland: MentionSpec[] = [["Northland", "GPE"], ["Southland", "NORP"], ["Eastland", "NORP"]];
    expect(actors("On 3 May 2021, the armed forces of Northland shelled Riverton.", northland).perpetrators).toEqual(["armed forces of Northland"]);
    expect(actors("On 3 May 2021, Southland and Eastland troops clashed with rebels near Hilltop.", northland).perpetrators).toEqual(["Southland and Eastland troops"]);
  });

  it("gives the deed of members or forces of a group to the group", () => {
    const mentions: MentionSpec[] = [["Blue Front", "ORG"], ["Northland", "NORP"]];
    expect(actors("On 3 May 2021, about 20 members of the Blue Front raided a farm near Hilltop.", mentions).perpetrators).toEqual(["Blue Front"]);
    expect(actors("On 3 May 2021, fighting broke out between Northland troops and the allied forces of the Blue Front in Hilltop.", mentions)).toEqual({
      perpetrators: ["Northland troops"],
      targets: ["Blue Front"],
    });
  });

  it("finds the attackers behind a support verb, a vehicle or a post", () => {
    const mentions: MentionSpec[] = [["Blue Front", "ORG"], ["Northland", "NORP"]];
    expect(actors("On 3 May 2021, Northland forces carried out shelling against Blue Front militants near Hilltop.", mentions)).toEqual({
      perpetrators: ["Northland forces"],
      targets: ["Blue Front"],
    });
    expect(actors("On 3 May 2021, armed men onboard a taxi opened fire on a shop in Riverton.").perpetrators).toEqual(["armed men"]);
    expect(actors("On 3 May 2021, several armed men broke into a home and opened fire at a family in Riverton.").perpetrators).toEqual(["several armed men"]);
    expect(actors("On 3 May 2021, 2 Northland-led coalition air raids targeted Riverton.").perpetrators).toEqual(["Northland-led coalition"]);
    expect(actors("On 3 May 2021, Northland soldiers stationed at a checkpoint shot a driver in Riverton.", mentions).perpetrators).toEqual(["Northland soldiers"]);
  });

  it("makes no attacker of whoever reports that others attacked", () => {
    const mentions: MentionSpec[] = [["Red Brigade", "ORG"], ["Northland", "NORP"]];
    expect(actors("On 3 May 2021, Red Brigade sources reported that Northland forces shelled Red Brigade positions in Hilltop.", mentions)).toEqual({
      perpetrators: ["Northland forces"],
      targets: ["Red Brigade"],
    });
  });

  it("reads an upper-case IS before the verb as a group, not as a passive", () => {
    expect(actors("On 3 May 2021, IS attacked an army checkpoint near Hilltop.", [["IS", "ORG", "Islamic State"]]).perpetrators).toEqual(["Islamic State"]);
  });
});

describe("events: words that are no actor", () => {
  it("rejects clauses, counts and weapons", () => {
    for (const words of ["when checking the visitors' passes", "after he was reportedly stabbed", "3 - 'several' persons", "artillery", "120mm mortars", "at least 12 people", "Lakeside district", "village", "town of Lake Vale"])
      expect(actorWords(words), words).toBe(false);
  });

  it("keeps people and forces described by a head noun", () => {
    for (const words of ["gunmen", "a farmer", "civilians", "armed individuals", "Northland soldiers"]) expect(namesActor(words), words).toBe(true);
    expect(namesActor("arms and legs")).toBe(false);
  });
});
