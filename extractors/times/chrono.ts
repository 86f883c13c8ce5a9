/** chrono-node's parse of one sentence, as TIMEX3 candidates. */
import * as chrono from "chrono-node";
import type { Candidate, SentenceContext } from "./candidate.ts";
import { dayValue, monthValue, yearValue, type Anchor } from "./calendar.ts";

const parser = chrono.casual.clone();

function referenceDate(anchor: Anchor | null): Date {
  return anchor ? new Date(Date.UTC(anchor.year, (anchor.month ?? 7) - 1, anchor.day ?? 1, 12)) : new Date();
}

export function chronoCandidates(context: SentenceContext): Candidate[] {
  const results = parser.parse(context.text, { instant: referenceDate(context.anchor), timezone: 0 }, { forwardDate: false });
  return results.map((result) => {
    const c = result.start;
    const year = c.get("year")!;
    const month = c.get("month")!;
    const day = c.get("day")!;
    const start = result.index;
    const end = start + result.text.length;
    if (c.isCertain("hour")) {
      const hh = String(c.get("hour")).padStart(2, "0");
      const mm = String(c.get("minute") ?? 0).padStart(2, "0");
      return { start, end, type: "TIME", value: `${dayValue(year, month, day)}T${hh}:${mm}` };
    }
    if (c.isCertain("day") || c.isCertain("weekday")) return { start, end, type: "DATE", value: dayValue(year, month, day) };
    if (c.isCertain("month")) return { start, end, type: "DATE", value: monthValue(year, month) };
    return { start, end, type: "DATE", value: yearValue(year) };
  });
}
