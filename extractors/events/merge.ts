/**
 * One frame per real event per article: statements of the same event (a
 * headline and its paragraph, a profile's "First Attack:" line and its
 * attack-list item) merge into one frame with an evidence span each.
 * Frames merge when their type, polarity and key participants agree and
 * their dates are compatible (equal, or one contains the other).
 */
import type { AnySlots, EventType, Quantity, SlotValue } from "../../pipeline/schema.ts";
import { mostCertain } from "./certainty.ts";
import type { PlaceRelation } from "./context.ts";
import type { Draft } from "./frames.ts";

/** Names folded lately: merging compares the same few names again and again. Cleared when large, so it stays small. */
const folded = new Map<string, string>();
const FOLDED_MAX = 10_000;

/** Folded for comparison: case, punctuation and a leading "the" ignored. */
export function foldName(name: string): string {
  let out = folded.get(name);
  if (out === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    out = fold(name);
    folded.set(name, out);
  }
  return out;
}

function fold(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether two TIMEX3 values can name the same time: 2015-08 and 2015-08-06 can, 199X and 1996 can. */
export function datesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i] && a[i] !== "X" && b[i] !== "X") return false;
  return true;
}

const str = (v: SlotValue | undefined) => (typeof v === "string" ? v : undefined);
const list = (v: SlotValue | undefined) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);
const sameName = (a: SlotValue | undefined, b: SlotValue | undefined) =>
  str(a) !== undefined && str(b) !== undefined && foldName(str(a)!) === foldName(str(b)!);
/** -1: they differ; 0: one is missing; 1: equal. */
function agreement(a: SlotValue | undefined, b: SlotValue | undefined): -1 | 0 | 1 {
  if (a === undefined || b === undefined) return 0;
  return sameName(a, b) ? 1 : -1;
}
const sameQuantity = (a: SlotValue | undefined, b: SlotValue | undefined) => {
  const x = a as Quantity | undefined;
  const y = b as Quantity | undefined;
  return x !== undefined && y !== undefined && x.min === y.min && x.max === y.max;
};
const overlapping = (a: SlotValue | undefined, b: SlotValue | undefined) => {
  const x = new Set(list(a).map(foldName));
  return list(b).some((name) => x.has(foldName(name)));
};
const sameSet = (a: SlotValue | undefined, b: SlotValue | undefined) => {
  const x = new Set(list(a).map(foldName));
  const y = new Set(list(b).map(foldName));
  return x.size === y.size && [...x].every((name) => y.has(name));
};

/** The slot holding each type's date. */
export const DATE_SLOT: Record<EventType, string> = {
  ATTACK: "date", PLEDGE: "date", SPLIT: "date", ALLIANCE: "date", FOUNDING: "date",
  LEADERSHIP: "start", DEATH: "date", DESIGNATION: "date", STRENGTH: "date",
};

/** `score` with the agreement of key slots added, or undefined when one disagrees or a required one is missing. */
function withKeys(score: number, ...pairs: [-1 | 0 | 1, boolean][]): number | undefined {
  for (const [value, required] of pairs) {
    if (value === -1 || (required && value === 0)) return undefined;
    score += value;
  }
  return score;
}

/**
 * How well `b` fits as another statement of `a`: undefined when it cannot be
 * the same event, else a score (more agreeing slots, higher).
 */
export function fit(a: Draft, b: Draft, within: PlaceRelation = () => false): number | undefined {
  if (a.type !== b.type || (a.certainty === "negated") !== (b.certainty === "negated")) return undefined;
  const s = a.slots;
  const t = b.slots;
  const dateKey = DATE_SLOT[a.type];
  if (!datesCompatible(str(s[dateKey]), str(t[dateKey]))) return undefined;
  const bothDated = s[dateKey] !== undefined && t[dateKey] !== undefined;
  const score = bothDated ? 1 : 0;
  switch (a.type) {
    case "ATTACK": {
      const sameSentence = a.unit === b.unit;
      let place = agreement(s.location, t.location);
      // "Tajikistan" and "Danghara" (in Tajikistan) can be one attack's place, told at two scales.
      const nested = place === -1 && (within(str(s.location)!, str(t.location)!) || within(str(t.location)!, str(s.location)!));
      if (nested) place = 0;
      if (place === -1) return undefined;
      const samePlace = place === 1 || nested;
      if (s.perpetrators && t.perpetrators && !overlapping(s.perpetrators, t.perpetrators) && !sameSentence) return undefined;
      if (!sameSentence && !(bothDated && (samePlace || overlapping(s.perpetrators, t.perpetrators)))) return undefined;
      if (!sameSentence && str(s.date)!.length < 7 && str(t.date)!.length < 7 && !samePlace) return undefined;
      return score + place + (sameSentence ? 1 : 0);
    }
    case "PLEDGE": {
      const agent = agreement(s.agent, t.agent);
      const to = agreement(s.to, t.to);
      if (agent === -1 || to === -1 || agent + to < 1) return undefined;
      const strength = agreement(s.strength, t.strength);
      // "siding with" may restate an oath; an oath is no restatement of a support declared on a stated date.
      const support = s.strength === "support" ? s : t;
      if (strength === -1 && support.date !== undefined) return undefined;
      return score + agent + to + strength;
    }
    case "SPLIT": {
      const agent = agreement(s.agent, t.agent);
      const from = agreement(s.from, t.from);
      if (agent === -1 || from === -1 || agent + from < 1) return undefined;
      return score + agent + from;
    }
    case "ALLIANCE":
      return sameSet(s.parties, t.parties) ? score + 1 : undefined;
    case "FOUNDING":
      return withKeys(score, [agreement(s.org, t.org), true]);
    case "LEADERSHIP":
      return withKeys(score, [agreement(s.person, t.person), true], [agreement(s.org, t.org), false]);
    case "DEATH":
      return withKeys(score, [agreement(s.person, t.person), true]);
    case "DESIGNATION":
      return withKeys(score, [agreement(s.designator, t.designator), true], [agreement(s.org, t.org), false]);
    case "STRENGTH": {
      const agreeing = withKeys(score, [agreement(s.org, t.org), true]);
      return agreeing !== undefined && sameQuantity(s.members, t.members) ? agreeing : undefined;
    }
  }
}

