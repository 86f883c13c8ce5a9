/** Normalization rules of the time stage, each on a sentence written for it and a DCT, values checked by hand against TimeML. */
import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { clean } from "../clean.ts";
import { documentDate } from "../dct.ts";
import { timeExpressions } from "../times.ts";
import { tokenize } from "../tokens.ts";

/** Every time expression in `text` published on `published`, as "text → TYPE value [mod]". */
function times(text: string, published: string): string[] {
  const doc = timeExpressions(tokenize(documentDate(clean(newDoc({ id: "t", text, published })))));
  return doc.times.map((t) => `${t.text} → ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ""}`);
}

describe("durations", () => {
  it("reads 'and a half' as half a unit more", () => {
    expect(times("The hearing lasted an hour and a half.", "2015-08-06")).toEqual(["an hour and a half → DURATION PT1.5H"]);
    expect(times("She spoke for two and a half minutes.", "2015-08-06")).toEqual(["two and a half minutes → DURATION PT2.5M"]);
  });
  it("tags the length in 'three days later' / 'a day earlier', but a year back in a report as a date", () => {
    expect(times("Three days later, the army retook the town.", "2015-08-06")).toEqual(["Three days → DURATION P3D"]);
    expect(times("A day earlier, trucks crossed the border.", "2015-08-06")).toEqual(["A day → DURATION P1D"]);
    expect(times("Sales rose 5% from a year earlier.", "2015-08-06")).toEqual(["a year earlier → DATE 2014"]);
    expect(times("The shelling began two hours ago.", "2015-08-06")).toEqual(["two hours → DURATION PT2H"]);
  });
  it("reads 'a week or so ago' as about that week", () => {
    expect(times("Then, a week or so ago, the general picked a date.", "1991-02-25")).toEqual(["a week or so ago → DATE 1991-W08 APPROX"]);
  });
  it("reads 'in five years' in a future clause as that point, in a past one as a length", () => {
    expect(times("The stock would be redeemed in five years.", "1989-11-02")).toEqual(["five years → DATE 1994"]);
    expect(times("It was his second letter in two weeks.", "2000-02-16")).toEqual(["two weeks → DURATION P2W"]);
    expect(times("Tax payments would be minimal in a quarter that produced a loss.", "1989-10-30")).toEqual(["a quarter → DURATION P1Q"]);
  });
  it("reads 'recent years' as an unknown length and 'coming months' as the future", () => {
    expect(times("Kidnappings have risen in recent years.", "2015-08-06")).toEqual(["recent years → DURATION PXY"]);
    expect(times("The economy should slow in coming months.", "2015-08-06")).toEqual(["coming months → DATE FUTURE_REF"]);
  });
  it("leaves 'a night club' and 'a day school' untagged", () => {
    expect(times("Two men opened fire at a night club near a day school.", "2022-06-01")).toEqual([]);
    expect(times("Just ahead of her one-day trip, the ministry issued a warning.", "1998-08-17")).toEqual(["one-day → DURATION P1D"]);
  });
  it("counts quarters in Q", () => {
    expect(times("The firm has lost money in the past two quarters.", "1999-10-20")).toEqual(["past two quarters → DURATION P2Q"]);
    expect(times("It pays interest every quarter.", "1999-10-20")).toEqual(["every quarter → SET P1Q"]);
  });
  it("leaves a period named by what filled it ('a year of attacks') untagged, unlike a length ('after a year of talks')", () => {
    expect(times("He was referring to a year of several deadly attacks in the capital.", "2016-08-01")).toEqual([]);
    expect(times("The deal came after a year of talks.", "2016-08-01")).toEqual(["a year → DURATION P1Y"]);
  });
});

