/** What each time-expression parser proposes inside one sentence, before overlapping proposals are resolved. */
import type { Time } from "../../pipeline/schema.ts";
import type { Anchor, Direction } from "./calendar.ts";

export interface Candidate {
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  type: Time["type"];
  value: string;
  mod?: NonNullable<Time["mod"]>;
  /** A month or day named without its year, which was resolved against the DCT. */
  yearless?: boolean;
  /** A clock time said without its day ("at 10 p.m."): the stage gives it the day the sentence or the text last named. */
  dayless?: boolean;
  /**
   * Set for expressions anchored to the previous date in the text ("the following month"): the stage fills in
   * `value` from that date, or keeps the value read against the DCT when it has one and the text gave no date.
   */
  anchored?: {
    /** "date": the previous date itself, at its own precision ("since then", "around this time"); "weekday": the nearest `weekday` before or after it. */
    unit: "day" | "week" | "month" | "year" | "date" | "weekday";
    shift: number;
    /** For unit "weekday": the day of the week, 0 = Sunday. */
    weekday?: number;
  };
}

/** What a parser knows about the sentence it reads. */
export interface SentenceContext {
  text: string;
  /** The DCT, or null when the document has none. */
  anchor: Anchor | null;
  /** Default direction for a year-less date or bare weekday at this offset: future where the words around it speak of the future. */
  directionAt(position: number): Direction;
}
