/**
 * Records as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), one row per
 * event frame, entity mention or time expression.
 *
 * Event rows carry every role of every event type as its own column, so one
 * sheet holds all types: entity lists are joined with "; ", quantities split
 * into <role>_min, <role>_max and <role>_approx ("true" or empty). Offsets are
 * the record's (UTF-16 code units, as JavaScript indexes strings); a frame's
 * evidence spans are "start-end" pairs joined with "; " and their texts are
 * joined with " … ".
 *
 * UTF-8 without a byte-order mark by default, which most tools expect; with
 * `bom`, a BOM first, so Excel opens the file as UTF-8 instead of the
 * system code page.
 */
import { stringify } from "csv-stringify/sync";
import { EVENT_SLOTS, slotKind, type DocumentRecord, type EventType, type Quantity, type SlotKind, type SlotValue } from "../schema.ts";
import { LIST_SEPARATOR } from "./slots.ts";

export const CSV_LAYERS = ["events", "entities", "times"] as const;
export type CsvLayer = (typeof CSV_LAYERS)[number];

/** Joins the texts of a frame's evidence spans in one cell. */
export const EVIDENCE_TEXT_SEPARATOR = " … ";

/** Every role of every event type with its kind, in the order of the schema's table, each once. */
function slotColumns(): { role: string; kind: SlotKind }[] {
  const roles = new Map<string, SlotKind>();
  for (const type of Object.keys(EVENT_SLOTS) as EventType[])
    for (const role of Object.keys(EVENT_SLOTS[type])) {
      const kind = slotKind(type, role)!;
      const seen = roles.get(role);
      // One column per role name only works while a role name means one kind of value in every type.
      if (seen && seen !== kind) throw new Error(`role "${role}" is ${seen} in one event type and ${kind} in another`);
      roles.set(role, kind);
    }
  return [...roles].map(([role, kind]) => ({ role, kind }));
}

const SLOT_COLUMNS = slotColumns();

export const CSV_COLUMNS: Record<CsvLayer, string[]> = {
  events: [
    "id",
    "event",
    "type",
    "certainty",
    ...SLOT_COLUMNS.flatMap(({ role, kind }) =>
      kind === "quantity" ? [`${role}_min`, `${role}_max`, `${role}_approx`] : [role],
    ),
    "evidence_text",
    "evidence_offsets",
  ],
  entities: ["id", "start", "end", "text", "type", "canonical"],
  times: ["id", "start", "end", "text", "type", "value", "mod"],
};

const cell = (value: string | number | undefined) => (value === undefined ? "" : String(value));

function slotCells(kind: SlotKind, value: SlotValue | undefined): string[] {
  if (kind === "quantity") {
    const q = value as Quantity | undefined;
    return [cell(q?.min), cell(q?.max), q?.approx ? "true" : ""];
  }
  if (value === undefined) return [""];
  return [Array.isArray(value) ? value.join(LIST_SEPARATOR) : (value as string)];
}

/** The rows of one record for a layer, as arrays in the order of CSV_COLUMNS[layer]. */
export function csvRows(record: DocumentRecord, layer: CsvLayer): string[][] {
  switch (layer) {
    case "entities":
      return record.entities.map((e) => [record.id, cell(e.start), cell(e.end), e.text, e.type, e.canonical]);
    case "times":
      return record.times.map((t) => [record.id, cell(t.start), cell(t.end), t.text, t.type, t.value, cell(t.mod)]);
    case "events":
      return record.events.map((event, index) => {
        const slots = event.slots as Record<string, SlotValue | undefined>;
        return [
          record.id,
          cell(index),
          event.type,
          event.certainty,
          ...SLOT_COLUMNS.flatMap(({ role, kind }) => slotCells(kind, slots[role])),
          event.evidence.map((s) => s.text).join(EVIDENCE_TEXT_SEPARATOR),
          event.evidence.map((s) => `${s.start}-${s.end}`).join(LIST_SEPARATOR),
        ];
      });
  }
}

export interface CsvOptions {
  layer: CsvLayer;
  /** Start the file with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
}

/** CSV text for records in turn: the header (and BOM) before the first rows, or at the end when there were none. */
export function csvEncoder(options: CsvOptions): { rows(record: DocumentRecord): string; end(): string } {
  let started = false;
  const header = () => {
    if (started) return "";
    started = true;
    return stringify([CSV_COLUMNS[options.layer]], { bom: options.bom === true, record_delimiter: "windows" });
  };
  return {
    rows: (record) => header() + stringify(csvRows(record, options.layer), { record_delimiter: "windows" }),
    end: header,
  };
}
