import { describe, expect, it } from "vitest";
import { fromDoccano, parseDoccanoLine } from "./doccano.ts";
import { goldDocuments } from "./test-corpus.ts";

const docs = goldDocuments();
const doc001 = docs.find((d) => d.record.id === "001_2ab9d31026021b1f")!;

describe("doccano import", () => {
  it("reads both export forms ([start, end, label] lists and entities objects) back to the gold entities", () => {
    for (const { record, text } of docs) {
      const labelForm = JSON.stringify({ id: 3, text, label: record.entities.map((e) => [e.start, e.end, e.type]) });
      const entitiesForm = JSON.stringify({
        id: 3,
        text,
        entities: record.entities.map((e, i) => ({ id: i, label: e.type, start_offset: e.start, end_offset: e.end })),
      });
      for (const line of [labelForm, entitiesForm]) {
        const back = fromDoccano(parseDoccanoLine(line), record.id, record);
        expect(back).toEqual({ ...record, entities: [...record.entities].sort((a, b) => a.start - b.start || a.end - b.end) });
      }
    }
  });

  it("keeps the gold canonical name of an unchanged mention and gives a new one its own text (001: IMU, Furqon TV)", () => {
    const imu = doc001.record.entities.find((e) => e.text === "IMU")!;
    const at = doc001.text.indexOf("Furqon TV");
    const line = parseDoccanoLine(JSON.stringify({ text: doc001.text, label: [[imu.start, imu.end, "ORG"], [at, at + 9, "ORG"]] }));
    const back = fromDoccano(line, doc001.record.id, doc001.record);
    expect(back.entities.map((e) => e.canonical)).toEqual(["Islamic Movement of Uzbekistan", "Furqon TV"]);
    expect(back.events).toEqual(doc001.record.events);
  });

  it("starts an empty record when there is no gold yet, and takes a doc_id from the line", () => {
    const line = parseDoccanoLine(JSON.stringify({ doc_id: "new-doc", text: "Zabul province", label: [[0, 5, "GPE"]] }));
    expect(line.docId).toBe("new-doc");
    expect(fromDoccano(line, "new-doc", undefined)).toEqual({
      id: "new-doc",
      published: null,
      dctSource: "none",
      excluded: [],
      entities: [{ start: 0, end: 5, text: "Zabul", type: "GPE", canonical: "Zabul" }],
      times: [],
      events: [],
    });
  });

  it("counts offsets in code points and refuses labels that are not entity types", () => {
    const line = parseDoccanoLine(JSON.stringify({ text: "🚨 Zabul", label: [[2, 7, "GPE"]] }));
    expect(fromDoccano(line, "x", undefined).entities[0]).toMatchObject({ start: 3, end: 8, text: "Zabul" });
    const bad = parseDoccanoLine(JSON.stringify({ text: "in August", label: [[3, 9, "DATE"]] }));
    expect(() => fromDoccano(bad, "x", undefined)).toThrow(/label\[0\] "DATE" is not an entity type/);
    expect(() => parseDoccanoLine(JSON.stringify({ text: "x", label: [[0, "1", "ORG"]] }))).toThrow(/label\[0\] is not \[start, end, "TYPE"\]/);
  });
});