describe("dates relative to the DCT", () => {
  it("reads 'in the past year' as the year before the DCT's, 'the past two years' as a length", () => {
    expect(times("Hate groups grew over the past year.", "1998-03-03")).toEqual(["past year → DATE 1997"]);
    expect(times("Hate groups grew over the past two years.", "1998-03-03")).toEqual(["past two years → DURATION P2Y"]);
  });
  it("joins a month to 'this year' / 'last year'", () => {
    expect(times("In January this year, the police reopened the case.", "2015-08-06")).toEqual(["January this year → DATE 2015-01"]);
    expect(times("The leader was arrested in June last year.", "2015-08-06")).toEqual(["June last year → DATE 2014-06"]);
  });
  it("reads a year-earlier quarter in a text that reports by quarter", () => {
    expect(times("Profit rose in the third quarter. In the year-earlier period, the bank lost $3 million.", "1999-10-20")).toEqual([
      "third quarter → DATE 1999-Q3",
      "year-earlier period → DATE 1998-Q3",
    ]);
    expect(times("The year-ago third quarter was weaker.", "1999-10-20")).toEqual(["year-ago third quarter → DATE 1998-Q3"]);
  });
  it("does not read 'Earlier' before a weekday as a past reference", () => {
    expect(times("Earlier Friday, the rebels shelled the town.", "2015-08-08")).toEqual(["Friday → DATE 2015-08-07"]);
  });
  it("reads a sentence-final 'earlier' as a past reference, but not 'Earlier,' that orders a sentence after the one before", () => {
    expect(times("The ministry said so earlier.", "2015-08-08")).toEqual(["earlier → DATE PAST_REF"]);
    expect(times("Earlier, the rebels had rejected the offer.", "2015-08-08")).toEqual([]);
  });
});