/** Slots of two statements of one event: the more specific date, the union of lists but targets, else the first found. */
function unite(type: EventType, a: AnySlots, b: AnySlots, within: PlaceRelation): AnySlots {
  const out: AnySlots = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (value === undefined) continue;
    const current = out[key];
    if (current === undefined) out[key] = value;
    // Another statement's targets re-describe the same victims ("foreign cyclists", "bikers"): the first statement's stand.
    else if (key === "targets") continue;
    else if (Array.isArray(current) && Array.isArray(value)) {
      const seen = new Set(current.map(foldName));
      out[key] = [...current, ...value.filter((v) => !seen.has(foldName(v)))];
    } else if (key === "location" && typeof value === "string" && typeof current === "string" && within(value, current)) {
      out[key] = value;
    } else if (key === DATE_SLOT[type] || key === "end") {
      if (typeof value === "string" && typeof current === "string" && value.replace(/X/g, "").length > current.replace(/X/g, "").length)
        out[key] = value;
    }
  }
  return out;
}

function absorb(into: Draft, other: Draft, within: PlaceRelation): Draft {
  const evidence = [...into.evidence];
  for (const e of other.evidence) if (!evidence.some((x) => x.start === e.start && x.end === e.end)) evidence.push(e);
  evidence.sort((x, y) => x.start - y.start);
  return {
    ...into,
    certainty: mostCertain(into.certainty, other.certainty),
    evidence,
    slots: unite(into.type, into.slots, other.slots, within),
    soft: into.soft && other.soft ? true : undefined,
  };
}

/** Frames in the order they were first stated, and where each type's frames are: a draft is only compared with its own type's. */
interface Merged {
  frames: Draft[];
  byType: Map<EventType, number[]>;
}
const merged = (): Merged => ({ frames: [], byType: new Map() });

/** Adds a frame as it is, indexed by its type. */
function keep({ frames, byType }: Merged, frame: Draft): void {
  let indexes = byType.get(frame.type);
  if (!indexes) byType.set(frame.type, (indexes = []));
  indexes.push(frames.length);
  frames.push(frame);
}

function mergeInto({ frames, byType }: Merged, draft: Draft, within: PlaceRelation): void {
  let best = -1;
  let bestScore = -Infinity;
  for (const index of byType.get(draft.type) ?? []) {
    const score = fit(frames[index]!, draft, within);
    if (score !== undefined && score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  if (best >= 0) frames[best] = absorb(frames[best]!, draft, within);
  else keep({ frames, byType }, draft);
}


/**
 * Merge the drafts of one article. "Joined forces with" statements are
 * merged last, into a pledge between the same parties; those left over are
 * alliances.
 */
export function mergeDrafts(drafts: readonly Draft[], within: PlaceRelation = () => false): Draft[] {
  const ordered = [...drafts].sort((a, b) => a.at - b.at);
  const first = merged();
  for (const draft of ordered) if (!draft.soft) mergeInto(first, draft, within);
  for (const draft of ordered) if (draft.soft) mergeInto(first, draft, within);
  const out = merged();
  for (const frame of first.frames) {
    if (!frame.soft) {
      keep(out, frame);
      continue;
    }
    const parties = [frame.slots.agent, frame.slots.to].filter((p): p is string => typeof p === "string");
    if (parties.length < 2) continue;
    const alliance: Draft = { ...frame, type: "ALLIANCE", slots: { parties, ...(frame.slots.date ? { date: frame.slots.date } : {}) }, soft: undefined };
    mergeInto(out, alliance, within);
  }
  return out.frames.sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start);
}
