/** `newsframes extract` as a user runs it: bad inputs, a poisoned batch, and a run killed halfway then resumed. */
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentRecordSchema } from "../pipeline/schema.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "bin", "newsframes.js");

// Paragraphs of corpus/000_8a651a583932578d.txt, to make many small documents.
const PARAGRAPHS = readFileSync(join(ROOT, "corpus", "000_8a651a583932578d.txt"), "utf8")
  .split(/\n\s*\n/)
  .filter((p) => p.trim().length > 80);

function run(args: string[]) {
  const child = spawn(process.execPath, [CLI, "extract", ...args], { cwd: ROOT, env: { ...process.env, CI: "true" } });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

const scratch = () => mkdtempSync(join(tmpdir(), "newsframes-cli-"));
const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean);
const feed = (count: number, text: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ id: `doc${i}`, text: text(i) })).join("\n") + "\n";

describe("newsframes extract", () => {
  it("reports each bad input on one line naming file and line, writes the rest, and exits non-zero", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.txt"), "");
    writeFileSync(join(dir, "b.txt"), Buffer.from([0x41, 0x0a, 0x00, 0x02]));
    writeFileSync(join(dir, "c.txt"), Buffer.from([0x41, 0x0a, 0x42, 0x0a, 0xc3, 0x28]));
    writeFileSync(
      join(dir, "d.jsonl"),
      [JSON.stringify({ id: "d1", text: PARAGRAPHS[0] }), "{not json", JSON.stringify({ id: "d3" }), JSON.stringify({ id: "d4", text: PARAGRAPHS[1] })].join("\n"),
    );
    writeFileSync(join(dir, "e.txt"), PARAGRAPHS[2]!);
    const out = join(dir, "out.jsonl");
    const errors = join(dir, "errors.jsonl");
    const { code, stderr } = await run([dir, "--out", out, "--errors", errors]).done;
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      `newsframes: ${dir}/a.txt: empty file`,
      `newsframes: ${dir}/b.txt:2: binary data (NUL byte), not text`,
      `newsframes: ${dir}/c.txt:3: invalid UTF-8`,
      expect.stringMatching(new RegExp(`^newsframes: ${dir}/d\\.jsonl:2: malformed JSON: `)),
      `newsframes: ${dir}/d.jsonl:3: missing "text" field (a string)`,
      "newsframes: 8 read, 3 written, 5 failed",
    ]);
    expect(lines(out).map((l) => JSON.parse(l).id)).toEqual(["d1", "d4", "e"]);
    expect(lines(errors).map((l) => JSON.parse(l))).toContainEqual({
      id: "d3",
      origin: `${dir}/d.jsonl:3`,
      stage: "input",
      message: 'missing "text" field (a string)',
    });
  });

  it("writes every other document when one is too large", async () => {
    const dir = scratch();
    const input = join(dir, "feed.jsonl");
    writeFileSync(input, feed(60, (i) => (i === 31 ? PARAGRAPHS.join("\n\n") : PARAGRAPHS[i % PARAGRAPHS.length]!)));
    const out = join(dir, "out.jsonl");
    const errors = join(dir, "errors.jsonl");
    const { code, stderr } = await run([input, "--out", out, "--errors", errors, "--max-bytes", "2000"]).done;
    expect(code).toBe(1);
    expect(stderr).toContain("60 read, 59 written, 1 failed");
    const ids = lines(out).map((l) => JSON.parse(l).id);
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => `doc${i}`).filter((id) => id !== "doc31"));
    expect(lines(errors).map((l) => JSON.parse(l))).toEqual([
      { id: null, origin: `${input}:32`, stage: "input", message: expect.stringMatching(/^too large: \d+ bytes, over the limit of 2000/) },
    ]);
  });

  it("resumes a run killed halfway: every document exactly once, every line a valid record", async () => {
    const dir = scratch();
    const input = join(dir, "feed.jsonl");
    const total = 400;
    writeFileSync(input, feed(total, (i) => `${PARAGRAPHS[i % PARAGRAPHS.length]}\n\n${PARAGRAPHS[(i + 1) % PARAGRAPHS.length]}`));
    const out = join(dir, "out.jsonl");

    const first = run([input, "--out", out, "--workers", "2"]);
    // Kill it once some records are on disk.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        let size = 0;
        try {
          size = statSync(out).size;
        } catch {}
        if (size > 20_000) {
          clearInterval(poll);
          first.child.kill("SIGKILL");
          resolve();
        }
      }, 10);
      first.child.on("close", () => reject(new Error("the run finished before it could be killed")));
    });
    await first.done;
    const before = lines(out).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(total);
    // A torn last write, as a kill in the middle of one would leave.
    appendFileSync(out, '{"id":"doc999","published":nu');

    const resumed = await run([input, "--out", out, "--resume"]).done;
    expect(resumed.code).toBe(0);
    const records = lines(out).map((l) => JSON.parse(l));
    for (const record of records) expect(DocumentRecordSchema.safeParse(record).success).toBe(true);
    expect(records.map((r) => r.id).sort()).toEqual(Array.from({ length: total }, (_, i) => `doc${i}`).sort());
    expect(resumed.stderr).toMatch(new RegExp(`${total} read, \\d+ written, 0 failed, \\d+ skipped`));
  });
});