describe("tense and days", () => {
  it("takes the nearer of a future cue and a past-tense verb for a weekday", () => {
    // 7 January 2000 is a Friday.
    expect(times("Lawyers said they would appeal the ruling, announced Wednesday by the ministry.", "2000-01-07")).toEqual([
      "Wednesday → DATE 2000-01-05",
    ]);
    expect(times("The minister will fly to Nairobi on Wednesday.", "2000-01-07")).toEqual(["Wednesday → DATE 2000-01-12"]);
    expect(times("Officials postponed until Tuesday any decision on the camp.", "2000-01-07")).toEqual(["Tuesday → DATE 2000-01-11"]);
    // 5 January 2000 is a Wednesday: "be held" is a participle, not a past tense; "expects" speaks of what is to come
    expect(times("The vote will be held Friday.", "2000-01-05")).toEqual(["Friday → DATE 2000-01-07"]);
    expect(times("The vote was held Friday.", "2000-01-05")).toEqual(["Friday → DATE 1999-12-31"]);
    expect(times("The company expects to close the deal Friday.", "2000-01-05")).toEqual(["Friday → DATE 2000-01-07"]);
  });
  it("reads 'until Thursday' as past when a past perfect follows it in its clause", () => {
    // 7 May 1999 is a Friday.
    expect(times("Until Thursday, they had not called him a suspect.", "1999-05-07")).toEqual(["Thursday → DATE 1999-05-06"]);
    expect(times("Until Thursday, the office will stay closed.", "1999-05-07")).toEqual(["Thursday → DATE 1999-05-13"]);
  });
  it("reads 'the previous Friday' from the date the text last gave, else from the DCT, never that day itself", () => {
    // 27 October 1989 is a Friday, 4 October 1989 a Wednesday.
    expect(times("The index fell 4.5% from the previous Friday.", "1989-10-27")).toEqual(["previous Friday → DATE 1989-10-20"]);
    expect(times("Stocks slid on Oct. 27, 1989, down 4.5% from the previous Friday.", "1989-10-30")).toEqual([
      "Oct. 27, 1989 → DATE 1989-10-27",
      "previous Friday → DATE 1989-10-20",
    ]);
    expect(times("The talks began on Oct. 4, 1989. The following Monday, the union walked out.", "1989-10-30")).toEqual([
      "Oct. 4, 1989 → DATE 1989-10-04",
      "following Monday → DATE 1989-10-09",
    ]);
    // 30 October 1989 is a Monday: "following" as a preposition leaves the weekday to the DCT
    expect(times("Prices rose following Monday's vote.", "1989-10-31")).toEqual(["Monday → DATE 1989-10-30"]);
  });
  it("takes the tense of the verb after a weekday that opens its sentence, past a long subject", () => {
    // 26 October 1998 is a Monday.
    expect(times("On Tuesday, the National Association of Independent Television Producers plans to hold a news conference.", "1998-10-26")).toEqual([
      "Tuesday → DATE 1998-10-27",
    ]);
    expect(times("On Tuesday, the National Association of Independent Television Producers held a news conference.", "1998-10-26")).toEqual([
      "Tuesday → DATE 1998-10-20",
    ]);
  });
  it("takes the tense from earlier in the clause when no tense word stands near a date", () => {
    expect(times("The two leaders would meet again at the regional security conference in the capital on April 24.", "2015-02-10")).toEqual([
      "April 24 → DATE 2015-04-24",
    ]);
    expect(times("Colonel Ruth Adler will be named commander of the orbiting laboratory for a mission in December.", "2015-03-04")).toEqual([
      "December → DATE 2015-12",
    ]);
    // 7 January 2000 is a Friday
    expect(times("Protesters rallied in the square, and the group intends to drive around the international airport on Monday.", "2000-01-07")).toEqual([
      "Monday → DATE 2000-01-10",
    ]);
    // "where" opens a new clause: the summit's future is not the bombings'
    expect(times("The ministers hope the summit will bring fresh reconstruction aid to both of the countries, where the Aug. 7 bombings killed 257 people.", "1998-08-18")).toEqual([
      "Aug. 7 → DATE 1998-08-07",
    ]);
  });
  it("reads a possessive weekday ('Wednesday's ruling') as past even in a future clause", () => {
    // 7 January 2000 is a Friday.
    expect(times("Relatives said they would look for ways around Wednesday's ruling.", "2000-01-07")).toEqual(["Wednesday → DATE 2000-01-05"]);
  });
  it("points a date after 'by'/'effective' forward, unless a past perfect looks back", () => {
    expect(times("The company must repay the loan by February.", "1999-10-20")).toEqual(["February → DATE 2000-02"]);
    expect(times("The new chairman takes over effective Feb. 1.", "1999-10-20")).toEqual(["Feb. 1 → DATE 2000-02-01"]);
    expect(times("Most members had filed their reports by Wednesday.", "2015-08-06")).toEqual(["Wednesday → DATE 2015-08-05"]);
  });
  it("reads a plan seen from after it as past, and 'next to' as no tense", () => {
    // 30 October 1989 is a Monday.
    expect(times("The offer had been scheduled to expire Friday.", "1989-10-30")).toEqual(["Friday → DATE 1989-10-27"]);
    expect(times("A bomb exploded next to the embassy Friday morning.", "1998-08-08")).toEqual(["Friday morning → TIME 1998-08-07TMO"]);
  });
  it("reads a plan that qualifies a noun ('a vigil planned for Saturday') in the tense of its clause's verb", () => {
    // 24 October 1999 is a Sunday.
    expect(times("A candlelight vigil planned outside the courthouse for Saturday was called off.", "1999-10-24")).toEqual(["Saturday → DATE 1999-10-23"]);
    expect(times("A candlelight vigil planned outside the courthouse for Saturday will draw hundreds.", "1999-10-24")).toEqual(["Saturday → DATE 1999-10-30"]);
    expect(times("A candlelight vigil scheduled for Saturday.", "1999-10-24")).toEqual(["Saturday → DATE 1999-10-30"]);
    // 7 January 2000 is a Friday: here "planned" is the verb, and the next verb belongs to another phrase
    expect(times("Exiles planned a march downtown on Saturday and were hoping for a crowd.", "2000-01-07")).toEqual(["Saturday → DATE 2000-01-08"]);
  });
  it("reads 'ahead of the weekend' as the coming one, 'over the weekend' as the one past", () => {
    // 27 October 1989 is a Friday.
    expect(times("Traders squared positions ahead of the weekend.", "1989-10-27")).toEqual(["weekend → DATE 1989-W43-WE"]);
    expect(times("Evidence arrived over the weekend.", "1989-10-25")).toEqual(["weekend → DATE 1989-W42-WE"]);
  });
  it("gives a clock time the day its sentence names", () => {
    expect(times("The blast went off at 10:35 a.m. (0735 GMT) Friday near the embassy.", "1998-08-08")).toEqual([
      "10:35 a.m. → TIME 1998-08-07T10:35",
      "Friday → DATE 1998-08-07",
    ]);
  });
});

