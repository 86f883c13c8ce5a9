import { describe, expect, it } from "vitest";
import { docWith } from "./doc-fixture.ts";
import { extractEvents } from "./index.ts";
import { placeRelation } from "./context.ts";
import { placeMentions } from "./places.ts";

const attackPlace = (...args: Parameters<typeof docWith>) => extractEvents(docWith(...args)).events.find((e) => e.type === "ATTACK")?.slots.location;
const placeNames = (...args: Parameters<typeof docWith>) => placeMentions(docWith(...args)).map((p) => p.text);

describe("places: names the text marks as places", () => {
  it("takes a barangay the tagger typed PERSON, not the city after it", () => {
    const text = "On 12 March 2022, unidentified gunmen shot and killed a farmer in Barangay Malinao, Tagum City (Davao del Norte, Davao).";
    const mentions = [["Barangay Malinao", "PERSON"], ["Tagum City", "GPE"], ["Davao del Norte", "GPE"], ["Davao", "GPE", "Davao", 1]] as const;
    expect(attackPlace(text, mentions.map((m) => [...m]), [["12 March 2022", "2022-03-12"]])).toBe("Barangay Malinao");
  });

  it("completes a name the tagger cut short when a hierarchy follows it", () => {
    const text = "On 5 May 2022, military police clashed with armed men in Porto Velho (Rondonia). One suspect was killed.";
    expect(attackPlace(text, [["Porto", "GPE"], ["Rondonia", "GPE"]], [["5 May 2022", "2022-05-05"]])).toBe("Porto Velho");
  });

  it("reads the first of coordinated villages, whole, at the head of the sentence", () => {
    const text =
      "On 9 April 2022, in Hpa Lan and Nam Tu villages, Kutkai township (Muse district, Shan-North state), the military shelled positions of the TNLA.";
    const mentions = [["Hpa", "GPE"], ["Lan", "PERSON"], ["Nam Tu", "ORG"], ["Kutkai", "PERSON"], ["Shan-North", "GPE"], ["TNLA", "ORG"]] as const;
    expect(attackPlace(text, mentions.map((m) => [...m]), [["9 April 2022", "2022-04-09"]])).toBe("Hpa Lan");
  });

  it("puts a village inside every level of the hierarchy after it", () => {
    const doc = docWith("On 2 June 2022, gunmen killed two herders in Dong village (Jos North, Plateau).", [["Plateau", "GPE"]]);
    const within = placeRelation(doc);
    expect(within("Dong", "Jos North")).toBe(true);
    expect(within("Dong", "Plateau")).toBe(true);
    expect(within("Plateau", "Dong")).toBe(false);
  });

  it("keeps organisations and possessors out: 'In Kabul, Taliban fighters', 'Tajikistan’s Danghara district'", () => {
    expect(placeNames("In Kabul, Taliban fighters stormed a checkpoint.", [["Kabul", "GPE"], ["Taliban", "ORG"]])).toEqual(["Kabul"]);
    expect(placeNames("The attack in Tajikistan’s Danghara district killed four.", [["Tajikistan", "GPE"]])).toEqual(["Tajikistan", "Danghara"]);
  });

  it("does not take an acronym before 'camp' for a place: 'shelled the UNPAX camp in the town of Velmor'", () => {
    expect(placeNames("On 9 October 2021, rebels shelled the UNPAX camp in the town of Velmor (Duskara).", [["UNPAX", "ORG"]])).toEqual([
      "Velmor",
      "Duskara",
    ]);
  });
});

describe("places: the scene a note opens with", () => {
  it("takes 'near X,' and 'in the rural area of X municipality' at the head as the place", () => {
    const near = "On 19 August 2021, near Villa Serena, Monte Azul, gang members shot dead a taxi driver in Las Brisas canton.";
    expect(attackPlace(near, [["Villa Serena", "PERSON"], ["Monte Azul", "GPE"], ["Las Brisas", "GPE"]], [["19 August 2021", "2021-08-19"]])).toBe(
      "Villa Serena",
    );
    const rural =
      "On 7 March 2022, in the rural area of Suarez municipality (Cauca), dissidents killed a farmer whose body was found in the El Hato vereda.";
    expect(attackPlace(rural, [["Suarez", "GPE"], ["Cauca", "GPE"], ["El Hato", "GPE"]], [["7 March 2022", "2022-03-07"]])).toBe("Suarez");
  });

  it("does not take a community of people or a ward's administrator for a place", () => {
    const text = "On 4 May 2022, soldiers killed two members of the Fulani community and the Kan Gyi ward administrator in Dori (Seno, Sahel).";
    expect(placeNames(text, [["Fulani", "NORP"], ["Dori", "GPE"]])).toEqual(["Dori", "Seno", "Sahel"]);
  });

  it("puts a quarter inside the town the note names after it", () => {
    const doc = docWith("On 2 June 2022, gunmen abducted a trader in the Hamdallaye quarter in the town of Gao (Gao, Gao).", [["Gao", "GPE"]]);
    expect(placeRelation(doc)("Hamdallaye", "Gao")).toBe(true);
  });
});

