import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, EVENT_SLOTS, slotKind, TIME_TYPES, type DocumentRecord, type EventFrame, type EventType } from "../schema.ts";
import { BRAT_ANNOTATION_CONF, spansOfFragments, toBratAnn } from "./brat.ts";
import { parseSlots, parseSlotValue } from "./slots.ts";
import { extract } from "../extract.ts";
import { corpusText, goldDocuments } from "./test-corpus.ts";

/**
 * A small reader of brat standoff written from brat's format page
 * (https://brat.nlplab.org/standoff.html) and the checks brat's server does
 * on load (annotation.py): ids are unique, a text-bound line's text is its
 * fragments' text joined by one space, fragments neither overlap nor touch,
 * events point to existing text-bound lines, notes and attributes to
 * existing annotations. Offsets are code points.
 */
interface Standoff {
  textBound: Map<string, { type: string; fragments: [number, number][] }>;
  events: Map<string, { type: string; trigger: string; args: [string, string][] }>;
  attributes: Map<string, { name: string; value: string }>;
  notes: Map<string, string>;
}

function parseStandoff(ann: string, text: string): Standoff {
  const codePoints = Array.from(text);
  const s: Standoff = { textBound: new Map(), events: new Map(), attributes: new Map(), notes: new Map() };
  const seen = new Set<string>();
  const exists = (id: string) => s.textBound.has(id) || s.events.has(id);
  expect(ann.endsWith("\n")).toBe(true);
  for (const line of ann.slice(0, -1).split("\n")) {
    const [id, data, tail, ...rest] = line.split("\t");
    expect(rest, line).toEqual([]);
    expect(id, line).toMatch(/^[TEA#]\d+$/);
    expect(seen.has(id!), `duplicate id ${id}`).toBe(false);
    seen.add(id!);
    if (id!.startsWith("T")) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data!);
      expect(m, line).not.toBeNull();
      const fragments = m![2]!.split(";").map((pair) => pair.split(" ").map(Number) as [number, number]);
      fragments.forEach(([start, end], i) => {
        expect(start, line).toBeLessThan(end);
        if (i > 0) expect(start, `${line}: fragments overlap or touch`).toBeGreaterThan(fragments[i - 1]![1]);
      });
      expect(tail, line).toBe(fragments.map(([a, b]) => codePoints.slice(a, b).join("")).join(" "));
      s.textBound.set(id!, { type: m![1]!, fragments });
    } else if (id!.startsWith("E")) {
      const [typeTrigger, ...args] = data!.split(" ");
      const [type, trigger] = typeTrigger!.split(":");
      expect(s.textBound.get(trigger!)?.type, line).toBe(type);
      const parsedArgs = args.map((arg) => arg.split(":") as [string, string]);
      for (const [role, target] of parsedArgs) {
        expect(role, line).toMatch(/^[A-Za-z]+\d*$/);
        expect(s.textBound.has(target), line).toBe(true);
      }
      s.events.set(id!, { type: type!, trigger: trigger!, args: parsedArgs });
    } else if (id!.startsWith("A")) {
      const [name, target, value] = data!.split(" ");
      expect(exists(target!), line).toBe(true);
      s.attributes.set(target!, { name: name!, value: value! });
    } else {
      const [kind, target] = data!.split(" ");
      expect(kind).toBe("AnnotatorNotes");
      expect(exists(target!), line).toBe(true);
      s.notes.set(target!, tail!);
    }
  }
  return s;
}

/** "key: value | key: value" note fields. */
const noteFields = (note: string | undefined) =>
  new Map((note ?? "").split(" | ").filter(Boolean).map((f) => [f.slice(0, f.indexOf(": ")), f.slice(f.indexOf(": ") + 2)] as const));

