/**
 * Slot values as one line of text, for formats whose fields are strings
 * (brat notes, Label Studio text areas): "perpetrators: Taliban; Islamic State",
 * "killed: 26", "wounded: 16+", "hostages: ~30", "members: 1500-2000",
 * "killed: up to 5". A value that would not read back the same in that form
 * (a name containing ";" or "|", line breaks, surrounding spaces) is written
 * as JSON with ";" and "|" escaped, so it never splits where it should not.
 */
import { slotKind, type EventFrame, type EventType, type Quantity, type SlotKind, type SlotValue } from "../schema.ts";

/** Separates list items in a slot value. */
export const LIST_SEPARATOR = "; ";
/** Separates slots when several share one line (brat notes). */
export const SLOT_SEPARATOR = " | ";

const NEEDS_JSON = /[;|\r\n\u2028\u2029\x0b\x0c\x85\x1c-\x1e]|^\s|\s$|^["[{]|^$/;
const json = (value: unknown) => JSON.stringify(value).replace(/;/g, "\\u003b").replace(/\|/g, "\\u007c");

function formatName(name: string): string {
  return NEEDS_JSON.test(name) ? json(name) : name;
}

export function formatQuantity(q: Quantity): string {
  const approx = q.approx ? "~" : "";
  if (q.min !== undefined && q.max !== undefined) return approx + (q.min === q.max ? `${q.min}` : `${q.min}-${q.max}`);
  if (q.min !== undefined) return `${approx}${q.min}+`;
  return `${approx}up to ${q.max}`;
}

const QUANTITY = /^(~)?(?:(\d+(?:\.\d+)?)(?:(\+)|-(\d+(?:\.\d+)?))?|up to (\d+(?:\.\d+)?))$/;

export function parseQuantity(text: string): Quantity {
  const m = QUANTITY.exec(text.trim());
  if (!m) throw new Error(`${JSON.stringify(text)} is not a quantity (26, 16+, 1500-2000, up to 5, ~30)`);
  const [, approx, first, plus, second, upTo] = m;
  const q: Quantity =
    upTo !== undefined
      ? { max: Number(upTo) }
      : plus
        ? { min: Number(first) }
        : { min: Number(first), max: Number(second ?? first) };
  if (approx) q.approx = true;
  return q;
}

export function formatSlotValue(kind: SlotKind, value: SlotValue): string {
  if (kind === "quantity") return formatQuantity(value as Quantity);
  if (kind === "entities") {
    const names = value as string[];
    return names.some((name) => NEEDS_JSON.test(name)) ? json(names) : names.join(LIST_SEPARATOR);
  }
  return formatName(value as string);
}

export function parseSlotValue(kind: SlotKind, text: string): SlotValue {
  if (kind === "quantity") return parseQuantity(text);
  const trimmed = text.trim();
  if (/^["[{]/.test(trimmed)) {
    const parsed: unknown = JSON.parse(trimmed);
    if (kind === "entities" ? Array.isArray(parsed) : typeof parsed === "string") return parsed as SlotValue;
    throw new Error(`${trimmed} is not a ${kind === "entities" ? "list of names" : "name"}`);
  }
  return kind === "entities" ? trimmed.split(/\s*;\s*/) : trimmed;
}

/** Each filled slot of a frame as "role: value", in the order the record gives them. */
export function formatSlots(event: EventFrame): string[] {
  const slots = event.slots as Record<string, SlotValue | undefined>;
  const lines: string[] = [];
  for (const [role, value] of Object.entries(slots)) {
    if (value === undefined) continue;
    lines.push(`${role}: ${formatSlotValue(slotKind(event.type, role)!, value)}`);
  }
  return lines;
}

/** Reads "role: value" lines back into slots; throws naming the line that is not a slot of `type`. */
export function parseSlots(type: EventType, lines: readonly string[]): Record<string, SlotValue> {
  const slots: Record<string, SlotValue> = {};
  for (const line of lines) {
    if (line.trim() === "") continue;
    const m = /^\s*([A-Za-z]+)\s*:\s*(.*)$/s.exec(line);
    if (!m) throw new Error(`slot line ${JSON.stringify(line)} is not "role: value"`);
    const [, role, text] = m;
    const kind = slotKind(type, role!);
    if (!kind) throw new Error(`"${role}" is not a slot of ${type}`);
    if (role! in slots) throw new Error(`slot "${role}" given twice`);
    try {
      slots[role!] = parseSlotValue(kind, text!);
    } catch (error) {
      throw new Error(`slot "${role}": ${(error as Error).message}`);
    }
  }
  return slots;
}