describe("anaphora", () => {
  it("reads the second day in 'on April 24 and 25' as a day of the month just named, not a count", () => {
    expect(times("The summit will be held on April 24 and 25.", "1999-02-10")).toEqual(["April 24 → DATE 1999-04-24", "25 → DATE 1999-04-25"]);
    expect(times("Polls closed on June 4 and 25 people were hurt.", "1999-06-10")).toEqual(["June 4 → DATE 1999-06-04"]);
  });
  it("resolves 'that year', 'later that year' and 'since then' to the date the text gave before", () => {
    expect(times("The group was founded in 1998. Later that year it moved to Kabul.", "2015-08-06")).toEqual([
      "1998 → DATE 1998",
      "Later that year → DATE 1998",
    ]);
    expect(times("He was last seen on December 11, 2015. Since then, nothing has been heard of him.", "2016-08-01")).toEqual([
      "December 11, 2015 → DATE 2015-12-11",
      "then → DATE 2015-12-11",
    ]);
  });
  it("reads 'the next day' from the date the text last gave", () => {
    expect(times("The bomb went off on Aug. 7, 1998. The next day, the FBI arrived.", "1998-08-20")).toEqual([
      "Aug. 7, 1998 → DATE 1998-08-07",
      "The next day → DATE 1998-08-08",
    ]);
  });
  it("reads 'that same day' after a month as a day of that month, and drops it with no date before", () => {
    expect(times("The doctor was shot in October 1998. His name was crossed out that same day.", "1999-02-06")).toEqual([
      "October 1998 → DATE 1998-10",
      "that same day → DATE 1998-10-XX",
    ]);
    expect(times("His name was crossed out that same day.", "1999-02-06")).toEqual([]);
  });
  it("does not let a date that qualifies a noun ('the August 1988 cease-fire') set the year of the month for the dates after it", () => {
    expect(times("Iraq accepted the treaty after the August 1988 cease-fire. Iran condemned the invasion of Kuwait on Aug. 2.", "1990-08-15")).toEqual([
      "August 1988 → DATE 1988-08",
      "Aug. 2 → DATE 1990-08-02",
    ]);
    expect(times("In August 1988, the war ended. On Aug. 20, the prisoners went home.", "1990-12-01")).toEqual([
      "August 1988 → DATE 1988-08",
      "Aug. 20 → DATE 1988-08-20",
    ]);
  });
  it("reads 'Around this time' as about the previous date", () => {
    expect(times("The group moved to Pakistan in late 2001. Around this time, it forged new alliances.", "2016-08-01")).toEqual([
      "late 2001 → DATE 2001 END",
      "Around this time → DATE 2001 APPROX",
    ]);
  });
  it("reads a report's year as the DCT's, 'the year ended …' as a year's length, 'year-end' as its end", () => {
    expect(times("The company forecast higher sales for the full year.", "1999-10-20")).toEqual(["full year → DATE 1999"]);
    expect(times("Revenue for the year ended June 30 rose 8%.", "1999-10-20")).toEqual(["year → DURATION P1Y", "June 30 → DATE 1999-06-30"]);
    expect(times("The sale should close by year-end.", "1999-10-20")).toEqual(["year-end → DATE 1999 END"]);
  });
});