/** The record the standoff describes, offsets back in UTF-16 units. */
function recordFromStandoff(s: Standoff, text: string): Pick<DocumentRecord, "entities" | "times" | "events"> {
  const utf16 = [0];
  for (const ch of text) utf16.push(utf16.at(-1)! + ch.length);
  const span = ([a, b]: [number, number]) => ({ start: utf16[a]!, end: utf16[b]!, text: text.slice(utf16[a]!, utf16[b]!) });
  const single = (id: string, t: { fragments: [number, number][] }) => {
    expect(t.fragments.length, `${id} is one span`).toBe(1);
    return span(t.fragments[0]!);
  };
  const record: Pick<DocumentRecord, "entities" | "times" | "events"> = { entities: [], times: [], events: [] };
  for (const [id, t] of s.textBound) {
    const note = noteFields(s.notes.get(id));
    if ((ENTITY_TYPES as readonly string[]).includes(t.type))
      record.entities.push({ ...single(id, t), type: t.type as never, canonical: parseSlotValue("entity", note.get("canonical")!) as string });
    else if ((TIME_TYPES as readonly string[]).includes(t.type))
      record.times.push({ ...single(id, t), type: t.type as never, value: note.get("value")!, ...(note.has("mod") ? { mod: note.get("mod") as never } : {}) });
  }
  for (const [id, e] of s.events) {
    const fields = [...noteFields(s.notes.get(id))];
    const evidenceField = fields.find(([k]) => k === "evidence")?.[1];
    const slotLines = fields.filter(([k]) => k !== "evidence").map(([k, v]) => `${k}: ${v}`);
    const evidence = evidenceField
      ? evidenceField.split("; ").map((p) => span(p.split("-").map(Number) as [number, number]))
      : spansOfFragments(text, s.textBound.get(e.trigger)!.fragments.map(([a, b]) => [utf16[a]!, utf16[b]!])).map(([start, end]) => ({
          start,
          end,
          text: text.slice(start, end),
        }));
    const attribute = s.attributes.get(id)!;
    expect(attribute.name).toBe("Certainty");
    record.events.push({
      type: e.type as EventType,
      certainty: attribute.value as never,
      evidence,
      slots: parseSlots(e.type as EventType, slotLines),
    } as EventFrame);
  }
  return record;
}

/** Entity and event types, roles and attribute values annotation.conf declares. */
function declared() {
  const sections = new Map<string, string[]>();
  let section = "";
  for (const line of BRAT_ANNOTATION_CONF.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) section = header[1]!;
    else sections.set(section, [...(sections.get(section) ?? []), line]);
  }
  const events = new Map(
    sections.get("events")!.map((line) => {
      const [type, args] = line.split("\t");
      return [type!, new Set((args ?? "").split(", ").filter(Boolean).map((a) => a.split(":")[0]!.replace(/[?*+]$/, "")))];
    }),
  );
  return { entities: new Set(sections.get("entities")), events, attributes: sections.get("attributes")! };
}

