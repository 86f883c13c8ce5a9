import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newDoc } from "../pipeline/document.ts";
import { classifyLine, clean } from "./clean.ts";

const corpus = (id: string) => readFileSync(new URL(`../corpus/${id}.txt`, import.meta.url), "utf8");
const excludedTexts = (id: string) => {
  const text = corpus(id);
  return clean(newDoc({ id, text })).excluded.map((r) => [r.reason, text.slice(r.start, r.end)]);
};

describe("clean", () => {
  it("classifies the corpus's site chrome by kind", () => {
    expect(classifyLine("Accessibility links")).toBe("navigation");
    expect(classifyLine("Leave a Reply")).toBe("comments");
    expect(classifyLine("0 Comment(s)")).toBe("comments");
    expect(classifyLine("Do you like this article?")).toBe("boilerplate");
    expect(classifyLine("By Maksim Yeniseyev")).toBe("boilerplate");
    expect(classifyLine("[3] Sharipzhan, Merhat. “IMU Declares It Is Now Part of the Islamic State.”")).toBe("references");
  });

  it("leaves prose lines alone, including headlines and short sentences", () => {
    expect(classifyLine("IMU cuts ties with ISIL")).toBeNull();
    expect(classifyLine("Irrelevant in Uzbekistan")).toBeNull();
    expect(classifyLine("Formed: 1998")).toBeNull();
    expect(classifyLine("The group was created in the 1990s in Uzbekistan.")).toBeNull();
    expect(classifyLine("By 2015, the IMU had pledged allegiance to the Islamic State.")).toBeNull();
  });

  it("marks 000's header block and comment form, merging adjacent lines", () => {
    expect(excludedTexts("000_8a651a583932578d")).toEqual([
      ["boilerplate", "• publish: 22 August 2015\n  • time: 11:06 pm\n  • category: Security&Crime\n  • No: 799"],
      ["comments", "Leave a Reply\n\nYour email address will not be published."],
    ]);
  });

  it("marks a photo credit inside 003's caption line but not the caption", () => {
    const regions = excludedTexts("003_dbbdcbbaff3b22af");
    expect(regions).toContainEqual(["boilerplate", "[Screen shot by Maksim Yeniseyev]"]);
    expect(regions.some(([, text]) => text!.includes("IMU mufti"))).toBe(false);
  });

  it("marks every inline citation marker and every reference line of the profile", () => {
    const text = corpus("004_2f3aaa3f4115be49");
    const regions = clean(newDoc({ id: "004", text })).excluded;
    const covered = (start: number, end: number) => regions.some((r) => r.start <= start && end <= r.end);
    for (const marker of text.matchAll(/\[\d+\]/g)) expect(covered(marker.index, marker.index + marker[0].length)).toBe(true);
    expect(covered(text.indexOf("[1] Rabasa"), text.indexOf("JSTOR.") + 6)).toBe(true);
    expect(covered(text.indexOf("Executive Summary"), text.indexOf("Executive Summary") + 17)).toBe(false);
  });
});
