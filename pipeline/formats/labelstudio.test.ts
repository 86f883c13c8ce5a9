import { describe, expect, it } from "vitest";
import { fromLabelStudioTask, LABEL_STUDIO_CONFIG, toLabelStudioTask, type LabelStudioResult, type LabelStudioTask } from "./labelstudio.ts";
import { goldDocuments } from "./test-corpus.ts";

type RegionResult = Extract<LabelStudioResult, { id: string }>;

const docs = goldDocuments();
const doc001 = docs.find((d) => d.record.id === "001_2ab9d31026021b1f")!;
const results = (task: LabelStudioTask) => task.annotations![0]!.result;
/** A copy of a task as Label Studio exports it after an annotator's edits. */
const edited = (task: LabelStudioTask, edit: (result: LabelStudioResult[]) => LabelStudioResult[]): LabelStudioTask => ({
  ...task,
  annotations: [{ id: 7, result: edit(structuredClone(results(task))), was_cancelled: false, updated_at: "2026-11-21T10:00:00Z" }],
});

describe("Label Studio tasks", () => {
  it("give back every gold record exactly: spans, canonical names, TIMEX3 values and mods, frames, certainty, slots, evidence", () => {
    expect(docs.filter((d) => d.record.events.length).length).toBeGreaterThanOrEqual(3);
    for (const { record, text } of docs) {
      const task = JSON.parse(JSON.stringify(toLabelStudioTask(record, text, "annotations"))) as LabelStudioTask;
      expect(fromLabelStudioTask(task)).toEqual(record);
    }
  });

  it("follow Label Studio's task format: data.text, results with from_name/to_name/type/value {start, end, text, labels}", () => {
    const task = toLabelStudioTask(doc001.record, doc001.text, "annotations");
    expect(task.data.text).toBe(doc001.text);
    const first = results(task)[0] as RegionResult;
    const e = doc001.record.entities[0]!;
    expect(first).toEqual({ id: "entity-1", from_name: "entity", to_name: "text", type: "labels", value: { start: e.start, end: e.end, text: e.text, labels: [e.type] } });
    // Every control a result names is declared in the labeling config, on the Text named "text".
    for (const r of results(task))
      if (r.type !== "relation") expect(LABEL_STUDIO_CONFIG).toMatch(new RegExp(`name="${r.from_name}" toName="text"`));
    const prediction = toLabelStudioTask(doc001.record, doc001.text, "predictions");
    expect(prediction.annotations).toBeUndefined();
    expect(prediction.predictions![0]!.model_version).toBe("newsframes");
  });

  it("link a frame's further evidence spans to its first by 'evidence' relations (001: the IMU pledge over three sentences)", () => {
    const task = toLabelStudioTask(doc001.record, doc001.text, "annotations");
    const pledge = doc001.record.events.findIndex((e) => e.type === "PLEDGE" && e.evidence.length === 3);
    const relations = results(task).filter((r) => r.type === "relation");
    expect(relations).toContainEqual({ type: "relation", from_id: `event-${pledge + 1}-1`, to_id: `event-${pledge + 1}-3`, direction: "right", labels: ["evidence"] });
  });

  it("read a relation drawn right to left as pointing from the frame's first span", () => {
    const task = toLabelStudioTask(doc001.record, doc001.text, "annotations");
    const reversed = edited(task, (result) =>
      result.map((r) => (r.type === "relation" ? { ...r, from_id: r.to_id, to_id: r.from_id, direction: "left" } : r)),
    );
    expect(fromLabelStudioTask(reversed).events).toEqual(doc001.record.events);
  });

  it("take an annotator's corrections: a changed canonical name, a new mention without one, an edited slot", () => {
    const task = toLabelStudioTask(doc001.record, doc001.text, "annotations");
    const at = doc001.text.indexOf("Furqon TV");
    const back = fromLabelStudioTask(
      edited(task, (result) => {
        for (const r of result)
          if (r.type === "textarea" && r.id === "entity-1") r.value.text = ["Afghan Taliban"];
          else if (r.type === "textarea" && r.from_name === "slots" && r.id === "event-2-1") r.value.text = ["agent: Islamic Movement of Uzbekistan", "to: Islamic State", "date: 2015-07-31"];
        const extra: LabelStudioResult = { id: "new1", from_name: "entity", to_name: "text", type: "labels", value: { start: at, end: at + 6, text: "Furqon", labels: ["ORG"] } };
        return [...result, extra];
      }),
    );
    expect(back.entities[0]!.canonical).toBe("Afghan Taliban");
    expect(back.entities.at(-1)).toEqual({ start: at, end: at + 6, text: "Furqon", type: "ORG", canonical: "Furqon" });
    expect(back.events[1]!.slots).toEqual({ agent: "Islamic Movement of Uzbekistan", to: "Islamic State", date: "2015-07-31" });
  });

  it("refuse a time without a TIMEX3 value, a region whose text differs from the task's, and tasks with predictions only", () => {
    const task = toLabelStudioTask(doc001.record, doc001.text, "annotations");
    const noValue = edited(task, (result) => result.filter((r) => !(r.type === "textarea" && r.from_name === "value" && r.id === "time-1")));
    expect(() => fromLabelStudioTask(noValue)).toThrow(/region time-1 \(\w+ ".*" at \d+-\d+\): no TIMEX3 value/);
    const shifted = edited(task, (result) =>
      result.map((r) => (r.type === "labels" && r.id === "entity-1" ? { ...r, value: { ...r.value, start: r.value.start + 1, end: r.value.end + 1 } } : r)),
    );
    expect(() => fromLabelStudioTask(shifted)).toThrow(/region entity-1 .*differs from the task text/);
    const predicted = toLabelStudioTask(doc001.record, doc001.text, "predictions");
    expect(() => fromLabelStudioTask(predicted)).toThrow(/no submitted annotation/);
  });

  it("count region offsets in code points, as Label Studio does, and map them back to UTF-16", () => {
    const { record, text } = doc001;
    const emojiText = "🚨 " + text;
    const e = record.entities[0]!;
    const shiftedEntity = { ...e, start: e.start + 3, end: e.end + 3 };
    const task = toLabelStudioTask({ ...record, entities: [shiftedEntity], times: [], events: [] }, emojiText, "annotations");
    expect((results(task)[0] as RegionResult).value.start).toBe(e.start + 2);
    expect(fromLabelStudioTask(task).entities).toEqual([shiftedEntity]);
  });
});
