/**
 * Gold and predictions as Label Studio tasks (https://labelstud.io/guide/task_format),
 * and corrected tasks back as records.
 *
 * One task per document: `data.text` is the text, the record's other
 * document fields (id, published, dctSource, excluded, note, url, source)
 * ride along in `data` untouched. Its results (under "annotations" for gold,
 * "predictions" for pipeline output) are regions over `text`:
 *   - an `entity` label (PERSON, ORG …) per mention, with a per-region
 *     `canonical` text area (a new region without one takes its own text);
 *   - a `time` label (DATE …) per time expression, with a per-region `value`
 *     text area and an optional `mod` choice;
 *   - an `event` label (ATTACK …) per evidence span, the frame's first span
 *     carrying a `certainty` choice and a `slots` text area, one
 *     "role: value" line a slot (slots.ts); a frame's further evidence spans
 *     hang off the first by an "evidence" relation.
 * Region offsets count code points, as Label Studio does (offsets.ts).
 * `LABEL_STUDIO_CONFIG` is the labeling interface these tasks need.
 */
import {
  CERTAINTIES,
  ENTITY_TYPES,
  EVENT_TYPES,
  TIME_MODS,
  TIME_TYPES,
  type DocumentRecord,
  type Entity,
  type EventFrame,
  type EventType,
  type Excluded,
  type Span,
  type Time,
} from "../schema.ts";
import { offsetMap, type OffsetMap } from "./offsets.ts";
import { formatSlots, parseSlots } from "./slots.ts";

const options = (values: readonly string[], tag: string) => values.map((v) => `    <${tag} value="${v}"/>`).join("\n");

export const LABEL_STUDIO_CONFIG = `<View>
  <Style>.htx-text { white-space: pre-wrap; }</Style>
  <Header value="Mentions, time expressions and event evidence: pick a label, then select the text"/>
  <Labels name="entity" toName="text" showInline="true">
${options(ENTITY_TYPES, "Label")}
  </Labels>
  <Labels name="time" toName="text" showInline="true">
${options(TIME_TYPES, "Label")}
  </Labels>
  <Labels name="event" toName="text" showInline="true">
${options(EVENT_TYPES, "Label")}
  </Labels>
  <Text name="text" value="$text"/>
  <Relations>
    <Relation value="evidence"/>
  </Relations>
  <View visibleWhen="region-selected" whenTagName="entity">
    <Header value="Canonical name (empty: the mention's own text)"/>
    <TextArea name="canonical" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>
  </View>
  <View visibleWhen="region-selected" whenTagName="time">
    <Header value="TIMEX3 value (2015-08-06, 2015-W32, P2M, PRESENT_REF …) and modifier"/>
    <TextArea name="value" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>
    <Choices name="mod" toName="text" perRegion="true" choice="single" showInline="true">
${options(TIME_MODS, "Choice")}
    </Choices>
  </View>
  <View visibleWhen="region-selected" whenTagName="event">
    <Header value="Certainty and slots of the frame (on its first evidence span; link further evidence with an 'evidence' relation)"/>
    <Choices name="certainty" toName="text" perRegion="true" choice="single" showInline="true">
${options(CERTAINTIES, "Choice")}
    </Choices>
    <TextArea name="slots" toName="text" perRegion="true" editable="true" rows="6" placeholder="role: value, one slot a line (perpetrators: Taliban; IMU | killed: 26 | date: 2015-08-06)"/>
  </View>
</View>
`;

/** One item of a task's `result` list: a region's label or per-region value, or a relation. */
export type LabelStudioResult =
  | {
      id: string;
      from_name: string;
      to_name: string;
      type: "labels" | "textarea" | "choices";
      value: { start: number; end: number; text?: string | string[]; labels?: string[]; choices?: string[] };
    }
  | { type: "relation"; from_id: string; to_id: string; direction?: string; labels?: string[] };

export interface LabelStudioTask {
  id?: number;
  /** The text, and the record's document fields (id, published, dctSource, excluded, note, contentHash …) as they are. */
  data: Omit<DocumentRecord, "entities" | "times" | "events" | "text"> & {
    text: string;
    /** True when the record itself carries its text (e.g. extracted from HTML), so the import keeps it. */
    recordHasText?: boolean;
  };
  annotations?: { id?: number; result: LabelStudioResult[]; was_cancelled?: boolean; updated_at?: string }[];
  predictions?: { model_version?: string; result: LabelStudioResult[] }[];
}

class ResultBuilder {
  readonly results: LabelStudioResult[] = [];
  private readonly map: OffsetMap;