describe("years, spelled years and sets", () => {
  it("reads a year after a copula or a quote, and 'mid-1996'", () => {
    expect(times('"Today isn\'t 1999," the analyst said.', "2016-08-01")).toEqual(["Today → DATE 2016-08-01", "1999 → DATE 1999"]);
    expect(times("The group split in mid-1996.", "2016-08-01")).toEqual(["mid-1996 → DATE 1996 MID"]);
    expect(times("He noted that the trend in 1989 is the same as before.", "1989-10-26")).toEqual(["1989 → DATE 1989"]);
    expect(times("The army sent 2000 soldiers.", "1989-10-26")).toEqual([]);
    expect(times("Around 2000 people protested in the square.", "2022-02-26")).toEqual([]);
    expect(times("Families split by post-1959 politics met again.", "2016-08-01")).toEqual(["post-1959 → DATE 1959 AFTER"]);
  });
  it("reads a year between a possessive and its noun ('his unsuccessful 1996 campaign'), but not a count there", () => {
    expect(times("He lost his unsuccessful 1996 campaign for re-election.", "1998-02-13")).toEqual(["1996 → DATE 1996"]);
    expect(times("The group's remaining 1900 fighters left.", "1998-02-13")).toEqual([]);
  });
  it("reads spelled-out decades as the latest such decade begun by the DCT", () => {
    expect(times("Hate group numbers dropped through the nineties.", "1998-03-03")).toEqual(["nineties → DATE 199X"]);
    expect(times("The house was built in the twenties.", "2015-08-06")).toEqual(["twenties → DATE 192X"]);
    expect(times("Prices rose in the early twenties.", "2025-03-01")).toEqual(["early twenties → DATE 202X START"]);
  });
  it("reads spelled-out years with a month, a season or 'the year'", () => {
    expect(times("January nineteen ninety-seven. Atlanta again.", "1998-02-27")).toEqual(["January nineteen ninety-seven → DATE 1997-01"]);
    expect(times("Prices fell to the level of the winter of nineteen ninety-four.", "1998-02-27")).toEqual([
      "winter of nineteen ninety-four → DATE 1994-WI",
    ]);
    expect(times("He promised to halve unemployment by the year two thousand.", "1998-02-05")).toEqual(["two thousand → DATE 2000"]);
  });
  it("reads 'the week of March 6' as that day's week", () => {
    expect(times("A hearing may come the week of March 6, his lawyer said.", "2000-02-24")).toEqual(["week of March 6 → DATE 2000-W10"]);
  });
  it("reads 'twice a week' as a set, but not the unit of a rate ('$500 million a year', '8% annually', '700 seats a week')", () => {
    expect(times("The ferry sails twice a week.", "1999-10-20")).toEqual(["twice a week → SET P1W"]);
    expect(times("The board meets four times a year.", "1999-10-20")).toEqual(["a year → SET P1Y"]);
    expect(times("The cuts should save $500 million a year.", "1999-10-20")).toEqual([]);
    expect(times("Sales should grow 8% a year.", "1999-10-20")).toEqual([]);
    expect(times("Revenue should increase by 20% annually.", "1999-10-20")).toEqual([]);
    expect(times("The route will add nearly 700 seats a week.", "1999-10-20")).toEqual([]);
    expect(times("The firm has doubled its profits annually since 1980.", "1999-10-20")).toEqual(["annually → SET P1Y", "1980 → DATE 1980"]);
  });
  it("reads 'will one day' as the future, 'lasted one day' as a length", () => {
    expect(times("Islam will one day be the second largest religion in the country.", "1998-03-03")).toEqual(["one day → DATE FUTURE_REF"]);
    expect(times("She said she might some day fly.", "1998-03-03")).toEqual(["some day → DATE FUTURE_REF"]);
    expect(times("The strike lasted one day.", "1998-03-03")).toEqual(["one day → DURATION P1D"]);
  });
  it("reads a plural weekday or weekday part ('Mondays', 'Tuesday nights') as every such day", () => {
    expect(times("The market is closed on Mondays.", "1998-02-13")).toEqual(["Mondays → SET XXXX-WXX-1"]);
    expect(times("A new flight will leave Bombay on Tuesday nights.", "1998-02-13")).toEqual(["Tuesday nights → SET XXXX-WXX-2TNI"]);
  });
  it("reads 'each July' and an adjectival 'daily' as sets", () => {
    expect(times("Marchers parade through the town each July.", "1998-03-22")).toEqual(["each July → SET XXXX-07"]);
    expect(times("We review the leads on a daily basis.", "1998-11-21")).toEqual(["daily → SET P1D"]);
  });
  it("does not take a forecast quarter as the one a report is about", () => {
    expect(times("Profit fell in the third quarter. Demand should rebound by the third quarter of 1990. In the year-ago period, it earned more.", "1989-10-26")).toEqual([
      "third quarter → DATE 1989-Q3",
      "third quarter of 1990 → DATE 1990-Q3",
      "year-ago period → DATE 1988-Q3",
    ]);
    expect(times("Profit fell in the third quarter. Analysts expect the slump to continue into the fourth quarter. In the year-ago period, it earned more.", "1989-10-26")).toEqual([
      "third quarter → DATE 1989-Q3",
      "fourth quarter → DATE 1989-Q4",
      "year-ago period → DATE 1988-Q3",
    ]);
  });
  it("keeps the latest quarter a report names as the one it is about, unless it names 'the latest quarter'", () => {
    expect(times("Net rose in the third quarter. After a weak second quarter, sales recovered. In the year-ago period, it earned less.", "1989-10-26")).toEqual([
      "third quarter → DATE 1989-Q3",
      "second quarter → DATE 1989-Q2",
      "year-ago period → DATE 1988-Q3",
    ]);
    expect(times("The insurer gave no estimate of the storm's cost to fourth-quarter results. In the latest quarter, it earned $33 million last year.", "1989-10-30")).toEqual([
      "fourth-quarter → DATE 1989-Q4",
      "latest quarter → DATE 1989-Q3",
      "last year → DATE 1988-Q3",
    ]);
  });
  it("reads 'the quarter ended July 31' as the calendar quarter holding most of its three months", () => {
    expect(times("In the quarter ended July 31, Jayark had sales of $5 million.", "1989-10-30")).toEqual([
      "quarter → DATE 1989-Q2",
      "July 31 → DATE 1989-07-31",
    ]);
    expect(times("Sales rose in the quarter ended Jan. 31, 1990.", "1990-03-01")).toEqual([
      "quarter → DATE 1989-Q4",
      "Jan. 31, 1990 → DATE 1990-01-31",
    ]);
  });
  it("reads a report's 'this quarter' as the quarter it reports, unless it speaks of the future", () => {
    expect(times("Net fell in the third quarter. This quarter's loss includes charges of $4.9 million.", "1989-10-30")).toEqual([
      "third quarter → DATE 1989-Q3",
      "This quarter → DATE 1989-Q3",
    ]);
    expect(times("Net fell in the third quarter. This quarter will be weaker.", "1989-10-30")).toEqual([
      "third quarter → DATE 1989-Q3",
      "This quarter → DATE 1989-Q4",
    ]);
  });
  it("reads a report's 'latest period' as the quarter it reports", () => {
    expect(times("Profit rose in the third quarter. Sales in the latest period were $1.7 billion.", "1999-11-02")).toEqual([
      "third quarter → DATE 1999-Q3",
      "latest period → DATE 1999-Q3",
    ]);
  });
});

