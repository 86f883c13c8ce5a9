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

  it("does not take an acronym before 'camp' for a place: 'shelled the MINUSMA camp in the town of Ber'", () => {
    expect(placeNames("On 28 February 2022, militants shelled the MINUSMA camp in the town of Ber (Tombouctou).", [["MINUSMA", "ORG"]])).toEqual([
      "Ber",
      "Tombouctou",
    ]);
  });
});

describe("places: the scene a note opens with", () => {
  it("takes 'near X,' and 'in the rural area of X municipality' at the head as the place", () => {
    const near = "On 3 February 2022, near Ciudad Arce, La Libertad, gang members shot and killed a bus driver in Las Flores canton.";
    expect(attackPlace(near, [["Ciudad Arce", "PERSON"], ["La Libertad", "GPE"], ["Las Flores", "GPE"]], [["3 February 2022", "2022-02-03"]])).toBe(
      "Ciudad Arce",
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
      "On 6 March 2022, troops stormed a house in Tal Jamus village in the southern countryside of Ein Issa in Ar Raqqa.";
    const within = placeRelation(docWith(text, [["Erbil", "GPE"], ["Ar Raqqa", "GPE"]]));
    expect(within("Kibanga", "Kalonda")).toBe(true);
    expect(within("Kibanga", "Tanganyika")).toBe(true);
    expect(within("Gire Zinar", "Avasin")).toBe(true);
    expect(within("Tal Jamus", "Ein Issa")).toBe(true);
    expect(within("Ein Issa", "Tal Jamus")).toBe(false);
  });
});

describe("places: organisations' names are not recovered as places", () => {
  it("leaves 'a member of the Kurdistan Democratic Party' and 'a team of STF, DRG, and CRPF' to the tagger", () => {
    const text = "On 2 April 2022, gunmen shot a member of the Kurdistan Democratic Party in the Banja Ali area of Kirkuk.";
    expect(placeNames(text, [["Kurdistan", "GPE"], ["Kirkuk", "GPE"]])).toEqual(["Kurdistan", "Banja Ali", "Kirkuk"]);
    expect(placeNames("Maoists clashed with a joint team of STF, DRG, and CRPF near Marjum village.", [])).toEqual(["Marjum"]);
  });
});

describe("places: where the attack happened, not where someone came from or went", () => {
  it("takes the target's village over the attackers' positions and a place someone was heading to", () => {
    const fired =
      "On 11 January 2022, the ministry reported that Armenian forces fired from their positions in the Tavush region towards Azerbaijani positions near Gosha village, Tovuz region.";
    expect(attackPlace(fired, [["Armenian", "NORP"], ["Tavush", "GPE"], ["Azerbaijani", "NORP"], ["Tovuz", "GPE"]], [["11 January 2022", "2022-01-11"]])).toBe(
      "Gosha",
    );
    const heading = "On 28 January 2022, militants ambushed a convoy heading to Shalambood near Buufow Bacaad village (Marka, Lower Shabelle).";
    expect(attackPlace(heading, [["Shalambood", "GPE"]], [["28 January 2022", "2022-01-28"]])).toBe("Buufow Bacaad");
  });

  it("does not take a place an organisation's name begins with: 'workers of the Azerbaijan State Agency of Motor Roads'", () => {
    const text = "On 3 March 2022, a mine wounded three workers of the Azerbaijan State Agency of Motor Roads who were repairing a road in Tartar.";
    expect(attackPlace(text, [["Azerbaijan", "GPE"], ["Tartar", "GPE"]], [["3 March 2022", "2022-03-03"]])).toBe("Tartar");
  });
});

describe("places: communities, fronts, designators and roads between places", () => {
  it("takes 'Oshie community', 'tambon Sateng' and a name ending in City, but not 'the Fulani community'", () => {
    const invaded = "On 2 March 2022, cultists shot sporadically when they invaded Oshie community (Ahoada West, Rivers).";
    expect(attackPlace(invaded, [["Oshie", "PERSON"]], [["2 March 2022", "2022-03-02"]])).toBe("Oshie");
    const tambon = "On 2 February 2022, a bomb went off near a school in tambon Sateng (Mueang Yala, Yala), wounding a teacher.";
    expect(attackPlace(tambon, [["Sateng", "PERSON"], ["Mueang Yala", "PERSON"]], [["2 February 2022", "2022-02-02"]])).toBe("Sateng");
    const city = "On 18 January 2022, three air raids targeted Al Bayda City.";
    expect(attackPlace(city, [["Al Bayda City", "PERSON"]], [["18 January 2022", "2022-01-18"]])).toBe("Al Bayda City");
    expect(placeNames("Soldiers killed two members of the Fulani community in Tansamba.", [])).toEqual(["Tansamba"]);
  });

  it("takes the object of 'targeted' the tagger typed PERSON when two levels follow it, and a front after an aside", () => {
    const targeted = "On 10 February 2022, coalition air raids targeted As Saqiyah (Al Maslub, Al Jawf), killing cattle.";
    expect(attackPlace(targeted, [["As Saqiyah", "PERSON"], ["Al Maslub", "PERSON"], ["Al Jawf", "PERSON"]], [["10 February 2022", "2022-02-10"]])).toBe(
      "As Saqiyah",
    );
    const front = "On 14 March 2022, government forces clashed with rebels in Al Aqrud front (Al Misrakh, Taizz).";
    expect(attackPlace(front, [["Al Misrakh", "PERSON"]], [["14 March 2022", "2022-03-14"]])).toBe("Al Aqrud");
  });

  it("does not take a road named by the towns it joins, but the place that locates it", () => {
    const text = "On 12 June 2022, gunmen abducted three pastors along the Ochadam-Okele-Ejule road (Ofu, Kogi).";
    expect(attackPlace(text, [["Ochadam-Okele-Ejule", "GPE"], ["Ofu", "GPE"], ["Kogi", "GPE"]], [["12 June 2022", "2022-06-12"]])).toBe("Ofu");
  });

  it("does not take the place a ruler rules for where he was attacked", () => {
    const text = "On 22 June 2022, gunmen abducted the traditional ruler of Isuokoma community from his palace in Isu (Onicha, Ebonyi).";
    expect(attackPlace(text, [["Isu", "GPE"]], [["22 June 2022", "2022-06-22"]])).toBe("Isu");
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
    const text = "On 17 January 2022, a roadside bomb exploded under a convoy travelling on the road between Awdheegle and Murru, near Mubaarak village (Qoryooley).";
    expect(attackPlace(text, [["Awdheegle", "GPE"], ["Murru", "GPE"], ["Qoryooley", "GPE"]], [["17 January 2022", "2022-01-17"]])).toBe("Mubaarak");
  });

  it("does not take the country the missiles were fired from", () => {
    const text = "On 8 February 2022, troops fired missiles from a base in Uganda at rebel camps near Zunguluka (Irumu, Ituri).";
    expect(attackPlace(text, [["Uganda", "GPE"], ["Zunguluka", "GPE"], ["Irumu", "GPE"], ["Ituri", "GPE"]], [["8 February 2022", "2022-02-08"]])).toBe(
      "Zunguluka",
    );
  });

  it("does not take a place that begins a possessive organisation's name", () => {
    const text = "On 12 June 2022, clashes erupted over Al Mu'tasim Brigade's attempt to detain fighters in Kaeebeh village.";
    expect(attackPlace(text, [["Al", "GPE"]], [["12 June 2022", "2022-06-12"]])).toBe("Kaeebeh");
  });

  it("takes a territorial community that was shelled and a name ending in LGA", () => {
    const shelled = "On 24 May 2022, Russian forces shelled Bereznehuvate territorial community, Mykolaiv, hitting houses.";
    expect(attackPlace(shelled, [["Bereznehuvate", "PERSON"], ["Mykolaiv", "PERSON"]], [["24 May 2022", "2022-05-24"]])).toBe("Bereznehuvate");
    expect(placeNames("Gunmen abducted four commuters in Sabon Birni LGA (Sokoto).", [])).toEqual(["Sabon Birni LGA", "Sokoto"]);
  });
});

describe("places: containment of a list and of names juxtaposed", () => {
  it("puts every name of a list in the place the list is put in", () => {
    const text = "On 16 April 2022, warplanes struck rebels in Dola Sive, Gire Cehennem and Sehid Sahin areas in Zap region of Duhok.";
    const within = placeRelation(docWith(text, [["Duhok", "GPE"]]));
    expect(within("Dola Sive", "Zap")).toBe(true);
    expect(within("Gire Cehennem", "Duhok")).toBe(true);
    expect(within("Sehid Sahin", "Zap")).toBe(true);
    expect(within("Zap", "Dola Sive")).toBe(false);
  });

  it("reads 'X area Y district' and 'X airport in Y town' as containment", () => {
    const text =
      "On 27 June 2022, airstrikes targeted positions in the Gire Mamrez area Amadiya district. On 12 January 2022, militias clashed near Ugaas Khaliif airport in Belet Weyne town.";
    const within = placeRelation(docWith(text, [["Amadiya", "GPE"], ["Belet Weyne", "GPE"]]));
    expect(within("Gire Mamrez", "Amadiya")).toBe(true);
    expect(within("Ugaas Khaliif", "Belet Weyne")).toBe(true);
  });

  it("reads a police station's limits as containment and keeps a nationality after a particle inside a place's name", () => {
    const limits = "On 15 April 2022, gunmen shot a villager at Kachudola village under Kazigaon police Station limits in Kokrajhar district (Assam).";
    expect(placeRelation(docWith(limits, [["Kazigaon", "GPE"], ["Kokrajhar", "GPE"], ["Assam", "GPE"]]))("Kachudola", "Kokrajhar")).toBe(true);
    const arab = "On 9 January 2022, troops shelled Khaneh village in the eastern countryside of Ain al Arab city in Aleppo governorate.";
    const mentions = [["Ain", "GPE"], ["Arab", "NORP"], ["Aleppo", "GPE"]] as const;
    expect(placeRelation(docWith(arab, mentions.map((m) => [...m])))("Khaneh", "Ain al Arab")).toBe(true);
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
