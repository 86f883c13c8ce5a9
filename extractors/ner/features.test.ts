import { describe, expect, it } from "vitest";
import { isTitleCaseHeadline, truecaseHeadlines, wordShape } from "./features.ts";

describe("truecaseHeadlines", () => {
  // The headline and first sentence of corpus article 002, as tagger tokens.
  const headline = "IMU Declares It Is Now Part Of The Islamic State".split(" ");
  const body = "The Islamic Movement of Uzbekistan ( IMU ) is not only allied to the Islamic State ( IS ) group , it now considers itself part of it .".split(" ");

  it("recognizes a title-case headline, not a sentence", () => {
    expect(isTitleCaseHeadline(headline)).toBe(true);
    expect(isTitleCaseHeadline(body)).toBe(false);
  });

  it("lowercases the headline's words the body writes in lowercase, keeping names", () => {
    const [truecased, same] = truecaseHeadlines([headline, body]);
    expect(truecased!.join(" ")).toBe("IMU declares it is now part of the Islamic State");
    expect(same).toEqual(body);
  });
});

describe("wordShape", () => {
  it("collapses character classes, for ASCII and other scripts alike", () => {
    expect(wordShape("Kabul")).toBe("Xx");
    expect(wordShape("U.S.")).toBe("X.X.");
    expect(wordShape("1996-08-22")).toBe("d-d-d");
    expect(wordShape("Ödemiş")).toBe("Xx");
  });
});
