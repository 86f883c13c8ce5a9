import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVENT_SLOTS, type EventType } from "../pipeline/schema.ts";
import { recordJsonSchema, SCHEMA_FILE } from "./json-schema.ts";

describe("output/schema.json", () => {
  it("is what `npm run schema` generates from the zod schema now (run it after changing pipeline/schema.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(recordJsonSchema());
  });

  it("describes each event type with exactly its roles, and a quantity as min/max/approx", () => {
    const schema = JSON.parse(recordJsonSchema());
    const frames: { properties: { type: { const: string }; slots: { properties: Record<string, { properties?: object }> } } }[] =
      schema.properties.events.items.oneOf ?? schema.properties.events.items.anyOf;
    expect(frames.map((f) => f.properties.type.const)).toEqual(Object.keys(EVENT_SLOTS));
    for (const frame of frames)
      expect(Object.keys(frame.properties.slots.properties)).toEqual(Object.keys(EVENT_SLOTS[frame.properties.type.const as EventType]));
    const attack = frames.find((f) => f.properties.type.const === "ATTACK")!;
    expect(Object.keys(attack.properties.slots.properties.killed!.properties!)).toEqual(["min", "max", "approx"]);
  });
});