describe("places: objects of attack verbs and untagged names after locatives", () => {
  it("takes the object of 'shelled' with its region after it, even a name with a number ('Zolote-5')", () => {
    const text = "On 24 March 2022, Ukrainian forces shelled Novoselivka, Donetsk with mortars. Casualties unknown.";
    expect(attackPlace(text, [["Ukrainian", "NORP"], ["Donetsk", "PERSON"]], [["24 March 2022", "2022-03-24"]])).toBe("Novoselivka");
    expect(placeNames("On 7 May 2022, rebels shelled positions in Zolote-5, Luhansk.", [["Luhansk", "ORG"]])).toEqual(["Zolote-5", "Luhansk"]);
  });

  it("does not take a person the tagger found for the object of 'attacked'", () => {
    expect(placeNames("Gunmen attacked John Okafor, Mary Eze, and two others.", [["John Okafor", "PERSON"], ["Mary Eze", "PERSON"]])).toEqual([]);
  });

  it("takes an untagged name closing the clause after 'near', not a tagged organisation", () => {
    expect(placeNames("The monitors observed 5 explosions near Nyzhnoteple.", [])).toEqual(["Nyzhnoteple"]);
    expect(placeNames("The bill was debated in Parliament.", [["Parliament", "ORG"]])).toEqual([]);
  });
});

describe("places: containment across designators, asides and directions", () => {
  it("reads 'X village, in Y groupement', 'X area (Kurdish name) in Y region' and 'X village in the southern countryside of Y'", () => {
    const text =
      "On 4 March 2022, militiamen attacked civilians in Kibanga village, in Kalonda groupement (Kalemie, Tanganyika). " +
      "On 5 March 2022, warplanes struck Gire Zinar area (Kurdish name) in Avasin region of Erbil. " +
      "On 6 March 2022, troops raided a house in Tal Warda village in the southern countryside of Ein Sabil in Ar Rimal.";
    const within = placeRelation(docWith(text, [["Erbil", "GPE"], ["Ar Rimal", "GPE"]]));
    expect(within("Kibanga", "Kalonda")).toBe(true);
    expect(within("Kibanga", "Tanganyika")).toBe(true);
    expect(within("Gire Zinar", "Avasin")).toBe(true);
    expect(within("Tal Warda", "Ein Sabil")).toBe(true);
    expect(within("Ein Sabil", "Tal Warda")).toBe(false);
  });
});

describe("places: organisations' names are not recovered as places", () => {
  it("leaves 'a member of the Kurdistan Democratic Party' and 'a team of KPF, RRU, and BSG' to the tagger", () => {
    const text = "On 2 April 2022, gunmen shot a member of the Kurdistan Democratic Party in the Banja Ali area of Kirkuk.";
    expect(placeNames(text, [["Kurdistan", "GPE"], ["Kirkuk", "GPE"]])).toEqual(["Kurdistan", "Banja Ali", "Kirkuk"]);
    expect(placeNames("Insurgents clashed with a joint team of KPF, RRU, and BSG near Tolvan village.", [])).toEqual(["Tolvan"]);
  });
});

describe("places: where the attack happened, not where someone came from or went", () => {
  it("takes the target's village over the attackers' positions and a place someone was heading to", () => {
    const fired =
      "On 20 September 2021, the ministry said that Ostrian forces fired from their positions in the Marlow region towards Velmaran positions near Brisk village, Tarn region.";
    expect(attackPlace(fired, [["Ostrian", "NORP"], ["Marlow", "GPE"], ["Velmaran", "NORP"], ["Tarn", "GPE"]], [["20 September 2021", "2021-09-20"]])).toBe(
      "Brisk",
    );
    const heading = "On 14 November 2021, militants ambushed a supply convoy heading to Kessary near Dolmar Hadeed village (Varnel, Upper Tarn).";
    expect(attackPlace(heading, [["Kessary", "GPE"]], [["14 November 2021", "2021-11-14"]])).toBe("Dolmar Hadeed");
  });

  it("does not take a place an organisation's name begins with: 'employees of the Ostria State Agency of Public Roads'", () => {
    const text = "On 7 December 2021, a landmine injured two employees of the Ostria State Agency of Public Roads who were resurfacing a road in Kelmar.";
    expect(attackPlace(text, [["Ostria", "GPE"], ["Kelmar", "GPE"]], [["7 December 2021", "2021-12-07"]])).toBe("Kelmar");
  });
});

