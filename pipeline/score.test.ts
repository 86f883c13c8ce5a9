/**
 * The scorer on small hand-made records over the opening of corpus article 001
 * ("Only days after the death of Taliban leader Mullah Omar was announced, the
 * Islamic Movement of Uzbekistan terrorist group has reportedly sworn
 * allegiance to the Islamic State. In a video posted by the IMU-controlled
 * Furqon TV on July 31, …"). Every expected figure was worked out by hand; the
 * reasoning is in the comments.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DocumentRecord, Entity, EntityType, EventFrame, Time } from "./schema.ts";
import {
  compareSlot,
  figures,
  fold,
  matchOneToOne,
  nameIndex,
  scoreCorpus,
  scoreEntities,
  scoreEventKeys,
  scoreEvents,
  scoreExcluded,
  scoreTimes,
} from "./score.ts";

const TEXT = readFileSync(new URL("../corpus/001_2ab9d31026021b1f.txt", import.meta.url), "utf8");

/** The span of the first occurrence of `surface` at or after `from`, checked against the text. */
function at(surface: string, from = 0) {
  const start = TEXT.indexOf(surface, from);
  if (start < 0) throw new Error(`${surface} not in the text`);
  return { start, end: start + surface.length, text: surface };
}
const mention = (surface: string, type: EntityType, canonical = surface, from = 0): Entity => ({
  ...at(surface, from),
  type,
  canonical,
});
const time = (surface: string, type: Time["type"], value: string): Time => ({ ...at(surface), type, value });
const record = (fields: Partial<DocumentRecord>): DocumentRecord => ({
  id: "001_2ab9d31026021b1f",
  published: "2015-08",
  dctSource: "inferred",
  excluded: [],
  entities: [],
  times: [],
  events: [],
  ...fields,
});

const IMU = "Islamic Movement of Uzbekistan";
const FIRST_SENTENCE = "Only days after the death of Taliban leader Mullah Omar was announced";
const ATTACK_SENTENCE = "The rest of the 16-minute video shows IMU militants carrying out attacks";
const LAST_SENTENCE = "This is the first time the IMU’s central leadership has formally sworn allegiance to ISIS.";

const goldEntities = [
  mention("Taliban", "ORG"),
  mention("Omar", "PERSON", "Mohammad Omar"),
  mention(IMU, "ORG"),
  mention("Islamic State", "ORG"),
  mention("IMU", "ORG", IMU),
  mention("ISIS", "ORG", "Islamic State"),
];

