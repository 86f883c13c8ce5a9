import { describe, expect, it } from "vitest";
import { chunksOf, chunksOfEntities, ConllFormatError, countUnaligned, emptyScores, iob1ToBio, parseConll, prf, rebuildText, scoreSentence, total } from "./conll.ts";

// Two sentences of corpus article 003 written as CoNLL-2003 would tag them (IOB1; hyphen compounds are one token, tagged MISC).
const SAMPLE = `-DOCSTART- -X- O O

Since IN I-PP O
the DT I-NP O
US-led JJ I-NP I-MISC
invasion NN I-NP O
of IN I-PP O
Afghanistan NNP I-NP I-LOC
in IN I-PP O
2001 CD I-NP O
, , O O
the DT I-NP O
IMU NNP I-NP I-ORG
has VBZ I-VP O
been VBN I-VP O
on IN I-PP O
the DT I-NP O
back JJ I-NP O
foot NN I-NP O
. . O O

Tahir NNP I-NP I-PER
Yuldashev NNP I-NP I-PER
Juma NNP I-NP B-PER
Namangani NNP I-NP I-PER
`;

describe("parseConll", () => {
  const [document] = parseConll(SAMPLE, "sample");

  it("reads documents and sentences with their line numbers", () => {
    expect(document!.sentences.map((s) => s.words.length)).toEqual([18, 4]);
    expect(document!.sentences[1]!.line).toBe(22);
  });

  it("converts IOB1 to BIO, starting a new name only where B- says so", () => {
    expect(iob1ToBio(["I-PER", "I-PER", "B-PER", "I-PER", "O", "I-LOC"])).toEqual(["B-PER", "I-PER", "B-PER", "I-PER", "O", "B-LOC"]);
    expect(chunksOf(document!.sentences[1]!.labels)).toEqual([
      { start: 0, end: 2, type: "PER" },
      { start: 2, end: 4, type: "PER" },
    ]);
  });

  it("names the file and line of a bad tag", () => {
    expect(() => parseConll("Kabul NNP I-NP I-GPE\n", "bad.conll")).toThrow(ConllFormatError);
    expect(() => parseConll("Kabul NNP I-NP I-GPE\n", "bad.conll")).toThrow("bad.conll:1");
  });
});

describe("mapping predicted entities back to CoNLL tokens", () => {
  const [document] = parseConll(SAMPLE, "sample");
  const rebuilt = rebuildText(document!);

  it("rebuilds the text with one sentence a line and exact token offsets", () => {
    expect(rebuilt.text.split("\n")[0]).toBe("Since the US-led invasion of Afghanistan in 2001 , the IMU has been on the back foot .");
    const [start, end] = rebuilt.offsets[0]![5]!;
    expect(rebuilt.text.slice(start, end)).toBe("Afghanistan");
  });

  it("gives a mention inside a token the whole token, and scores strictly", () => {
    const at = (word: string) => rebuilt.text.indexOf(word);
    const predicted = chunksOfEntities(rebuilt, [
      { start: at("US-led"), end: at("US-led") + 2, type: "GPE" },
      { start: at("Afghanistan"), end: at("Afghanistan") + 11, type: "GPE" },
      { start: at("IMU"), end: at("IMU") + 3, type: "ORG" },
      { start: at("Tahir"), end: at("Yuldashev") + 9, type: "PERSON" },
    ]);
    expect(predicted[0]).toEqual([
      { start: 2, end: 3, type: "LOC" },
      { start: 5, end: 6, type: "LOC" },
      { start: 10, end: 11, type: "ORG" },
    ]);
    const scores = emptyScores();
    document!.sentences.forEach((sentence, s) => scoreSentence(scores, chunksOf(sentence.labels), predicted[s]!));
    expect(scores.get("LOC")).toEqual({ gold: 1, predicted: 2, correct: 1 });
    expect(scores.get("MISC")).toEqual({ gold: 1, predicted: 0, correct: 0 });
    expect(scores.get("PER")).toEqual({ gold: 2, predicted: 1, correct: 1 });
    expect(prf(total(scores, ["PER", "ORG", "LOC"])).precision).toBeCloseTo(3 / 4);
    expect(countUnaligned(rebuilt, [{ start: at("US-led"), end: at("US-led") + 2 }, { start: at("IMU"), end: at("IMU") + 3 }])).toBe(1);
  });
});
