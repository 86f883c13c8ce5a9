/**
 * Frames across a sentence boundary: a sentence that only gives an attack's
 * toll ("One person died, five were injured.", "1 fatality.") belongs to the
 * attack stated just before it, and adds its figures and its evidence.
 */
import { span } from "../../pipeline/document.ts";
import { statedTotal } from "../numbers.ts";
import { tollOf, type Context } from "./context.ts";
import type { Draft } from "./frames.ts";

/** How many sentences back a toll may reach for its attack; a stated total reaches further. */
const REACH = 3;
const TOTAL_REACH = 6;
const TOLLS = ["killed", "wounded", "hostages"] as const;

/** The latest attack stated in the `reach` sentences up to `unit` (`from` sentences back at the nearest), if `dated`, a dated one. */
function attackBefore(byUnit: Map<number, Draft[]>, unit: number, from: number, reach: number, dated: boolean): Draft | undefined {
  for (let back = from; back <= reach; back++) {
    const attack = byUnit.get(unit - back)?.filter((d) => d.type === "ATTACK" && (!dated || d.slots.date)).at(-1);
    if (attack) return attack;
  }
  return undefined;
}

export function attachTolls(ctx: Context, drafts: Draft[]): void {
  const byUnit = new Map<number, Draft[]>();
  for (const draft of drafts) byUnit.set(draft.unit, [...(byUnit.get(draft.unit) ?? []), draft]);
  if (!drafts.some((d) => d.type === "ATTACK")) return;
  for (const unit of ctx.units) {
    // "2 fatalities." closing a report is the total of the attack it reports, whatever sentences before it counted.
    const totalFor = attackBefore(byUnit, unit.index, 0, TOTAL_REACH, true);
    const total = totalFor && statedTotal(unit.text);
    if (totalFor && total) {
      totalFor.slots = { ...totalFor.slots, killed: total };
      if (!totalFor.evidence.some((e) => e.start === unit.start)) totalFor.evidence = [...totalFor.evidence, span(ctx.doc, unit.start, unit.end)];
      continue;
    }
    // A sentence with a dated attack of its own, or a death, keeps its toll; an undated mention ("in the clashes") does not.
    if (byUnit.get(unit.index)?.some((d) => (d.type === "ATTACK" && d.slots.date) || d.type === "DEATH")) continue;
    const attack = attackBefore(byUnit, unit.index, 1, REACH, false);
    if (!attack) continue;
    const toll = tollOf(ctx, unit);
    if (!TOLLS.some((key) => toll[key])) continue;
    const added = TOLLS.filter((key) => toll[key] && attack!.slots[key] === undefined);
    if (!added.length) continue;
    for (const key of added) attack.slots = { ...attack.slots, [key]: toll[key] };
    attack.evidence = [...attack.evidence, span(ctx.doc, unit.start, unit.end)];
  }
}
