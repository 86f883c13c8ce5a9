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

export function attachTolls(ctx: Context, drafts: Draft[]): void {
  const byUnit = new Map<number, Draft[]>();
  for (const draft of drafts) byUnit.set(draft.unit, [...(byUnit.get(draft.unit) ?? []), draft]);
  for (const unit of ctx.units) {
    // "2 fatalities." closing a report is the total of the attack it reports, whatever sentences before it counted.
    const total = statedTotal(unit.text);
    if (total) {
      let attack: Draft | undefined;
      for (let back = 0; back <= TOTAL_REACH && !attack; back++)
        attack = byUnit.get(unit.index - back)?.filter((d) => d.type === "ATTACK" && d.slots.date).at(-1);
      if (attack) {
        attack.slots = { ...attack.slots, killed: total };
        if (!attack.evidence.some((e) => e.start === unit.start)) attack.evidence = [...attack.evidence, span(ctx.doc, unit.start, unit.end)];
        continue;
      }
    }
    // A sentence with a dated attack of its own, or a death, keeps its toll; an undated mention ("in the clashes") does not.
    if (byUnit.get(unit.index)?.some((d) => (d.type === "ATTACK" && d.slots.date) || d.type === "DEATH")) continue;
    const toll = tollOf(ctx, unit);
    if (!TOLLS.some((key) => toll[key])) continue;
    let attack: Draft | undefined;
    for (let back = 1; back <= REACH && !attack; back++)
      attack = byUnit.get(unit.index - back)?.filter((d) => d.type === "ATTACK").at(-1);
    if (!attack) continue;
    const added = TOLLS.filter((key) => toll[key] && attack!.slots[key] === undefined);
    if (!added.length) continue;
    for (const key of added) attack.slots = { ...attack.slots, [key]: toll[key] };
    attack.evidence = [...attack.evidence, span(ctx.doc, unit.start, unit.end)];
  }
}
