import { describe, expect, it } from "vitest";
import { certaintyOf, ownSpeechCertainty } from "./certainty.ts";

/** The certainty of `sentence` about the trigger word `trigger` in it. */
const about = (sentence: string, trigger: string) => certaintyOf(sentence, sentence.indexOf(trigger));

describe("certainty", () => {
  it("reads negation governing the trigger, contractions included", () => {
    expect(about("Ghazi stopped short of pledging bay’a [the oath of allegiance] to ISIS.", "pledging")).toBe("negated");
    expect(about("The group has not pledged allegiance to the Islamic State.", "pledged")).toBe("negated");
    expect(about("The group hasn't pledged allegiance to the Islamic State.", "pledged")).toBe("negated");
  });

  it("does not take 'not only' for a negation", () => {
    const sentence =
      "The Islamic Movement of Uzbekistan (IMU) is not only allied to the Islamic State (IS) group, it now considers itself part of it.";
    expect(about(sentence, "allied")).toBe("asserted");
  });

  it("tells hedged from attributed statements", () => {
    expect(
      about("The Uzbek government blamed the IMU for the attack, but this allegation has not been independently verified.", "attack"),
    ).toBe("alleged");
    expect(about("According to The Wall Street Journal, in the video the IMU leader pledges allegiance to ISIS.", "pledges")).toBe(
      "reported",
    );
    expect(about("In 2012, Usman Ghazi became the fourth emir in the IMU's short history.", "emir")).toBe("asserted");
  });

  it("does not count the speaker's own speech act as attribution", () => {
    const own = "The Northern Front announced its break with the Taliban.";
    expect(ownSpeechCertainty(own, [own.indexOf(" announced")])).toBe("asserted");
    const quoted = "According to officials, the Northern Front has said it is siding with the Taliban.";
    expect(ownSpeechCertainty(quoted, [quoted.indexOf(" has said")])).toBe("reported");
    const other = "Officials said the Northern Front had pledged allegiance to the Taliban.";
    expect(ownSpeechCertainty(other, [other.indexOf(" had pledged")])).toBe("reported");
  });
});