describe("places: communities, fronts, designators and roads between places", () => {
  it("takes 'Ubeku community', 'tambon Sateng' and a name ending in City, but not 'the Fulani community'", () => {
    const invaded = "On 25 July 2021, cult members fired into the air when they invaded Ubeku community (Ashara East, Delmar).";
    expect(attackPlace(invaded, [["Ubeku", "PERSON"]], [["25 July 2021", "2021-07-25"]])).toBe("Ubeku");
    const tambon = "On 2 February 2022, a bomb went off near a school in tambon Sateng (Mueang Yala, Yala), wounding a teacher.";
    expect(attackPlace(tambon, [["Sateng", "PERSON"], ["Mueang Yala", "PERSON"]], [["2 February 2022", "2022-02-02"]])).toBe("Sateng");
    const city = "On 18 January 2022, three air raids targeted Al Bayda City.";
    expect(attackPlace(city, [["Al Bayda City", "PERSON"]], [["18 January 2022", "2022-01-18"]])).toBe("Al Bayda City");
    expect(placeNames("Soldiers killed two members of the Fulani community in Tansamba.", [])).toEqual(["Tansamba"]);
  });

  it("takes the object of 'targeted' the tagger typed PERSON when two levels follow it, and a front after an aside", () => {
    const targeted = "On 5 October 2021, coalition air raids targeted As Sahira (Al Marwan, Al Dunayr), killing livestock.";
    expect(attackPlace(targeted, [["As Sahira", "PERSON"], ["Al Marwan", "PERSON"], ["Al Dunayr", "PERSON"]], [["5 October 2021", "2021-10-05"]])).toBe(
      "As Sahira",
    );
    const front = "On 14 March 2022, government forces clashed with rebels in Al Aqrud front (Al Misrakh, Taizz).";
    expect(attackPlace(front, [["Al Misrakh", "PERSON"]], [["14 March 2022", "2022-03-14"]])).toBe("Al Aqrud");
  });

  it("does not take a road named by the towns it joins, but the place that locates it", () => {
    const text = "On 30 August 2021, gunmen kidnapped two clerics along the Amaro-Kelu-Besin road (Udara, Tarn).";
    expect(attackPlace(text, [["Amaro-Kelu-Besin", "GPE"], ["Udara", "GPE"], ["Tarn", "GPE"]], [["30 August 2021", "2021-08-30"]])).toBe("Udara");
  });

  it("does not take the place a ruler rules for where he was attacked", () => {
    const text = "On 16 November 2021, gunmen abducted the traditional ruler of Okpara community from his home in Elu (Ameka, Delmar).";
    expect(attackPlace(text, [["Elu", "GPE"]], [["16 November 2021", "2021-11-16"]])).toBe("Elu");
  });
});

