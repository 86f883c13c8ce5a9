import { describe, expect, it } from "vitest";
import { EventSchema, slotKind, TimexValueSchema } from "./schema.ts";

describe("TIMEX3 values", () => {
  it.each(["2015-08-06", "2015-08", "2015", "199X", "19", "XXXX-08-06", "2015-W32", "2015-SU", "2015-Q3", "1990-H1", "2015-08-06T14:00", "2015-08-06TNI", "XXXX-WXX-2", "XXXX-WXX-2TNI", "2015-W32-5T20:00", "TMO", "P2M", "PT16M", "PT2.5M", "P3Q", "PXY", "P2DE", "PRESENT_REF", "PAST_REF"])(
    "accepts %s",
    (value) => expect(TimexValueSchema.safeParse(value).success).toBe(true),
  );

  it.each(["", "P", "August 2015", "2015-13-01x", "2015/08/06", "PT", "last year", "XXXX-WXX-8TNI", "XXXX-WXX-2TXY"])("rejects %j", (value) =>
    expect(TimexValueSchema.safeParse(value).success).toBe(false),
  );
});

describe("event slots", () => {
  it("know the kind of value each role holds", () => {
    expect(slotKind("ATTACK", "killed")).toBe("quantity");
    expect(slotKind("ATTACK", "perpetrators")).toBe("entities");
    expect(slotKind("PLEDGE", "date")).toBe("timex");
    expect(slotKind("LEADERSHIP", "role")).toBe("label");
    expect(slotKind("STRENGTH", "source")).toBe("entity");
    expect(slotKind("ATTACK", "agent")).toBeUndefined();
  });

  it("refuse a role from another event type and a label outside the list", () => {
    const frame = { type: "PLEDGE", certainty: "asserted", evidence: [{ start: 0, end: 3, text: "IMU" }] };
    expect(EventSchema.safeParse({ ...frame, slots: { agent: "IMU", strength: "allegiance" } }).success).toBe(true);
    expect(EventSchema.safeParse({ ...frame, slots: { killed: { min: 3 } } }).success).toBe(false);
    expect(EventSchema.safeParse({ ...frame, slots: { strength: "fealty" } }).success).toBe(false);
  });
});
