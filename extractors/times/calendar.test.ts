import { describe, expect, it } from "vitest";
import { parseAnchor, resolveWeekday, resolveYear, utcDate, weekValue } from "./calendar.ts";

describe("calendar", () => {
  it("gives ISO weeks (SPEC's 2015-W32 for the week of 6 August 2015), across year ends", () => {
    expect(weekValue(utcDate(2015, 8, 6))).toBe("2015-W32");
    expect(weekValue(utcDate(2016, 1, 1))).toBe("2015-W53");
    expect(weekValue(utcDate(2018, 12, 31))).toBe("2019-W01");
  });

  it("resolves a past-tense year-less date to the DCT's year or the one before", () => {
    const dct = parseAnchor("2015-08-22")!; // 000's dateline
    expect(resolveYear(dct, 8, 6, "past")).toBe(2015); // "On August 6th"
    expect(resolveYear(dct, 12, 11, "past")).toBe(2014);
    expect(resolveYear(dct, 9, 10, "past")).toBe(2015); // weeks ahead: an upcoming date
    expect(resolveYear(dct, 2, 1, "future")).toBe(2016);
  });

  it("places 'last'/'next <month>' before/after the DCT's month, 'this <month>' in its year", () => {
    const dct = parseAnchor("2016")!; // 003's inferred DCT
    expect(resolveYear(dct, 7, undefined, "past")).toBe(2016); // "mid-July"
    expect(resolveYear(dct, 12, 11, "last")).toBe(2015); // "last December 11"
    expect(resolveYear(parseAnchor("2015-08-22")!, 9, undefined, "this")).toBe(2015);
    expect(resolveYear(parseAnchor("2015-08-22")!, 4, undefined, "next")).toBe(2016);
    expect(resolveYear(parseAnchor("2015-08-22")!, 6, undefined, "last")).toBe(2015);
    expect(resolveYear(parseAnchor("2015-08-22")!, 8, undefined, "last")).toBe(2014);
  });

  it("takes 'last February' in March as the year before's ('last month' names the one just ended), 'next April' in March likewise", () => {
    const march = parseAnchor("1998-03-01")!;
    expect(resolveYear(march, 2, undefined, "last")).toBe(1997);
    expect(resolveYear(march, 1, undefined, "last")).toBe(1998);
    expect(resolveYear(march, 4, undefined, "next")).toBe(1999);
    expect(resolveYear(march, 5, undefined, "next")).toBe(1998);
    expect(resolveYear(parseAnchor("1998-01-10")!, 12, undefined, "last")).toBe(1997);
  });

  it("resolves weekdays to the latest on or before the DCT, or the next for future reference", () => {
    const dct = parseAnchor("2015-08-06")!; // a Thursday (002's metadata date)
    expect(resolveWeekday(dct, 0, "past")).toBe("2015-08-02"); // Sunday, as 002's "August 2"
    expect(resolveWeekday(dct, 4, "past")).toBe("2015-08-06");
    expect(resolveWeekday(dct, 4, "past", true)).toBe("2015-07-30");
    expect(resolveWeekday(dct, 1, "future")).toBe("2015-08-10");
  });
});