describe("places: a name standing where a place stands comes first", () => {
  it("takes the village after 'in the village of' over a group the tagger typed as a place", () => {
    const text = "On 21 January 2022, militants clashed with Koglweogo and volunteer fighters in the village of Nyapaga (Yamba, Gourma).";
    expect(attackPlace(text, [["Koglweogo", "GPE"], ["Nyapaga", "GPE"], ["Yamba", "GPE"], ["Gourma", "GPE"]], [["21 January 2022", "2022-01-21"]])).toBe(
      "Nyapaga",
    );
  });

  it("takes the village near which a convoy was bombed, not the towns its road runs between", () => {
    const text = "On 23 October 2021, a roadside bomb exploded beneath a convoy moving along the road between Dalmar and Hurro, near Barako village (Wenley).";
    expect(attackPlace(text, [["Dalmar", "GPE"], ["Hurro", "GPE"], ["Wenley", "GPE"]], [["23 October 2021", "2021-10-23"]])).toBe("Barako");
  });

  it("does not take the country the missiles were fired from", () => {
    const text = "On 8 February 2022, troops fired missiles from a base in Uganda at rebel camps near Zunguluka (Irumu, Ituri).";
    expect(attackPlace(text, [["Uganda", "GPE"], ["Zunguluka", "GPE"], ["Irumu", "GPE"], ["Ituri", "GPE"]], [["8 February 2022", "2022-02-08"]])).toBe(
      "Zunguluka",
    );
  });

  it("does not take a place that begins a possessive organisation's name", () => {
    const text = "On 2 November 2021, clashes erupted over Al Ma'mun Brigade's bid to arrest gunmen in Sawanah village.";
    expect(attackPlace(text, [["Al", "GPE"]], [["2 November 2021", "2021-11-02"]])).toBe("Sawanah");
  });

  it("takes a territorial community that was shelled and a name ending in LGA", () => {
    const shelled = "On 18 September 2021, Ostrian forces shelled Kalynotrav territorial community, Marvensk, damaging homes.";
    expect(attackPlace(shelled, [["Kalynotrav", "PERSON"], ["Marvensk", "PERSON"]], [["18 September 2021", "2021-09-18"]])).toBe("Kalynotrav");
    expect(placeNames("Gunmen abducted four commuters in Sabon Birni LGA (Sokoto).", [])).toEqual(["Sabon Birni LGA", "Sokoto"]);
  });
});

describe("places: containment of a list and of names juxtaposed", () => {
  it("puts every name of a list in the place the list is put in", () => {
    const text = "On 3 September 2021, jets struck militants in Sela Mor, Gire Avan and Kani Dor areas in Velm region of Harlow.";
    const within = placeRelation(docWith(text, [["Harlow", "GPE"]]));
    expect(within("Sela Mor", "Velm")).toBe(true);
    expect(within("Gire Avan", "Harlow")).toBe(true);
    expect(within("Kani Dor", "Velm")).toBe(true);
    expect(within("Velm", "Sela Mor")).toBe(false);
  });

  it("reads 'X area Y district' and 'X airport in Y town' as containment", () => {
    const text =
      "On 11 July 2021, airstrikes hit positions in the Gire Tolan area Marben district. On 4 December 2021, militias clashed near Hasan Dirir airport in Wardale town.";
    const within = placeRelation(docWith(text, [["Marben", "GPE"], ["Wardale", "GPE"]]));
    expect(within("Gire Tolan", "Marben")).toBe(true);
    expect(within("Hasan Dirir", "Wardale")).toBe(true);
  });

  it("reads a police station's limits as containment and keeps a nationality after a particle inside a place's name", () => {
    const limits = "On 26 August 2021, gunmen shot a farmer at Dolpara village under Ranigaon police Station limits in Kestapur district (Varnam).";
    expect(placeRelation(docWith(limits, [["Ranigaon", "GPE"], ["Kestapur", "GPE"], ["Varnam", "GPE"]]))("Dolpara", "Kestapur")).toBe(true);
    const arab = "On 13 October 2021, troops shelled Tellan village in the eastern countryside of Ras al Arab city in Qasrin governorate.";
    const mentions = [["Ras", "GPE"], ["Arab", "NORP"], ["Qasrin", "GPE"]] as const;
    expect(placeRelation(docWith(arab, mentions.map((m) => [...m])))("Tellan", "Ras al Arab")).toBe(true);
  });
});