  constructor(private readonly text: string) {
    this.map = offsetMap(text);
  }

  region(id: string, span: { start: number; end: number }) {
    const start = this.map.toCodePoints(span.start);
    const end = this.map.toCodePoints(span.end);
    const text = this.text.slice(span.start, span.end);
    return {
      labels: (from: string, label: string) =>
        this.results.push({ id, from_name: from, to_name: "text", type: "labels", value: { start, end, text, labels: [label] } }),
      textarea: (from: string, lines: string[]) =>
        this.results.push({ id, from_name: from, to_name: "text", type: "textarea", value: { start, end, text: lines } }),
      choice: (from: string, choice: string) =>
        this.results.push({ id, from_name: from, to_name: "text", type: "choices", value: { start, end, text, choices: [choice] } }),
    };
  }
}

/** The task of one record over its text; gold goes under "annotations", pipeline output under "predictions". */
export function toLabelStudioTask(record: DocumentRecord, text: string, as: "annotations" | "predictions"): LabelStudioTask {
  const b = new ResultBuilder(text);
  record.entities.forEach((e, i) => {
    const region = b.region(`entity-${i + 1}`, e);
    region.labels("entity", e.type);
    region.textarea("canonical", [e.canonical]);
  });
  record.times.forEach((t, i) => {
    const region = b.region(`time-${i + 1}`, t);
    region.labels("time", t.type);
    region.textarea("value", [t.value]);
    if (t.mod) region.choice("mod", t.mod);
  });
  record.events.forEach((event, i) => {
    event.evidence.forEach((span, j) => {
      const region = b.region(`event-${i + 1}-${j + 1}`, span);
      region.labels("event", event.type);
      if (j > 0) return;
      region.choice("certainty", event.certainty);
      const slots = formatSlots(event);
      if (slots.length) region.textarea("slots", slots);
    });
    for (let j = 1; j < event.evidence.length; j++)
      b.results.push({ type: "relation", from_id: `event-${i + 1}-1`, to_id: `event-${i + 1}-${j + 1}`, direction: "right", labels: ["evidence"] });
  });
  const { entities, times, events, text: recordText, ...fields } = record;
  return {
    data: { ...fields, text, ...(recordText !== undefined ? { recordHasText: true } : {}) },
    [as]: [as === "predictions" ? { model_version: "newsframes", result: b.results } : { result: b.results }],
  };
}

/** A region as Label Studio returns it: its label and per-region values gathered from the results sharing its id. */
interface Region {
  id: string;
  start: number;
  end: number;
  text?: string;
  layer?: string;
  label?: string;
  values: Map<string, string[]>;
}

const isString = (x: unknown): x is string => typeof x === "string";

/** The annotation a task's gold comes from: the latest one not cancelled. */
function chosenAnnotation(task: LabelStudioTask) {
  const usable = (task.annotations ?? []).filter((a) => !a.was_cancelled);
  return usable.sort((a, b) => (a.updated_at ?? "").localeCompare(b.updated_at ?? "")).at(-1);
}

/**
 * A record from an annotated task. Throws an Error naming the region and
 * field at fault (a missing TIMEX3 value, a label of no layer, offsets
 * whose text differs from the task's text, an unreadable slot line).
 */