describe("quarters and halves", () => {
  it("joins a quarter to its year and reads halves", () => {
    expect(times("Earnings were the highest since the third quarter of 1984.", "1989-10-30")).toEqual(["third quarter of 1984 → DATE 1984-Q3"]);
    expect(times("Demand should recover in the first half of 1990.", "1989-10-30")).toEqual(["first half of 1990 → DATE 1990-H1"]);
  });
  it("takes the quarter just ended for an ordinal quarter, whatever the tense", () => {
    expect(times("The firm plans job cuts after a third-quarter loss.", "1989-10-30")).toEqual(["third-quarter → DATE 1989-Q3"]);
  });
  it("reads 'the corresponding period last year' in a quarterly report as the year-back quarter", () => {
    expect(times("Net fell in the third quarter from $5 million in the corresponding period last year.", "1989-11-01")).toEqual([
      "third quarter → DATE 1989-Q3",
      "corresponding period last year → DATE 1988-Q3",
    ]);
  });
  it("reads an amount 'last year' in a quarterly report as the year-back quarter, 'last year' elsewhere as the year", () => {
    expect(times("Net rose in the third quarter to $24 million, compared with a loss of $3 million last year.", "1989-11-01")).toEqual([
      "third quarter → DATE 1989-Q3",
      "last year → DATE 1988-Q3",
    ]);
    expect(times("Sales rose in the third quarter to $1.76 billion from last year's $1.55 billion.", "1989-11-01")).toEqual([
      "third quarter → DATE 1989-Q3",
      "last year → DATE 1988-Q3",
    ]);
    expect(times("Profit rose in the third quarter. The plant was closed last year.", "1989-11-01")).toEqual([
      "third quarter → DATE 1989-Q3",
      "last year → DATE 1988",
    ]);
  });
  it("reads 'the year-earlier nine months' as the nine months' length", () => {
    expect(times("Net for the year-earlier nine months included a gain.", "1989-11-01")).toEqual(["nine months → DURATION P9M"]);
  });
  it("reads 'this year's third quarter' as one expression, that quarter of the year named", () => {
    expect(times("Net sales for this year's third quarter fell.", "1989-10-30")).toEqual(["this year's third quarter → DATE 1989-Q3"]);
    expect(times("The split could take effect in next year's first quarter.", "1989-10-30")).toEqual(["next year's first quarter → DATE 1990-Q1"]);
    expect(times("Sales beat last year's fourth quarter.", "1989-10-30")).toEqual(["last year's fourth quarter → DATE 1988-Q4"]);
  });
  it("reads 'the 1988 period' in a quarterly report as that year's quarter under report", () => {
    expect(times("Profit fell in the third quarter. In the 1988 period, it earned $20 million.", "1989-10-30")).toEqual([
      "third quarter → DATE 1989-Q3",
      "1988 period → DATE 1988-Q3",
    ]);
  });
});

