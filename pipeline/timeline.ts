/**
 * A timeline across articles: frames from many documents that describe one
 * real event (same type, same key participants, compatible dates) become one
 * entry listing every source article with its evidence, and the slots on
 * which the sources disagree ("the IMU's pledge to IS: 2015-07-31 in one
 * seed, 2015-08-06 in another, 2015-08 in a third").
 *
 * Dates are compatible when equal, when one contains the other (2015-08 and
 * 2015-08-06), or, between articles, when two day dates lie within
 * DAY_TOLERANCE days (sources date one event by when a video was posted,
 * viewed or reported).
 */
import { datesCompatible, DATE_SLOT, foldName } from "../extractors/events/merge.ts";
import { KEY_PARTICIPANTS, type AnySlots, type Certainty, type DocumentRecord, type EventFrame, type EventType, type SlotValue, type Span } from "./schema.ts";

export const DAY_TOLERANCE = 10;

export interface Mention {
  doc: string;
  published: string | null;
  certainty: Certainty;
  evidence: Span[];
  slots: AnySlots;
}

export interface TimelineEntry {
  type: EventType;
  /** The most specific date the sources agree on, or the earliest when they do not. */
  date?: string;
  key: Record<string, SlotValue>;
  sources: Mention[];
  /** Slots whose values differ between sources: value → the documents stating it. */
  disagreements: Record<string, Array<{ value: SlotValue; docs: string[] }>>;
}

const fold = (value: SlotValue): string =>
  typeof value === "string" ? foldName(value) : Array.isArray(value) ? [...value.map(foldName)].sort().join("|") : JSON.stringify(value);

function keyOf(type: EventType, slots: AnySlots): string | undefined {
  const parts: string[] = [];
  for (const role of KEY_PARTICIPANTS[type] as readonly string[]) {
    const value = slots[role];
    if (value === undefined) return undefined;
    parts.push(fold(value));
  }
  return `${type}:${parts.join("/")}`;
}

const dayNumber = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function datesClose(a: string | undefined, b: string | undefined): boolean {
  if (datesCompatible(a, b)) return true;
  return !!a && !!b && isDay(a) && isDay(b) && Math.abs(dayNumber(a) - dayNumber(b)) <= DAY_TOLERANCE;
}

const dateOf = (type: EventType, slots: AnySlots) => {
  const value = slots[DATE_SLOT[type]];
  return typeof value === "string" && /^\d/.test(value) ? value : undefined;
};

/** ATTACKs are also the same when their perpetrators overlap and their dates are both given and compatible. */
function sameAttack(a: Mention, b: Mention): boolean {
  const da = dateOf("ATTACK", a.slots);
  const db = dateOf("ATTACK", b.slots);
  if (!da || !db || !datesClose(da, db)) return false;
  const pa = new Set((Array.isArray(a.slots.perpetrators) ? a.slots.perpetrators : []).map(foldName));
  const pb = Array.isArray(b.slots.perpetrators) ? b.slots.perpetrators : [];
  const sameLocation = a.slots.location !== undefined && b.slots.location !== undefined && fold(a.slots.location) === fold(b.slots.location);
  return sameLocation || pb.some((p) => pa.has(foldName(p)));
}

interface Cluster {
  type: EventType;
  key?: string;
  members: Mention[];
}

function fits(cluster: Cluster, type: EventType, key: string | undefined, mention: Mention): boolean {
  if (cluster.type !== type) return false;
  const date = dateOf(type, mention.slots);
  if (type === "ATTACK") return cluster.members.some((m) => sameAttack(m, mention));
  if (key === undefined || cluster.key !== key) return false;
  const dated = cluster.members.map((m) => dateOf(type, m.slots)).filter((d): d is string => d !== undefined);
  if (!date || !dated.length) return true;
  return dated.some((d) => datesClose(d, date));
}

function mostSpecific(values: string[]): string | undefined {
  const sorted = [...values].sort((a, b) => b.replace(/X/g, "").length - a.replace(/X/g, "").length || a.localeCompare(b));
  const best = sorted[0];
  if (!best) return undefined;
  // When the sources' dates disagree, the entry sits at the earliest.
  return values.every((v) => datesCompatible(v, best)) ? best : [...values].sort()[0];
}

