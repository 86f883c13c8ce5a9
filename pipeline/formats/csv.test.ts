import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { EVENT_SLOTS, slotKind, type DocumentRecord, type EventFrame, type EventType } from "../schema.ts";
import { CSV_COLUMNS, csvEncoder, EVIDENCE_TEXT_SEPARATOR, type CsvLayer } from "./csv.ts";
import { goldDocuments } from "./test-corpus.ts";

const docs = goldDocuments();

function encodeAll(layer: CsvLayer, bom = false): string {
  const encoder = csvEncoder({ layer, bom });
  return docs.map((d) => encoder.rows(d.record)).join("") + encoder.end();
}

/** Parses with csv-parse (a real CSV reader), one object per row keyed by the header. */
const readCsv = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true, relax_column_count: false });

/** Event frames rebuilt from event rows and the articles' texts, as a consumer of the CSV would. */
function eventsFromRows(rows: Record<string, string>[], textOf: (id: string) => string): Map<string, EventFrame[]> {
  const byDoc = new Map<string, EventFrame[]>();
  for (const row of rows) {
    const type = row.type as EventType;
    const slots: Record<string, unknown> = {};
    for (const role of Object.keys(EVENT_SLOTS[type])) {
      const kind = slotKind(type, role);
      if (kind === "quantity") {
        const [min, max, approx] = [row[`${role}_min`], row[`${role}_max`], row[`${role}_approx`]];
        if (min || max)
          slots[role] = { ...(min ? { min: Number(min) } : {}), ...(max ? { max: Number(max) } : {}), ...(approx === "true" ? { approx: true } : {}) };
      } else if (row[role]) slots[role] = kind === "entities" ? row[role]!.split("; ") : row[role];
    }
    const text = textOf(row.id!);
    const evidence = row.evidence_offsets!.split("; ").map((pair) => {
      const [start, end] = pair.split("-").map(Number) as [number, number];
      return { start, end, text: text.slice(start, end) };
    });
    expect(row.evidence_text).toBe(evidence.map((s) => s.text).join(EVIDENCE_TEXT_SEPARATOR));
    const frames = byDoc.get(row.id!) ?? [];
    expect(Number(row.event)).toBe(frames.length);
    frames.push({ type, certainty: row.certainty, evidence, slots } as EventFrame);
    byDoc.set(row.id!, frames);
  }
  return byDoc;
}

describe("CSV", () => {
  const textOf = (id: string) => docs.find((d) => d.record.id === id)!.text;

  it("gives back every gold event frame, slot and evidence span through csv-parse", () => {
    const rows = readCsv(encodeAll("events"));
    const withEvents = docs.filter((d) => d.record.events.length);
    expect(withEvents.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBe(docs.reduce((n, d) => n + d.record.events.length, 0));
    const rebuilt = eventsFromRows(rows, textOf);
    for (const { record } of withEvents) expect(rebuilt.get(record.id)).toEqual(record.events);
  });

  it("keeps a bound-only count: 'more than 100 members' (003) is members_max 100 with members_min empty", () => {
    const rows = readCsv(encodeAll("events")).filter((r) => r.type === "STRENGTH" && r.members_max === "100");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.members_min).toBe("");
    expect(rows[0]!.evidence_text).toContain("more than 100 members");
  });

  it("quotes cells holding quotes and commas, doubling the quotes (RFC 4180)", () => {
    const csv = encodeAll("events");
    // 003: "\"It's unlikely to have more than 100 members,\" he said."
    expect(csv).toContain(`"""It's unlikely to have more than 100 members,"" he said."`);
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.events.join(","));
  });

  it.each(["entities", "times"] as const)("gives back every gold %s row", (layer) => {
    const rows = readCsv(encodeAll(layer));
    const expected = docs.flatMap((d) => (d.record[layer] as DocumentRecord["entities"] | DocumentRecord["times"]).map((item) => ({ id: d.record.id, ...item })));
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, i) => {
      const item = expected[i]! as Record<string, unknown>;
      for (const column of CSV_COLUMNS[layer]) expect(row[column], `${layer} row ${i} ${column}`).toBe(item[column] === undefined ? "" : String(item[column]));
      expect(textOf(row.id!).slice(Number(row.start), Number(row.end))).toBe(row.text);
    });
  });

  it("starts with a UTF-8 BOM only when asked, and keeps non-ASCII text (’) intact", () => {
    expect(encodeAll("entities").charCodeAt(0)).not.toBe(0xfeff);
    const withBom = encodeAll("entities", true);
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(readCsv(withBom)[0]).toHaveProperty("id");
    expect(encodeAll("events")).toContain("group’s spiritual leader");
  });

  it("writes the header even when no document has a row", () => {
    const encoder = csvEncoder({ layer: "times" });
    const csv = encoder.rows({ ...docs[0]!.record, times: [] }) + encoder.end();
    expect(csv).toBe(CSV_COLUMNS.times.join(",") + "\r\n");
  });
});