describe("vague references and parts of days", () => {
  it("reads 'the near term', 'a later date' as the future and 'these days' as the present", () => {
    expect(times("We do not minimize the challenges of the near term.", "1989-10-30")).toEqual(["near term → DATE FUTURE_REF"]);
    expect(times("The bank may sell shares at a later date.", "1989-10-30")).toEqual(["a later date → DATE FUTURE_REF"]);
    expect(times("Sell programs hurt traders more these days.", "1989-10-30")).toEqual(["these days → DATE PRESENT_REF"]);
  });
  it("reads 'over the years', 'the years that followed' and 'the weeks ahead' as lengths of unknown size", () => {
    expect(times("Over the years, the clinic grew.", "1999-10-20")).toEqual(["years → DURATION PXY"]);
    expect(times("In the years that followed, the rebels waged war.", "1999-10-20")).toEqual(["years → DURATION PXY"]);
    expect(times("Funds may sell bonds in the weeks ahead.", "1999-10-20")).toEqual(["weeks ahead → DURATION PXW"]);
    expect(times("Over the years of the war, the town emptied.", "1999-10-20")).toEqual([]);
  });
  it("leaves a capitalized 'Today' after a name ('USA Today') untagged", () => {
    expect(times("The poll was published by USA Today on Friday.", "1999-10-20")).toEqual(["Friday → DATE 1999-10-15"]);
    expect(times("Today, the ministry said the talks failed.", "1999-10-20")).toEqual(["Today → DATE 1999-10-20"]);
  });
  it("reads 'the then-current price' as a past reference", () => {
    expect(times("Holders could buy shares at half the then current market price.", "1989-10-26")).toEqual(["then current → DATE PAST_REF"]);
  });
  it("puts 'in the morning' on the day the text last named", () => {
    // 30 October 1989 is a Monday.
    expect(times("Shares were dashed Friday. Dealers placed buy orders in the morning.", "1989-10-30")).toEqual([
      "Friday → DATE 1989-10-27",
      "morning → TIME 1989-10-27TMO",
    ]);
    expect(times("Talks resumed in the morning of the second day.", "1989-10-30")).toEqual([]);
  });
  it("puts 'midday' and 'mid-afternoon' on the day the sentence names", () => {
    expect(times("Shares were up 2 pence at mid-afternoon yesterday.", "1989-11-02")).toEqual(["mid-afternoon yesterday → TIME 1989-11-01TAF MID"]);
    expect(times("He will appear before a judge at midday, a statement said today.", "1999-10-08")).toEqual([
      "midday → TIME 1999-10-08T12:00",
      "today → DATE 1999-10-08",
    ]);
  });
  it("leaves a compound adjective ('the year-to-year change', 'the quarter-over-quarter gain') untagged", () => {
    expect(times("The year-to-year change was small.", "1989-10-30")).toEqual([]);
    expect(times("The quarter-to-quarter comparison was helped by charges, and the year-over-year gain was small.", "1989-10-30")).toEqual([]);
  });
  it("leaves awards ('Person of the Year', 'employee of the month') untagged", () => {
    expect(times("Time named him Person of the Year, and she was employee of the month.", "2015-08-06")).toEqual([]);
  });
  it("reads 'the month' as the DCT's and 'in years' as an unknown length", () => {
    expect(times("The goal is 40,000 troops by the end of the month.", "1990-08-16")).toEqual(["end of the month → DATE 1990-08 END"]);
    expect(times("Sales grew for the first time in years.", "1989-10-30")).toEqual(["years → DURATION PXY"]);
  });
});

