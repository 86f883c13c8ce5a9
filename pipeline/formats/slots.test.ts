import { describe, expect, it } from "vitest";
import { formatQuantity, formatSlots, parseQuantity, parseSlots, parseSlotValue, formatSlotValue } from "./slots.ts";
import { goldDocuments } from "./test-corpus.ts";

describe("slot lines", () => {
  it("give back every slot of every gold frame", () => {
    let slots = 0;
    for (const { record } of goldDocuments())
      for (const event of record.events) {
        expect(parseSlots(event.type, formatSlots(event))).toEqual(event.slots);
        slots += Object.keys(event.slots).length;
      }
    expect(slots).toBeGreaterThan(20);
  });

  it("write counts as the text states them: exact, open-ended, ranges, bounds, approximate", () => {
    const cases = [
      [{ min: 26, max: 26 }, "26"],
      [{ min: 16 }, "16+"],
      [{ min: 1500, max: 2000 }, "1500-2000"],
      [{ max: 100 }, "up to 100"], // 003: "more than 100 members" is gold {max: 100}
      [{ min: 30, max: 30, approx: true }, "~30"],
    ] as const;
    for (const [quantity, text] of cases) {
      expect(formatQuantity(quantity)).toBe(text);
      expect(parseQuantity(text)).toEqual(quantity);
    }
    expect(() => parseQuantity("dozens")).toThrow(/not a quantity/);
  });

  it("fall back to escaped JSON for names that hold the separators, so they never split", () => {
    const names = ["Islamic Movement of Uzbekistan", "Jamaat; Ansarullah", "A | B"];
    const text = formatSlotValue("entities", names);
    expect(text).not.toMatch(/[;|]/);
    expect(parseSlotValue("entities", text)).toEqual(names);
    expect(formatSlotValue("entities", names.slice(0, 1))).toBe("Islamic Movement of Uzbekistan");
  });

  it("name the line at fault", () => {
    expect(() => parseSlots("ATTACK", ["killers: Taliban"])).toThrow(/"killers" is not a slot of ATTACK/);
    expect(() => parseSlots("ATTACK", ["killed: many"])).toThrow(/slot "killed": "many" is not a quantity/);
    expect(() => parseSlots("PLEDGE", ["agent: IMU", "agent: IS"])).toThrow(/slot "agent" given twice/);
  });
});