function disagreements(members: Mention[]): TimelineEntry["disagreements"] {
  const out: TimelineEntry["disagreements"] = {};
  const roles = new Set(members.flatMap((m) => Object.keys(m.slots)));
  for (const role of roles) {
    const byValue = new Map<string, { value: SlotValue; docs: string[] }>();
    for (const member of members) {
      const value = member.slots[role];
      if (value === undefined) continue;
      const entry = byValue.get(fold(value)) ?? { value, docs: [] };
      if (!entry.docs.includes(member.doc)) entry.docs.push(member.doc);
      byValue.set(fold(value), entry);
    }
    if (byValue.size > 1) out[role] = [...byValue.values()];
  }
  return out;
}

/** Merge the frames of many records into entries, in chronological order (undated last). */
export function buildTimeline(records: readonly DocumentRecord[]): TimelineEntry[] {
  const mentions: Array<{ type: EventType; key?: string; mention: Mention }> = [];
  for (const record of records)
    for (const frame of record.events as EventFrame[]) {
      const slots = frame.slots as AnySlots;
      mentions.push({
        type: frame.type,
        key: keyOf(frame.type, slots),
        mention: { doc: record.id, published: record.published, certainty: frame.certainty, evidence: frame.evidence, slots },
      });
    }
  // Dated, precise statements first, so vaguer ones join the event they fit.
  const precision = (m: (typeof mentions)[number]) => dateOf(m.type, m.mention.slots)?.length ?? 0;
  mentions.sort((a, b) => precision(b) - precision(a));
  const clusters: Cluster[] = [];
  for (const { type, key, mention } of mentions) {
    const cluster = clusters.find((c) => fits(c, type, key, mention));
    if (cluster) cluster.members.push(mention);
    else clusters.push({ type, key, members: [mention] });
  }
  const entries = clusters.map((cluster): TimelineEntry => {
    const dates = cluster.members.map((m) => dateOf(cluster.type, m.slots)).filter((d): d is string => d !== undefined);
    const first = cluster.members[0]!.slots;
    const roles = KEY_PARTICIPANTS[cluster.type] as readonly string[];
    const key = Object.fromEntries(roles.filter((r) => first[r] !== undefined).map((r) => [r, first[r]!]));
    const sources = [...cluster.members].sort((a, b) => a.doc.localeCompare(b.doc) || a.evidence[0]!.start - b.evidence[0]!.start);
    return { type: cluster.type, date: mostSpecific(dates), key, sources, disagreements: disagreements(sources) };
  });
  const order = (entry: TimelineEntry) => entry.date ?? "\uffff";
  return entries.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a.type.localeCompare(b.type)));
}

const show = (value: SlotValue) =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.join(", ")
      : value.min === value.max
        ? `${value.approx ? "~" : ""}${value.min}`
        : `${value.min ?? ""}${value.max === undefined ? "+" : `–${value.max}`}`;

/** One line per slot a frame carries: "agent=IMU to=Islamic State strength=allegiance". */
export function describe(slots: AnySlots, skip: readonly string[] = []): string {
  return Object.entries(slots)
    .filter(([role, value]) => value !== undefined && !skip.includes(role))
    .map(([role, value]) => `${role}=${show(value!)}`)
    .join("  ");
}

/** The readable chronological table. */
export function formatTable(entries: readonly TimelineEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const docs = [...new Set(entry.sources.map((s) => s.doc))];
    const merged: AnySlots = {};
    for (const source of entry.sources) for (const [role, value] of Object.entries(source.slots)) merged[role] ??= value;
    lines.push(
      `${(entry.date ?? "undated").padEnd(10)}  ${entry.type.padEnd(11)}  ${describe(merged, [DATE_SLOT[entry.type]])}`,
      `${"".padEnd(10)}  ${`${docs.length} source${docs.length > 1 ? "s" : ""}`.padEnd(11)}  ${docs.join(", ")}`,
    );
    for (const [role, values] of Object.entries(entry.disagreements))
      lines.push(`${"".padEnd(10)}  ${"disagree".padEnd(11)}  ${role}: ${values.map((v) => `${show(v.value)} (${v.docs.join(", ")})`).join(" · ")}`);
    lines.push("");
  }
  return lines.join("\n");
}