describe("chrono's merges undone", () => {
  it("keeps the date of 'the night of Oct. 23' and of 'Jan. 1, 1990 at 1,015 francs'", () => {
    expect(times("He was shot on the night of Oct. 23 in his kitchen.", "1998-11-21")).toEqual(["Oct. 23 → DATE 1998-10-23"]);
    expect(times("It may buy the stake after Jan. 1, 1990 at 1,015 francs a share.", "1989-10-30")).toEqual(["Jan. 1, 1990 → DATE 1990-01-01"]);
  });
  it("reads 'the end of November' as November with mod END, not its last day", () => {
    expect(times("The offer is scheduled to expire at the end of November.", "1989-10-30")).toEqual(["end of November → DATE 1989-11 END"]);
  });
  it("does not read a bare month abbreviation in a place name as a month", () => {
    expect(times("A group of farmers blocked a road in Mar de Cobo.", "2022-01-18")).toEqual([]);
  });
  it("leaves the idiom 'high noon' untagged, unlike 'at noon'", () => {
    expect(times("For the people of Poland, high noon comes today.", "1999-03-12")).toEqual(["today → DATE 1999-03-12"]);
    expect(times("The ceremony began at noon.", "1999-03-12")).toEqual(["noon → TIME 1999-03-12T12:00"]);
  });
  it("writes midnight as the end of its day", () => {
    // 30 October 1989 is a Monday.
    expect(times("The offer had been scheduled to expire at midnight Friday.", "1989-10-30")).toEqual(["midnight Friday → TIME 1989-10-27T24:00"]);
    expect(times("The curfew starts at midnight.", "2022-01-05")).toEqual(["midnight → TIME 2022-01-05T24:00"]);
  });
  it("leaves the closing parenthesis out of a bracketed time", () => {
    expect(times("He will leave at dawn (4 a.m. EDT Thursday), Castro said.", "2000-04-05")).toEqual(["4 a.m. EDT Thursday → TIME 2000-04-06T04:00"]);
  });
  it("needs a capital for 'this march' to be a month", () => {
    expect(times("He was arrested at this march in each of the last three years.", "1999-05-06")).toEqual(["last three years → DURATION P3Y"]);
  });
  it("reads 'the March accession' as the month, but not 'the March of Dimes'", () => {
    expect(times("The March accession will enable the three countries to join.", "1999-02-10")).toEqual(["March → DATE 1999-03"]);
    expect(times("She gave money to the March of Dimes.", "1999-02-10")).toEqual([]);
  });
});

describe("titles and counted units", () => {
  it("leaves programme names ('60 Minutes', 'This Week') untagged", () => {
    expect(times("He said on CBS's \"60 Minutes\" that the boy was abused.", "2000-04-17")).toEqual([]);
    expect(times("Baker, speaking on ABC's \"This Week\", backed the request.", "1990-08-13")).toEqual([]);
  });
  it("counts 'several quarters of losses' and 'eight trading days', not 'three quarters of the vote'", () => {
    expect(times("It turned a profit after several quarters of losses.", "1989-10-30")).toEqual(["several quarters → DURATION PXQ"]);
    expect(times("Eight trading days after the crash, the index lagged.", "1989-10-30")).toEqual(["Eight trading days → DURATION P8D"]);
    expect(times("He won three quarters of the vote.", "1989-10-30")).toEqual([]);
  });
});