describe("matchOneToOne", () => {
  it("finds as many pairs as possible even when the best pair blocks another", () => {
    // Gold a overlaps x (affinity 5) and y (1); gold b overlaps only x (1).
    // Greedy alone pairs a-x and leaves b alone; the augmenting path gives a-y, b-x: 2 pairs.
    const affinity: Record<string, number> = { ax: 5, ay: 1, bx: 1 };
    const pairs = matchOneToOne(["a", "b"], ["x", "y"], (g, p) => affinity[g + p] ?? null);
    expect(pairs.sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("keeps the best pair when a free candidate is left for the other item", () => {
    // a-x 5, a-y 1, b-x 1, b-y 1: a-x and b-y (total 6), not a-y and b-x.
    const affinity: Record<string, number> = { ax: 5, ay: 1, bx: 1, by: 1 };
    expect(matchOneToOne(["a", "b"], ["x", "y"], (g, p) => affinity[g + p] ?? null)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe("scoreEntities", () => {
  const gold = record({ entities: goldEntities.slice(0, 4) });
  const pred = record({
    entities: [
      mention("Taliban", "ORG"), // right
      mention("Mullah Omar", "PERSON", "Mohammad Omar"), // longer span, same type
      mention(IMU, "GPE"), // right span, wrong type
      mention("Uzbekistan", "GPE"), // inside the IMU's name
      // "Islamic State" missed
    ],
  });
  const { modes } = scoreEntities(gold, pred);

  it("strict: only Taliban matches (TP 1, FP 3, FN 3)", () => {
    expect(figures(sumOf(modes.strict))).toMatchObject({ tp: 1, fp: 3, fn: 3, precision: 0.25, recall: 0.25, f1: 0.25 });
    // ORG: Taliban TP; IMU and Islamic State FN; no predicted ORG is wrong. GPE: two FP. PERSON: one FP, one FN.
    expect(modes.strict).toEqual({ ORG: { tp: 1, fp: 0, fn: 2 }, GPE: { tp: 0, fp: 2, fn: 0 }, PERSON: { tp: 0, fp: 1, fn: 1 } });
  });

  it("exact: Taliban and the IMU's span match whatever the type (TP 2, FP 2, FN 2)", () => {
    expect(sumOf(modes.exact)).toEqual({ tp: 2, fp: 2, fn: 2 });
  });

  it("partial: Mullah Omar counts as a full TP for Omar; the IMU as GPE does not (TP 2, FP 2, FN 2)", () => {
    expect(sumOf(modes.partial)).toEqual({ tp: 2, fp: 2, fn: 2 });
    expect(modes.partial.PERSON).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it("type: any overlap matches, one-to-one, so Uzbekistan stays a false alarm (TP 3, FP 1, FN 1)", () => {
    expect(figures(sumOf(modes.type))).toMatchObject({ tp: 3, fp: 1, fn: 1, f1: 0.75 });
    // TP under the gold type: Taliban and IMU are ORG; Uzbekistan's FP is GPE.
    expect(modes.type.ORG).toEqual({ tp: 2, fp: 0, fn: 1 });
    expect(modes.type.GPE).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it("one gold mention split in two predicted ones is one TP and one FP in partial mode", () => {
    const split = record({ entities: [mention("Islamic Movement", "ORG", "Islamic Movement"), mention("Uzbekistan", "ORG")] });
    const result = scoreEntities(record({ entities: [mention(IMU, "ORG")] }), split);
    expect(result.modes.partial.ORG).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(result.modes.strict.ORG).toEqual({ tp: 0, fp: 2, fn: 1 });
  });

  it("lists each strict miss with what was predicted over it", () => {
    const miss = scoreEntities(gold, pred).errors.find((e) => e.kind === "miss" && e.start === at("Omar").start);
    expect(miss?.detail).toBe(`gold PERSON "Omar"; predicted here: PERSON "Mullah Omar" [44, 55)`);
  });
});

describe("scoreTimes", () => {
  const gold = record({ times: [time("July 31", "DATE", "2015-07-31"), time("16-minute", "DURATION", "PT16M")] });
  const pred = record({ times: [time("on July 31", "DATE", "2015-07-31"), time("16-minute", "DATE", "PT16M")] });
  const result = scoreTimes(gold, pred);

  it("strict needs the same span; relaxed an overlap; value also the same type and value", () => {
    // "on July 31" overlaps "July 31" with the same value: relaxed and value TP, strict miss.
    // "16-minute" has the right span and value but type DATE: strict and relaxed TP, value miss.
    expect(result.modes).toEqual({
      strict: { tp: 1, fp: 1, fn: 1 },
      relaxed: { tp: 2, fp: 0, fn: 0 },
      value: { tp: 1, fp: 1, fn: 1 },
    });
    expect(result.typeAgreement).toEqual({ agree: 1, total: 2 });
    // By type in value mode: July 31 is a DATE TP; the gold DURATION is missed and the predicted DATE is extra.
    expect(result.valueByType).toEqual({ DATE: { tp: 1, fp: 1, fn: 0 }, DURATION: { tp: 0, fp: 0, fn: 1 } });
  });
});

describe("slot values", () => {
  const names = nameIndex(record({ entities: goldEntities }));

  it("folds case, punctuation and a leading 'the'", () => {
    expect(fold("The Islamic-State")).toBe(fold("islamic state"));
    expect(fold("U.S.")).toBe(fold("US"));
    expect(fold("Theodore")).not.toBe(fold("odore"));
  });

  it("matches an entity slot through any coreferent gold mention (MUC)", () => {
    // "IMU" is a gold mention whose canonical is the Islamic Movement of Uzbekistan.
    expect(compareSlot("entity", IMU, "IMU", names)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(compareSlot("entity", "Islamic State", "ISIS", names)).toEqual({ tp: 1, fp: 0, fn: 0 });
    // Taliban is another entity: the predicted value is wrong (FP) and the gold one missed (FN).
    expect(compareSlot("entity", IMU, "Taliban", names)).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("scores entity lists element by element", () => {
    // IMU matches the IMU; Al Qaeda is an FP; Taliban is an FN.
    expect(compareSlot("entities", [IMU, "Taliban"], ["IMU", "Al Qaeda"], names)).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it("matches quantities on their bounds, ignoring approx", () => {
    expect(compareSlot("quantity", { min: 26, max: 26 }, { min: 26, max: 26, approx: true }, names)).toEqual({ tp: 1, fp: 0, fn: 0 });
    // "16+" is {min: 16}; an exact 16 has a max as well, so it does not match.
    expect(compareSlot("quantity", { min: 16 }, { min: 16, max: 16 }, names)).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("counts a slot filled on one side only as FN or FP", () => {
    expect(compareSlot("timex", "2015-07-31", undefined, names)).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(compareSlot("label", undefined, "allegiance", names)).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});

const pledge = (evidence: string[], slots: Extract<EventFrame, { type: "PLEDGE" }>["slots"]): EventFrame => ({
  type: "PLEDGE",
  certainty: "asserted",
  evidence: evidence.map((s) => at(s)),
  slots,
});
const attack = (evidence: string, slots: Extract<EventFrame, { type: "ATTACK" }>["slots"]): EventFrame => ({
  type: "ATTACK",
  certainty: "asserted",
  evidence: [at(evidence)],
  slots,
});

describe("scoreEvents", () => {
  const gold = record({
    entities: goldEntities,
    events: [
      pledge([FIRST_SENTENCE, LAST_SENTENCE], { agent: IMU, to: "Islamic State", date: "2015-07-31", strength: "allegiance" }),
      attack(ATTACK_SENTENCE, { perpetrators: [IMU], targets: ["Afghan army posts"], location: "Zabul" }),
    ],
  });
  const pred = record({
    events: [
      // Overlaps the gold pledge's first evidence span: matched.
      pledge([FIRST_SENTENCE], { agent: "IMU", to: "the Islamic state", date: "2015-07" }),
      // No gold ATTACK's evidence overlaps the first sentence: a false alarm.
      attack(FIRST_SENTENCE, { perpetrators: ["IMU", "Taliban"] }),
    ],
  });
  const result = scoreEvents(gold, pred);

  it("matches frames of the same type with overlapping evidence", () => {
    expect(result.frames).toEqual({ PLEDGE: { tp: 1, fp: 0, fn: 0 }, ATTACK: { tp: 0, fp: 1, fn: 1 } });
  });

  it("compares the slots of matched frames and counts those of unmatched frames", () => {
    expect(result.slots).toEqual({
      "PLEDGE.agent": { tp: 1, fp: 0, fn: 0 }, // "IMU" is a gold mention of the IMU
      "PLEDGE.to": { tp: 1, fp: 0, fn: 0 }, // folded: "the Islamic state" = "Islamic State"
      "PLEDGE.date": { tp: 0, fp: 1, fn: 1 }, // 2015-07 is not 2015-07-31
      "PLEDGE.strength": { tp: 0, fp: 0, fn: 1 }, // not predicted
      // The unmatched gold attack's slots are misses; the false alarm's two perpetrators are FPs.
      "ATTACK.perpetrators": { tp: 0, fp: 2, fn: 1 },
      "ATTACK.targets": { tp: 0, fp: 0, fn: 1 },
      "ATTACK.location": { tp: 0, fp: 0, fn: 1 },
    });
  });

  it("pairs frames stated in one sentence by their slots when evidence ties", () => {
    const frames = [
      pledge([FIRST_SENTENCE], { agent: IMU, to: "Islamic State" }),
      pledge([FIRST_SENTENCE], { agent: "Taliban", to: "Islamic State" }),
    ];
    const same = scoreEvents(record({ entities: goldEntities, events: frames }), record({ events: [frames[1]!, frames[0]!] }));
    expect(same.slots["PLEDGE.agent"]).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
});

describe("scoreEventKeys (corpus view)", () => {
  const gold = record({ entities: goldEntities, events: [pledge([FIRST_SENTENCE], { agent: IMU, to: "Islamic State", date: "2015-07-31" })] });

  it("ignores evidence and matches on type and key slots (PLEDGE: agent and to)", () => {
    // Evidence elsewhere and another date: still the same pledge by its key slots.
    const pred = record({ events: [pledge([LAST_SENTENCE], { agent: "IMU", to: "ISIS", date: "2015-08" })] });
    expect(scoreEventKeys(gold, pred)).toEqual({ PLEDGE: { tp: 1, fp: 0, fn: 0 } });
    // The evidence-based view counts it as one miss and one false alarm.
    expect(scoreEvents(gold, pred).frames).toEqual({ PLEDGE: { tp: 0, fp: 1, fn: 1 } });
  });

  it("does not match when a key slot is filled on one side only", () => {
    const pred = record({ events: [pledge([FIRST_SENTENCE], { agent: IMU })] });
    expect(scoreEventKeys(gold, pred)).toEqual({ PLEDGE: { tp: 0, fp: 1, fn: 1 } });
  });
});

describe("scoreExcluded", () => {
  it("compares excluded characters", () => {
    // Gold [0, 85); predicted [0, 50) and [80, 100): 55 shared, 30 missed (50-80), 15 extra (85-100).
    const gold = record({ excluded: [{ start: 0, end: 85, reason: "boilerplate" }] });
    const pred = record({
      excluded: [
        { start: 0, end: 50, reason: "boilerplate" },
        { start: 80, end: 100, reason: "navigation" },
      ],
    });
    const { counts, errors } = scoreExcluded(gold, pred);
    expect(counts).toEqual({ tp: 55, fp: 15, fn: 30 });
    expect(errors.map((e) => [e.kind, e.start, e.end])).toEqual([
      ["miss", 50, 80],
      ["false alarm", 85, 100],
    ]);
  });

  it("leaves whitespace out when it has the text", () => {
    // Gold excludes "Only", the prediction "Only " with its space: one extra character, but a space.
    const gold = record({ excluded: [{ start: 0, end: 4, reason: "boilerplate" }] });
    const pred = record({ excluded: [{ start: 0, end: 5, reason: "boilerplate" }] });
    expect(scoreExcluded(gold, pred).counts).toEqual({ tp: 4, fp: 1, fn: 0 });
    expect(scoreExcluded(gold, pred, TEXT)).toEqual({ counts: { tp: 4, fp: 0, fn: 0 }, errors: [] });
  });
});

describe("scoreCorpus", () => {
  it("scores documents on both sides and lists the others", () => {
    const gold = [record({ entities: goldEntities }), record({ id: "gold-only" })];
    const pred = [record({ entities: goldEntities.slice(0, 2) }), record({ id: "pred-only", entities: goldEntities })];
    const card = scoreCorpus(gold, pred);
    expect(card.documents).toEqual({ scored: ["001_2ab9d31026021b1f"], withoutPrediction: ["gold-only"], withoutGold: ["pred-only"] });
    // 2 of the 6 gold mentions predicted, all right: P 1, R 1/3, F1 = 4/(4+0+4) = 0.5.
    expect(card.entities.strict.micro).toMatchObject({ tp: 2, fp: 0, fn: 4, precision: 1, f1: 0.5 });
    expect(card.entities.strict.micro.recall).toBeCloseTo(1 / 3);
    // Nothing to score for times: every ratio is 0/0.
    expect(card.times.value).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });
});

function sumOf(table: Record<string, { tp: number; fp: number; fn: number }>) {
  return Object.values(table).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}
