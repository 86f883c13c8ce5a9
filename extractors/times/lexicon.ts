/** Words of time: numbers, units, months, weekdays, seasons, and the regex sources built from them. */

const SMALL_NUMBERS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A count as words or digits: "two", "twenty four", "2-1/2", "1.5"; "a"/"an" is one; vague counts ("a few", "several") are X. */
export const NUMBER =
  "(?:\\d+(?:[.,]\\d+)?(?:[- ]\\d\\/\\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" +
  SMALL_NUMBERS.join("|") +
  "|hundred|a hundred|a few|few|several|a couple of|couple of|some|many|a half|half an?|an?)";

/** The number a NUMBER match stands for, or "X" for a vague count. */
export function numberValue(words: string): number | "X" {
  const w = words.toLowerCase().replace(/\s+/g, " ").trim();
  const fraction = /^(\d+)[- ](\d)\/(\d)$/.exec(w);
  if (fraction) return Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]);
  if (/^\d/.test(w)) return Number(w.replace(",", "."));
  if (w === "a" || w === "an") return 1;
  if (/^(?:a )?hundred$/.test(w)) return 100;
  if (/^(?:a half|half an?)$/.test(w)) return 0.5;
  if (/couple/.test(w)) return 2;
  const small = SMALL_NUMBERS.indexOf(w);
  if (small >= 0) return small;
  const [tens, ones] = w.split(/[- ]/);
  if (tens && TENS[tens] !== undefined) return TENS[tens]! + (ones ? SMALL_NUMBERS.indexOf(ones) : 0);
  return "X";
}

/** Calendar units and their TIMEX3 duration letters (time units go after the T; Q is a quarter, E a decade, C a century, as TimeML writes them). */
export const UNIT = "(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|centurie)";
export interface UnitInfo {
  letter: string;
  /** Multiplier of the letter: a weekend is 2 D, a fortnight 2 W. */
  times: number;
  time: boolean;
}
const UNITS: Record<string, UnitInfo> = {
  second: { letter: "S", times: 1, time: true },
  minute: { letter: "M", times: 1, time: true },
  hour: { letter: "H", times: 1, time: true },
  day: { letter: "D", times: 1, time: false },
  night: { letter: "D", times: 1, time: false },
  week: { letter: "W", times: 1, time: false },
  weekend: { letter: "D", times: 2, time: false },
  fortnight: { letter: "W", times: 2, time: false },
  month: { letter: "M", times: 1, time: false },
  quarter: { letter: "Q", times: 1, time: false },
  year: { letter: "Y", times: 1, time: false },
  decade: { letter: "E", times: 1, time: false },
  century: { letter: "C", times: 1, time: false },
  centurie: { letter: "C", times: 1, time: false },
};
/** The unit a word names, or null when it names none ("July"). */
export function unitInfoOrNull(word: string): UnitInfo | null {
  return UNITS[word.toLowerCase().replace(/s$/, "")] ?? null;
}
export function unitInfo(word: string): UnitInfo {
  const singular = word.toLowerCase().replace(/s$/, "");
  return UNITS[singular] ?? UNITS[singular === "centurie" ? "century" : singular]!;
}

/** A duration value: "P2M", "PT16M", "PT2.5M", "PXY". */
export function durationValue(count: number | "X", unit: UnitInfo): string {
  const amount = count === "X" ? "X" : String(Math.round(count * unit.times * 100) / 100);
  return unit.time ? `PT${amount}${unit.letter}` : `P${amount}${unit.letter}`;
}

export const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_PREFIXES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
export const monthNumber = (word: string) => MONTH_PREFIXES.indexOf(word.toLowerCase().slice(0, 3)) + 1;

export const WEEKDAY = "(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const weekdayNumber = (word: string) => WEEKDAYS.indexOf(word.toLowerCase());

export const PART_OF_DAY = "(?:morning|afternoon|evening|night)";
const PARTS: Record<string, string> = { morning: "MO", afternoon: "AF", evening: "EV", night: "NI" };
export const partOfDayCode = (word: string) => PARTS[word.toLowerCase()]!;

/** Seasons with their TIMEX3 codes and the month each starts in (winter counted from December). */
export const SEASON = "(?:spring|summer|fall|autumn|winter)";
const SEASONS: Record<string, { code: string; firstMonth: number }> = {
  spring: { code: "SP", firstMonth: 3 },
  summer: { code: "SU", firstMonth: 6 },
  fall: { code: "FA", firstMonth: 9 },
  autumn: { code: "FA", firstMonth: 9 },
  winter: { code: "WI", firstMonth: 12 },
};
export const season = (word: string) => SEASONS[word.toLowerCase()]!;

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
};

/** Words before a date that set its TIMEX3 mod: "early 2015", "the end of 1990", "mid-July". */
export const MOD_PREFIX =
  "(?:early|late|mid|middle|the\\s+(?:end|beginning|start|middle|turn)\\s+of|(?:end|beginning|start|middle)\\s+of)";
export function modOf(words: string): "START" | "MID" | "END" {
  const w = words.toLowerCase();
  if (/early|beginning|start|turn/.test(w)) return "START";
  if (/mid/.test(w)) return "MID";
  return "END";
}
