import { describe, expect, it } from "vitest";
import type { AnySlots, DocumentRecord, EventFrame } from "./schema.ts";
import { buildTimeline, datesClose, formatTable } from "./timeline.ts";

const IMU = "Islamic Movement of Uzbekistan";

/** A record holding one frame per (type, sentence, slots) given; evidence is the sentence itself. */
function record(id: string, published: string, frames: Array<[EventFrame["type"], string, AnySlots]>): DocumentRecord {
  let offset = 0;
  const events = frames.map(([type, text, slots]) => {
    const evidence = [{ start: offset, end: offset + text.length, text }];
    offset += text.length + 1;
    return { type, certainty: "asserted", evidence, slots } as EventFrame;
  });
  return { id, published, dctSource: "inferred", excluded: [], entities: [], times: [], events };
}

// The seeds' statements of the IMU's pledges, as the corpus words them.
const seeds = [
  record("000", "2015-08-22", [
    ["PLEDGE", "On August 6th a video was released proving such union.", { agent: IMU, to: "Islamic State", date: "2015-08-06", strength: "allegiance" }],
  ]),
  record("001", "2015-08", [
    ["PLEDGE", "In a video posted by the IMU-controlled Furqon TV on July 31, a figure identified as the group’s spiritual leader, Sheikh Muhammad Ali, … pledges loyalty to the organization.", { agent: IMU, to: "Islamic State", date: "2015-07-31", strength: "allegiance" }],
    ["PLEDGE", "In September 2014, Ghazi pledged support to Islamic State leader Abu Bakr al-Baghdadi", { agent: IMU, to: "Islamic State", date: "2014-09", strength: "support" }],
    ["ATTACK", "The group claimed responsibility for the attack on Karachi airport in June 2014 which left 39 dead.", { perpetrators: [IMU], location: "Jinnah International Airport", date: "2014-06", killed: { min: 39, max: 39 } }],
  ]),
  record("004", "2018-08-30", [
    ["PLEDGE", "In August 2015, after a period of declining relations with the Afghan Taliban, IMU leader Usman Ghazi pledged loyalty to the Islamic State (IS).", { agent: IMU, to: "Islamic State", date: "2015-08", strength: "allegiance" }],
    ["ATTACK", "June 8, 2014: The IMU participated in the attack on the Jinnah International Airport in Karachi, Pakistan, alongside the TTP and Pakistani Taliban. All 10 attackers died in the attack (36 killed, unknown wounded).", { perpetrators: [IMU], location: "Jinnah International Airport", date: "2014-06-08", killed: { min: 36, max: 36 } }],
  ]),
];

describe("timeline", () => {
  const entries = buildTimeline(seeds);

  it("merges one event's frames from several articles and shows the dates they disagree on", () => {
    const pledge2015 = entries.find((e) => e.type === "PLEDGE" && e.date?.startsWith("2015"))!;
    expect(pledge2015.sources.map((s) => s.doc)).toEqual(["000", "001", "004"]);
    expect(pledge2015.disagreements.date!.map((d) => d.value).sort()).toEqual(["2015-07-31", "2015-08", "2015-08-06"]);
    expect(pledge2015.date).toBe("2015-07-31");
  });

  it("keeps a pledge of another year apart, and orders entries by date", () => {
    expect(entries.map((e) => `${e.type} ${e.date}`)).toEqual(["ATTACK 2014-06-08", "PLEDGE 2014-09", "PLEDGE 2015-07-31"]);
  });

  it("reports the casualty figures sources disagree on", () => {
    const karachi = entries[0]!;
    expect(karachi.sources.map((s) => s.doc)).toEqual(["001", "004"]);
    expect(karachi.disagreements.killed!.map((d) => d.docs)).toEqual([["001"], ["004"]]);
    expect(formatTable(entries)).toContain("killed: 39 (001) · 36 (004)");
  });

  it("treats contained dates and near days as compatible, distant ones not", () => {
    expect(datesClose("2015-08", "2015-08-06")).toBe(true);
    expect(datesClose("2015-07-31", "2015-08-06")).toBe(true);
    expect(datesClose("2014-09", "2015-08")).toBe(false);
    expect(datesClose("2015-07-01", "2015-08-06")).toBe(false);
  });
});
