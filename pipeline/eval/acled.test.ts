import { describe, expect, it } from "vitest";
import type { EventFrame } from "../schema.ts";
import { docWith } from "../../extractors/events/doc-fixture.ts";
import { compareNote, containersOf, isViolent, noteAsArticle, sameActor, sameFatalities, sameLocation, type AcledRow } from "./acled.ts";

// A made-up row in ACLED's layout (no ACLED data is kept in the repository).
const row: AcledRow = {
  event_id_cnty: "XYZ1",
  event_date: "2022-03-05",
  event_type: "Violence against civilians",
  actor1: "Military Forces of Russia (2000-)",
  actor2: "Civilians (Ukraine)",
  location: "Donetsk - Petrovskyi",
  admin1: "Donetsk",
  admin2: "Donetskyi",
  admin3: "Donetska",
  notes: "On 5 March 2022, Russian forces shelled Petrovskyi district of Donetsk city. Two civilians were killed.",
  fatalities: "2.0",
};

const attack = (slots: Record<string, unknown>, start = 0) =>
  ({ type: "ATTACK", certainty: "asserted", evidence: [{ start, end: start + 5, text: "On 5 " }], slots }) as EventFrame;

describe("ACLED comparison", () => {
  it("reads a note as an article published on its event date", () => {
    expect(noteAsArticle(row)).toEqual({ id: "XYZ1", text: row.notes, published: "2022-03-05" });
    expect(isViolent(row)).toBe(true);
    expect(isViolent({ event_type: "Protests" })).toBe(false);
  });

  it("folds places and accepts any admin level or the head of a compound location", () => {
    expect(sameLocation("Donetsk", row)).toBe(true);
    expect(sameLocation("Donetsk City", row)).toBe(true);
    expect(sameLocation("Kramatorsk", row)).toBe(false);
    expect(sameLocation("Barangay Bagacay", { ...row, location: "Bagacay" })).toBe(true);
    expect(sameLocation("Muthanna", { ...row, admin1: "Al Muthanna" })).toBe(true);
    expect(sameLocation("Sin Chaung", { ...row, location: "Sin Chaung (North)" })).toBe(true);
    expect(sameLocation("Mariga LGA", { ...row, location: "Mariga" })).toBe(true);
    expect(sameLocation("Mount Mariga", { ...row, location: "Mariga" })).toBe(false);
    expect(sameLocation("North", { ...row, location: "Sin Chaung (North)" })).toBe(false);
    expect(sameLocation("Donetsk", row, false)).toBe(true);
    expect(sameLocation("Donetskyi", row)).toBe(true);
    expect(sameLocation("Donetskyi", row, false)).toBe(false);
  });

  it("finds the containers of a place in the note's hierarchy, even names the tagger mistyped", () => {
    const doc = docWith("On 2 June 2022, gunmen killed two herders in Dong village (Jos North, Plateau).", [["Jos North", "PERSON"], ["Plateau", "GPE"]]);
    expect(containersOf(doc)("Dong")).toEqual(["Jos North", "Plateau"]);
    expect(containersOf(doc)("Plateau")).toEqual([]);
  });

  it("reads ACLED's 0 as none reported and open figures as ranges", () => {
    expect(sameFatalities(undefined, 0)).toBe(true);
    expect(sameFatalities({ min: 0, max: 0 }, 0)).toBe(true);
    expect(sameFatalities({ min: 16 }, 20)).toBe(true);
    expect(sameFatalities({ min: 2, max: 2 }, 3)).toBe(false);
    expect(sameFatalities(undefined, 3)).toBe(false);
  });

  it("matches actors on content words, not on generic ones", () => {
    expect(sameActor(["Russian forces"], row.actor1)).toBe(true);
    expect(sameActor(["Ukrainian forces"], row.actor1)).toBe(false);
    expect(sameActor(["Turkish forces"], "Military Forces of Turkey (2016-)")).toBe(true);
    expect(sameActor(["military forces"], "Military Forces of Colombia (2018-)")).toBe(false);
  });

  it("lets an unnamed perpetrator meet an unidentified actor, and only that", () => {
    expect(sameActor(["unknown gunmen"], "Unidentified Armed Group (Mali)")).toBe(true);
    expect(sameActor(["Islamic State"], "Unidentified Armed Group (Mali)")).toBe(false);
    expect(sameActor(["unknown gunmen"], row.actor1)).toBe(false);
  });

  it("compares the first ATTACK frame in text order", () => {
    const events = [
      attack({ date: "2022-03-07", location: "Kramatorsk" }, 80),
      attack({ date: "2022-03-05", location: "Donetsk", killed: { min: 2, max: 2 }, perpetrators: ["Russian forces"] }, 0),
    ];
    const result = compareNote(row, events);
    expect(result.hasAttack).toBe(true);
    expect(result.right).toEqual({ date: true, locationExact: true, location: true, locationWithin: true, fatalities: true, actor1: true, actor2: false });
    expect(compareNote(row, []).right.fatalities).toBe(false);
  });

  it("accepts a finer place the note itself puts inside the coded one", () => {
    const events = [attack({ date: "2022-03-05", location: "Petrovskyi district" })];
    expect(compareNote(row, events).right.location).toBe(false);
    expect(compareNote(row, events, (place) => (place === "Petrovskyi district" ? ["Donetsk"] : [])).right.locationWithin).toBe(true);
  });
});