describe("places: victims' and attackers' other places, owners and predicates", () => {
  it("takes where the attack happened over where victims were taken, came from or lived, or where attackers were based", () => {
    const d = [["4 May 2022", "2022-05-04"]] as [string, string][];
    const taken = "On 4 May 2022, gunmen shot a trader, later taken to a hospital in Dorrin, near his farm in Kelvane.";
    expect(attackPlace(taken, [["Kelvane", "GPE"], ["Dorrin", "GPE"]], d)).toBe("Kelvane");
    const coming = "On 4 May 2022, bandits shot a farmer coming from the cattle market in Dorrin near Kelvane.";
    expect(attackPlace(coming, [["Dorrin", "GPE"], ["Kelvane", "GPE"]], d)).toBe("Kelvane");
    const lives = "On 4 May 2022, militiamen beat a driver who lives in Dorrin at a checkpoint in Kelvane.";
    expect(attackPlace(lives, [["Dorrin", "GPE"], ["Kelvane", "GPE"]], d)).toBe("Kelvane");
    const based = "On 4 May 2022, soldiers attacked rebels based in Dorrin at a camp near Kelvane.";
    expect(attackPlace(based, [["Dorrin", "GPE"], ["Kelvane", "GPE"]], d)).toBe("Kelvane");
    const road = "On 4 May 2022, a bomb exploded on Dorrin road near Kelvane town.";
    expect(attackPlace(road, [["Dorrin", "GPE"], ["Kelvane", "GPE"]], d)).toBe("Kelvane");
    // Alone, the place of a road's name is still the best the text gives.
    expect(attackPlace("On 4 May 2022, a bomb exploded on Dorrin road.", [["Dorrin", "GPE"]], d)).toBe("Dorrin");
  });

  it("does not take the towns whose mayors were attacked, nor what attackers were presumed to be", () => {
    const d = [["4 May 2022", "2022-05-04"]] as [string, string][];
    const mayors = "On 4 May 2022, gunmen fired on a car carrying the mayors of Dorrin and Velmar.";
    expect(attackPlace(mayors, [["Dorrin", "GPE"], ["Velmar", "GPE"]], d)).toBeUndefined();
    const presumed = "On 4 May 2022, landmines, presumed to be Ostrian, exploded under a truck.";
    expect(attackPlace(presumed, [["Ostrian", "GPE"]], d)).toBeUndefined();
    const region = "On 4 May 2022, jets struck an area presumed to be the Kora region.";
    expect(attackPlace(region, [["Kora", "GPE"]], d)).toBe("Kora");
  });

  it("reads a place before a bracketed alias, and a name ending in District anywhere, unless it is an organisation's", () => {
    const d = [["4 May 2022", "2022-05-04"]] as [string, string][];
    const bracket = "On 4 May 2022, soldiers killed two herders of the Velmar community in the village of Korvane [Dessa] (Yatenga, Nord).";
    expect(attackPlace(bracket, [["Velmar", "GPE"], ["Korvane", "GPE"], ["Yatenga", "GPE"], ["Nord", "GPE"]], d)).toBe("Korvane");
    expect(placeNames("Gunmen robbed travellers on the highway, Dunmore District (Kesh).", [])).toContain("Dunmore District");
    expect(placeNames("Islamic State Kesh Province claimed the attack.", [["Islamic State Kesh Province", "ORG"]])).toEqual([]);
  });
});

describe("places: the hierarchy after an aside is an aside too", () => {
  it("takes the reference place itself, not the district given after it", () => {
    const text = "On 4 May 2022, a bus was attacked 12 km from Dorrin (Velmar, Kesh).";
    expect(attackPlace(text, [["Dorrin", "GPE"], ["Velmar", "GPE"], ["Kesh", "GPE"]], [["4 May 2022", "2022-05-04"]])).toBe("Dorrin");
  });

  it("takes the first end of 'between X (A) and Y (B)' and of 'between X, A and Y, B'", () => {
    const d = [["4 May 2022", "2022-05-04"]] as [string, string][];
    const brackets = "On 4 May 2022, soldiers and rebels clashed between Dorrin (Velmar, Kesh) and Kelvane (Tarn, Kesh).";
    expect(attackPlace(brackets, [["Dorrin", "GPE"], ["Velmar", "GPE"], ["Kesh", "GPE"], ["Kelvane", "GPE"], ["Tarn", "GPE"]], d)).toBe("Dorrin");
    const commas = "On 4 May 2022, troops repulsed an assault on the stretch between Dorrin, Kesh and Kelvane, Tarn.";
    expect(attackPlace(commas, [["Dorrin", "GPE"], ["Kesh", "GPE"], ["Kelvane", "GPE"], ["Tarn", "GPE"]], d)).toBe("Dorrin");
  });
});

describe("places: containment across a bracketed alias", () => {
  it("puts a place and its bracketed alias inside the hierarchy after them", () => {
    const untagged = placeRelation(docWith("On 4 May 2022, soldiers killed two herders in the village of Korvane [Dessa] (Yatenga, Nord).", [["Yatenga", "GPE"], ["Nord", "GPE"]]));
    expect(untagged("Korvane", "Yatenga")).toBe(true);
    const tagged = placeRelation(docWith("On 4 May 2022, gunmen ambushed a truck at Korvane [Dessa] (Yatenga, Nord).", [["Korvane", "GPE"], ["Dessa", "GPE"], ["Yatenga", "GPE"], ["Nord", "GPE"]]));
    expect(tagged("Dessa", "Yatenga")).toBe(true);
    expect(tagged("Korvane", "Nord")).toBe(true);
    expect(tagged("Yatenga", "Korvane")).toBe(false);
  });
});
