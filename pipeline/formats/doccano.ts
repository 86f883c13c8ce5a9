/**
 * Entity labels from doccano's sequence-labeling JSONL export, one document
 * a line, in either form doccano writes:
 *   {"text": "…", "label": [[start, end, "ORG"], …]}
 *   {"text": "…", "entities": [{"start_offset": 0, "end_offset": 3, "label": "ORG"}, …]}
 * Offsets count code points (doccano is Python). Only the entity layer comes
 * from doccano; canonical names are kept from the document's existing gold
 * for mentions whose span and type are unchanged, and default to the
 * mention's own text otherwise.
 */
import { ENTITY_TYPES, type DocumentRecord, type Entity, type EntityType } from "../schema.ts";
import { offsetMap } from "./offsets.ts";

export interface DoccanoLine {
  text: string;
  /** The document id, when the line carries one ("doc_id", or a string "id"). */
  docId?: string;
  labels: { start: number; end: number; label: string }[];
}

/** Reads one JSONL line; throws naming the field at fault. */
export function parseDoccanoLine(line: string): DoccanoLine {
  const obj = JSON.parse(line) as Record<string, unknown>;
  if (typeof obj.text !== "string") throw new Error('no "text" string');
  const docId = typeof obj.doc_id === "string" ? obj.doc_id : typeof obj.id === "string" ? obj.id : undefined;
  const labels: DoccanoLine["labels"] = [];
  if (Array.isArray(obj.label)) {
    obj.label.forEach((item: unknown, i) => {
      if (!Array.isArray(item) || typeof item[0] !== "number" || typeof item[1] !== "number" || typeof item[2] !== "string")
        throw new Error(`label[${i}] is not [start, end, "TYPE"]`);
      labels.push({ start: item[0], end: item[1], label: item[2] });
    });
  } else if (Array.isArray(obj.entities)) {
    obj.entities.forEach((item: Record<string, unknown>, i) => {
      if (typeof item?.start_offset !== "number" || typeof item.end_offset !== "number" || typeof item.label !== "string")
        throw new Error(`entities[${i}] lacks start_offset, end_offset or label`);
      labels.push({ start: item.start_offset, end: item.end_offset, label: item.label });
    });
  } else throw new Error('neither a "label" nor an "entities" list');
  return { text: obj.text, ...(docId !== undefined ? { docId } : {}), labels };
}

/**
 * The entity layer of a doccano line over its text, as record entities in
 * text order. `previous` (the document's current gold, if any) lends its
 * canonical names and every other field of the record.
 */
export function fromDoccano(line: DoccanoLine, id: string, previous: DocumentRecord | undefined): DocumentRecord {
  const map = offsetMap(line.text);
  const canonicalOf = new Map(previous?.entities.map((e) => [`${e.start}:${e.end}:${e.type}`, e.canonical]));
  const entities: Entity[] = line.labels.map(({ start: s, end: e, label }, i) => {
    if (!(ENTITY_TYPES as readonly string[]).includes(label))
      throw new Error(`label[${i}] "${label}" is not an entity type (${ENTITY_TYPES.join(", ")})`);
    let start: number;
    let end: number;
    try {
      start = map.fromCodePoints(s);
      end = map.fromCodePoints(e);
    } catch (error) {
      throw new Error(`label[${i}]: ${(error as Error).message}`);
    }
    if (end <= start) throw new Error(`label[${i}]: end ${e} is not after start ${s}`);
    const text = line.text.slice(start, end);
    return { start, end, text, type: label as EntityType, canonical: canonicalOf.get(`${start}:${end}:${label}`) ?? text };
  });
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    ...(previous ?? { id, published: null, dctSource: "none", excluded: [], times: [], events: [] }),
    id,
    entities,
  } as DocumentRecord;
}