describe("brat standoff", () => {
  const docs = goldDocuments();

  it("reads back every gold mention, time and event frame with its canonical names, values, slots and evidence", () => {
    expect(docs.filter((d) => d.record.events.length).length).toBeGreaterThanOrEqual(3);
    for (const { record, text } of docs) {
      const back = recordFromStandoff(parseStandoff(toBratAnn(record, text), text), text);
      expect(back.entities, record.id).toEqual(record.entities);
      expect(back.times, record.id).toEqual(record.times);
      expect(back.events, record.id).toEqual(record.events);
    }
  });

  it("reads back the pipeline's own record of a corpus article (002)", () => {
    const id = "002_e415b61004e0126d";
    const text = corpusText(id);
    const record = extract({ id, text, published: "2015-08-06" });
    expect(record.entities.length).toBeGreaterThan(10);
    const back = recordFromStandoff(parseStandoff(toBratAnn(record, text), text), text);
    expect(back).toEqual({ entities: record.entities, times: record.times, events: record.events });
  });

  it("uses only types, roles and attribute values that annotation.conf declares, and lets spans overlap", () => {
    const conf = declared();
    expect(conf.attributes).toEqual(["Certainty\tArg:<EVENT>, Value:asserted|reported|alleged|negated"]);
    expect(BRAT_ANNOTATION_CONF).toContain("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>");
    for (const { record, text } of docs) {
      const s = parseStandoff(toBratAnn(record, text), text);
      for (const t of s.textBound.values()) expect(conf.entities.has(t.type) || conf.events.has(t.type), t.type).toBe(true);
      for (const e of s.events.values())
        for (const [role] of e.args) expect(conf.events.get(e.type)!.has(role.replace(/\d+$/, "")), `${e.type} ${role}`).toBe(true);
    }
  });

  it("points entity slots to a mention of that canonical name inside the evidence (001: IMU attacks in Zabul)", () => {
    const doc = docs.find((d) => d.record.id === "001_2ab9d31026021b1f")!;
    const s = parseStandoff(toBratAnn(doc.record, doc.text), doc.text);
    const attack = [...s.events.values()].find((e) => e.type === "ATTACK")!;
    const [evidenceStart, evidenceEnd] = s.textBound.get(attack.trigger)!.fragments[0]!;
    const args = new Map(attack.args.map(([role, id]) => [role, id]));
    for (const [role, name] of [["perpetrators", "Islamic Movement of Uzbekistan"], ["location", "Zabul"]] as const) {
      const id = args.get(role)!;
      expect(noteFields(s.notes.get(id)).get("canonical")).toBe(name);
      const [start, end] = s.textBound.get(id)!.fragments[0]!;
      expect(start).toBeGreaterThanOrEqual(evidenceStart);
      expect(end).toBeLessThanOrEqual(evidenceEnd);
    }
  });

  it("gives each entity or date slot an argument when the document has a matching mention or time", () => {
    for (const { record, text } of docs) {
      const s = parseStandoff(toBratAnn(record, text), text);
      const events = [...s.events.values()];
      record.events.forEach((event, i) => {
        const args = events[i]!.args;
        for (const [role, value] of Object.entries(event.slots)) {
          const kind = slotKind(event.type, role);
          const names = kind === "entity" || kind === "entities" ? [value as string | string[]].flat() : [];
          const mentioned =
            kind === "timex"
              ? record.times.filter((t) => t.value === value).slice(0, 1)
              : names.filter((n) => record.entities.some((e) => e.canonical === n));
          expect(args.filter(([r]) => r.replace(/\d+$/, "") === role).length, `${record.id} events[${i}].${role}`).toBe(mentioned.length);
          for (const [r, id] of args.filter(([r]) => r.replace(/\d+$/, "") === role && kind !== "timex"))
            expect(names, `${record.id} ${r}`).toContain(noteFields(s.notes.get(id)).get("canonical"));
        }
      });
    }
  });

  it("splits spans at line breaks into fragments and reads the frame back whole (001: evidence over two paragraphs)", () => {
    const doc = docs.find((d) => d.record.id === "001_2ab9d31026021b1f")!;
    const text = doc.text;
    // The first two sentences of 001 with the paragraph break between them as one evidence span.
    const paragraphEnd = text.indexOf("\n");
    const event: EventFrame = { type: "ALLIANCE", certainty: "asserted", evidence: [{ start: 0, end: paragraphEnd + 40, text: text.slice(0, paragraphEnd + 40) }], slots: {} };
    const record = { ...doc.record, entities: [], times: [], events: [event] };
    const s = parseStandoff(toBratAnn(record, text), text);
    const trigger = [...s.textBound.values()][0]!;
    expect(trigger.fragments.length).toBeGreaterThan(1);
    expect(recordFromStandoff(s, text).events).toEqual([event]);
  });

  it("counts offsets in code points: an emoji before the text shifts brat offsets by 2 code points, not 3 UTF-16 units", () => {
    const { record, text } = docs[1]!;
    const shift = <T extends { start: number; end: number }>(x: T) => ({ ...x, start: x.start + 3, end: x.end + 3 });
    const shifted = {
      ...record,
      entities: record.entities.map(shift),
      times: record.times.map(shift),
      events: record.events.map((e) => ({ ...e, evidence: e.evidence.map(shift) })),
    } as DocumentRecord;
    const emojiText = "🚨 " + text;
    const s = parseStandoff(toBratAnn(shifted, emojiText), emojiText);
    expect(s.textBound.get("T1")!.fragments[0]![0]).toBe(record.entities[0]!.start + 2);
    const back = recordFromStandoff(s, emojiText);
    expect(back.entities).toEqual(shifted.entities);
    expect(back.events).toEqual(shifted.events);
  });

  it("declares a brat event type for each event type with its entity and date roles", () => {
    const conf = declared();
    for (const type of Object.keys(EVENT_SLOTS) as EventType[])
      for (const role of Object.keys(EVENT_SLOTS[type])) {
        const kind = slotKind(type, role);
        expect(conf.events.get(type)!.has(role), `${type}.${role}`).toBe(kind === "entity" || kind === "entities" || kind === "timex");
      }
  });
});
