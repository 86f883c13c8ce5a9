import { describe, expect, it } from "vitest";
import { framesOf, ofType, slotOf } from "./doc-fixture.ts";

const attacks = (...args: Parameters<typeof framesOf>) => ofType(framesOf(...args), "ATTACK");

describe("followups: a sentence that continues the report a day heads", () => {
  it("takes the report's date and place when it names neither", () => {
    const text = "On 4 May 2022, in Veltra, three armed men tried to rob a bank. They exchanged shots with the police and escaped.";
    const found = attacks(text, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"]]);
    expect(found).toHaveLength(1);
    expect(slotOf(found[0]!, "date")).toBe("2022-05-04");
    expect(slotOf(found[0]!, "location")).toBe("Veltra");
  });

  it("keeps its own place", () => {
    const text = "On 4 May 2022, gunmen stole a lorry in Veltra. After that, they fired at a patrol in Dorvik.";
    const found = attacks(text, [["Veltra", "GPE"], ["Dorvik", "GPE"]], [["4 May 2022", "2022-05-04"]]);
    expect(slotOf(found[0]!, "location")).toBe("Dorvik");
  });

  it("restates the report's own attack: no second frame, and its toll joins the first", () => {
    const text = "On 4 May 2022, bandits attacked a farm in Veltra. Police officers shot dead two of the bandits.";
    const found = attacks(text, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"]]);
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toHaveLength(2);
    expect(slotOf(found[0]!, "killed")).toEqual({ min: 2, max: 2 });
  });

  it("does not continue a protest, a denial, or a report a dated sentence interrupts", () => {
    const protest = "On 4 May 2022, residents protested in Veltra. They said a man was shot by the police last year.";
    expect(attacks(protest, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"]])).toHaveLength(0);
    const protestNow = "On 4 May 2022, hundreds of farmers blocked the main road in Veltra. The blockade came as a protest after bandits shot two herders.";
    expect(attacks(protestNow, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"]])).toHaveLength(0);
    const denied = "On 4 May 2022, the army took control of Veltra. No clashes were reported.";
    expect(attacks(denied, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"]])).toHaveLength(0);
    const interrupted = "On 4 May 2022, the army entered Veltra. In 2019, it had left the town. They shot two men.";
    expect(attacks(interrupted, [["Veltra", "GPE"]], [["4 May 2022", "2022-05-04"], ["2019", "2019"]])).toHaveLength(0);
  });
});
