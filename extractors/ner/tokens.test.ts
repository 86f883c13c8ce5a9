import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { tokenize } from "../tokens.ts";
import { taggerSentences } from "./tokens.ts";

const words = (text: string) => taggerSentences(tokenize(newDoc({ id: "t", text }))).flat().map((t) => t.text);

describe("taggerSentences", () => {
  it("keeps Arabic names and group names whole (004, 000)", () => {
    expect(words("Another close ally of the IMU in Pakistan was Tehrik-i-Taliban (TTP).")).toContain("Tehrik-i-Taliban");
    expect(words("the IMU leader pledges allegiance to ISIS and its ‘self-proclaimed caliph’, Abu Bakr al-Baghdadi.")).toContain("al-Baghdadi");
  });

  it("cuts names out of the words hyphened to them (001, 003)", () => {
    expect(words("Since the US-led invasion of Afghanistan in 2001, the IMU has been on the back foot.").slice(1, 5)).toEqual(["the", "US", "-", "led"]);
    expect(words('"My brothers in Central Asia, do not heed my [previous] pro-ISIL words."')).toEqual(
      expect.arrayContaining(["pro", "-", "ISIL", "words"]),
    );
  });

  it("splits the possessive and keeps offsets on the source (000)", () => {
    const text = "The Islamic Movement of Uzbekistan (IMU), one of Afghanistan’s largest terrorist organizations";
    const tokens = taggerSentences(tokenize(newDoc({ id: "t", text }))).flat();
    expect(tokens.map((t) => t.text)).toContain("’s");
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