export function fromLabelStudioTask(task: LabelStudioTask): DocumentRecord {
  const data = task.data;
  if (!data || !isString(data.text)) throw new Error('task has no "data.text"');
  if (!isString(data.id) || !data.id) throw new Error('task has no "data.id" (the document id)');
  const annotation = chosenAnnotation(task);
  if (!annotation) throw new Error("no submitted annotation (predictions alone are not gold)");
  const text = data.text;
  const map = offsetMap(text);

  const regions = new Map<string, Region>();
  const relations: { from: string; to: string }[] = [];
  for (const r of annotation.result) {
    if (r.type === "relation") {
      // An arrow drawn the other way ("left") still points from the first span to a further one.
      relations.push(r.direction === "left" ? { from: r.to_id, to: r.from_id } : { from: r.from_id, to: r.to_id });
      continue;
    }
    let region = regions.get(r.id);
    if (!region) {
      const where = `region ${r.id}`;
      if (!Number.isInteger(r.value?.start) || !Number.isInteger(r.value?.end)) throw new Error(`${where}: no start/end offsets`);
      let start: number;
      let end: number;
      try {
        start = map.fromCodePoints(r.value.start);
        end = map.fromCodePoints(r.value.end);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      region = { id: r.id, start, end, values: new Map() };
      regions.set(r.id, region);
    }
    if (r.type === "labels") {
      if (region.layer) throw new Error(`region ${r.id}: labelled twice (${region.label} and ${r.value.labels?.[0]})`);
      region.layer = r.from_name;
      region.label = r.value.labels?.[0];
      if (isString(r.value.text)) region.text = r.value.text;
    } else if (r.type === "textarea") {
      const lines = (Array.isArray(r.value.text) ? r.value.text : [r.value.text]).filter(isString);
      region.values.set(r.from_name, lines.flatMap((line) => line.split(/\r?\n/)));
    } else if (r.type === "choices") {
      region.values.set(r.from_name, (r.value.choices ?? []).filter(isString));
    }
  }

  const entities: Entity[] = [];
  const times: Time[] = [];
  const eventRegions: Region[] = [];
  for (const region of regions.values()) {
    const span: Span = { start: region.start, end: region.end, text: text.slice(region.start, region.end) };
    const where = `region ${region.id} (${region.label ?? "no label"} ${JSON.stringify(span.text)} at ${span.start}-${span.end})`;
    if (region.text !== undefined && region.text !== span.text)
      throw new Error(`${where}: its text ${JSON.stringify(region.text)} differs from the task text at those offsets`);
    const only = (name: string) => region.values.get(name)?.map((v) => v.trim()).filter((v) => v !== "")[0];
    switch (region.layer) {
      case "entity":
        if (!(ENTITY_TYPES as readonly string[]).includes(region.label ?? "")) throw new Error(`${where}: not an entity type`);
        entities.push({ ...span, type: region.label as Entity["type"], canonical: only("canonical") ?? span.text });
        break;
      case "time": {
        if (!(TIME_TYPES as readonly string[]).includes(region.label ?? "")) throw new Error(`${where}: not a TIMEX3 type`);
        const value = only("value");
        if (!value) throw new Error(`${where}: no TIMEX3 value`);
        const mod = only("mod");
        times.push({ ...span, type: region.label as Time["type"], value, ...(mod ? { mod: mod as Time["mod"] } : {}) });
        break;
      }
      case "event":
        if (!(EVENT_TYPES as readonly string[]).includes(region.label ?? "")) throw new Error(`${where}: not an event type`);
        eventRegions.push(region);
        break;
      default:
        throw new Error(`${where}: no entity, time or event label`);
    }
  }

  const { text: _text, recordHasText, ...fields } = data;
  return { ...fields, ...(recordHasText ? { text } : {}), entities, times, events: framesOf(eventRegions, relations, text) };
}

/** Event frames from event regions: regions joined by "evidence" relations are one frame, the region with no incoming relation first. */
function framesOf(regions: Region[], relations: { from: string; to: string }[], text: string): EventFrame[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const next = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const { from, to } of relations) {
    if (!byId.has(from) || !byId.has(to)) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
    hasParent.add(to);
  }
  const frames: EventFrame[] = [];
  const placed = new Set<string>();
  for (const root of regions) {
    if (hasParent.has(root.id) || placed.has(root.id)) continue;
    const members: Region[] = [];
    const queue = [root.id];
    while (queue.length) {
      const id = queue.shift()!;
      if (placed.has(id)) continue;
      placed.add(id);
      members.push(byId.get(id)!);
      queue.push(...(next.get(id) ?? []));
    }
    frames.push(frameOf(members, text));
  }
  const cyclic = regions.find((r) => !placed.has(r.id));
  if (cyclic) throw new Error(`region ${cyclic.id}: its "evidence" relations form a cycle; a frame needs one first span`);
  return frames;
}

function frameOf(members: Region[], text: string): EventFrame {
  const first = members[0]!;
  const where = `event region ${first.id} (${first.label})`;
  const type = first.label as EventType;
  const other = members.find((m) => m.label !== type);
  if (other) throw new Error(`${where}: linked evidence region ${other.id} is labelled ${other.label}`);
  const withSlots = members.filter((m) => m.values.has("slots") || m.values.has("certainty"));
  if (withSlots.length > 1)
    throw new Error(`${where}: certainty or slots given on several evidence regions (${withSlots.map((m) => m.id).join(", ")}); keep them on one`);
  const holder = withSlots[0] ?? first;
  const certainty = holder.values.get("certainty")?.[0];
  if (!certainty || !(CERTAINTIES as readonly string[]).includes(certainty)) throw new Error(`${where}: no certainty chosen`);
  let slots;
  try {
    slots = parseSlots(type, holder.values.get("slots") ?? []);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  return {
    type,
    certainty: certainty as EventFrame["certainty"],
    evidence: members.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
    slots,
  } as EventFrame;
}
