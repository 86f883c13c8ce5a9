/**
 * Calendar arithmetic against the document creation time (DCT), all in UTC
 * so results never depend on the machine's time zone, and the TIMEX3 value
 * formats (2015-08-06, 2015-08, 2015-W32, 2015-Q3, 2015-SU).
 */

/** The DCT as far as it is known: a year, maybe a month, maybe a day. */
export interface Anchor {
  year: number;
  month?: number;
  day?: number;
}

/** Which way a year-less or relative expression points from the DCT. */
export type Direction = "past" | "future";

export function parseAnchor(published: string | null): Anchor | null {
  const match = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published) : null;
  if (!match) return null;
  return {
    year: Number(match[1]),
    ...(match[2] ? { month: Number(match[2]) } : {}),
    ...(match[3] ? { day: Number(match[3]) } : {}),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export const yearValue = (year: number) => pad(year, 4);
export const monthValue = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const dayValue = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
export const quarterOf = (month: number) => Math.floor((month - 1) / 3) + 1;

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export const dateValue = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO-8601 week value ("2015-W32") of a date. */
export function weekValue(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const january4 = utcDate(thursday.getUTCFullYear(), 1, 4);
  const week1Thursday = addDays(january4, 3 - ((january4.getUTCDay() + 6) % 7));
  const week = 1 + Math.round((thursday.getTime() - week1Thursday.getTime()) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

/** The DCT as a day, when it is known to the day. */
export function anchorDate(anchor: Anchor): Date | null {
  return anchor.month && anchor.day ? utcDate(anchor.year, anchor.month, anchor.day) : null;
}

/** How far ahead of the DCT a year-less date may fall and still be read as upcoming in a past-tense text ("by Jan. 14"). */
const NEAR_FUTURE_DAYS = 60;

/** How a year-less month is placed: by the tense around it, or by the word before it ("last May", "next April", "this September"). */
export type MonthRelation = Direction | "last" | "next" | "this";

/**
 * The year of a year-less month (and day): "last <month>" the latest such
 * month before the DCT's but for the month just before it, "next" the first
 * after it but for the month just after it, "this" the DCT's year.
 * Otherwise the latest such date on or before the DCT for past reference
 * (unless it falls within NEAR_FUTURE_DAYS after it), the earliest on or
 * after it for future reference. A DCT known only to the year stays, but
 * for "last" (the year before) and "next" (the year after).
 */
export function resolveYear(anchor: Anchor, month: number, day: number | undefined, relation: MonthRelation): number {
  if (relation === "this") return anchor.year;
  if (anchor.month === undefined) return anchor.year + (relation === "last" ? -1 : relation === "next" ? 1 : 0);
  const anchorDay = anchor.day ?? 15;
  const sameYearIsAhead = month * 100 + (day ?? 15) > anchor.month * 100 + anchorDay;
  // "last"/"next" never name the DCT's own month, nor the month just before or after it, which news calls "last month"
  // and "next month": "last February" in March is the February of the year before.
  const adjacent = (delta: number) => shiftMonth(anchor.year, anchor.month!, delta)[1] === month;
  if (relation === "last") return sameYearIsAhead || month === anchor.month || adjacent(-1) ? anchor.year - 1 : anchor.year;
  if (relation === "next") return sameYearIsAhead && month !== anchor.month && !adjacent(1) ? anchor.year : anchor.year + 1;
  const daysAhead = (((month - anchor.month + 12) % 12) * 30 + ((day ?? 15) - anchorDay) + 360) % 360;
  const future = relation === "future" || (daysAhead > 0 && daysAhead <= NEAR_FUTURE_DAYS);
  if (future) return sameYearIsAhead || (month === anchor.month && day === undefined) ? anchor.year : anchor.year + 1;
  return sameYearIsAhead && !(month === anchor.month && day === undefined) ? anchor.year - 1 : anchor.year;
}

/** The day a weekday (0 = Sunday) names: the latest on or before the DCT for past reference, else the next after it. */
export function resolveWeekday(anchor: Anchor, weekday: number, direction: Direction, strict = false): string | null {
  const dct = anchorDate(anchor);
  if (!dct) return null;
  const delta = weekday - dct.getUTCDay();
  if (direction === "past") {
    let back = (7 - delta) % 7;
    if (strict && back === 0) back = 7;
    return dateValue(addDays(dct, -back));
  }
  let ahead = (delta + 7) % 7;
  if (strict && ahead === 0) ahead = 7;
  return dateValue(addDays(dct, ahead));
}

/** Shifts a month by `months`, carrying into years. */
export function shiftMonth(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}
