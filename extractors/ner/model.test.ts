import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newDoc } from "../../pipeline/document.ts";
import { tokenize } from "../tokens.ts";
import { truecaseHeadlines } from "./features.ts";
import { LABELS } from "./labels.ts";
import { LinearModel, PerceptronTrainer } from "./model.ts";
import { FastTagger, tagDocument } from "./tagger.ts";
import { taggerSentences } from "./tokens.ts";

describe("the perceptron", () => {
  it("learns to tag names it has seen and survives serialization", () => {
    // Sentence of corpus article 002 with hand labels.
    const words = ["Ghazi", "swore", "allegiance", "to", "IS", "in", "Afghanistan"];
    const truth = ["B-PER", "O", "O", "O", "B-ORG", "O", "B-LOC"].map((label) => LABELS.indexOf(label as (typeof LABELS)[number]));
    const trainer = new PerceptronTrainer();
    for (let epoch = 0; epoch < 5; epoch++) tagDocument(trainer, [words], (features, guess, _s, i) => trainer.learn(features, truth[i]!, guess));
    const model = LinearModel.parse(trainer.averaged(1).serialize());
    expect(Array.from(tagDocument(model, [words])[0]!)).toEqual(truth);
  });
});

describe("LinearModel.mean", () => {
  it("averages weights feature by feature and drops those that round below the minimum", () => {
    const a = LinearModel.fromWeights(new Map([["l=ghazi", Float32Array.from([0, 10, 0, 0, 0, 0, 0, 0, 0])], ["l=said", Float32Array.from([2, 0, 0, 0, 0, 0, 0, 0, 0])]]));
    const b = LinearModel.fromWeights(new Map([["l=ghazi", Float32Array.from([0, 20, 0, -4, 0, 0, 0, 0, 0])]]));
    const mean = LinearModel.mean([a, b], 2);
    expect(Array.from(mean.weightsOf("l=ghazi")!)).toEqual([0, 15, 0, -2, 0, 0, 0, 0, 0]);
    expect(mean.weightsOf("l=said")).toBeUndefined();
  });
});

describe("the shipped model", () => {
  it("loads and tags a corpus sentence (000)", () => {
    const model = LinearModel.load();
    const words = "Hanif Atmar , National Security Adviser to President Ashraf Ghani commented on such act".split(" ");
    const labels = Array.from(tagDocument(model, [words])[0]!, (label) => LABELS[label]);
    expect(labels.slice(0, 2)).toEqual(["B-PER", "I-PER"]);
    expect(labels.slice(7, 10)).toEqual(["O", "B-PER", "I-PER"]);
  });
});

describe("the fast tagger", () => {
  const model = LinearModel.load();
  const corpus = new URL("../../corpus/", import.meta.url);
  const articles = readdirSync(corpus).filter((name) => name.endsWith(".txt"));

  it("gives the same labels as scoring feature strings, on every corpus article as the entities stage reads it", () => {
    const fast = new FastTagger(model);
    let names = 0;
    for (const article of articles) {
      const text = readFileSync(new URL(article, corpus), "utf8");
      const words = truecaseHeadlines(taggerSentences(tokenize(newDoc({ id: article, text }))).map((tokens) => tokens.map((t) => t.text)));
      const slow = tagDocument(model, words).map((labels) => Array.from(labels));
      expect(fast.tag(words).map((labels) => Array.from(labels)), article).toEqual(slow);
      names += slow.flat().filter((label) => label !== 0).length;
    }
    expect(articles.length).toBeGreaterThanOrEqual(5);
    expect(names).toBeGreaterThan(500);
  });

  it("gives the same labels when its caches are already filled by other documents (001 after 000)", () => {
    const fast = new FastTagger(model);
    const [first, second] = articles.map((article) => readFileSync(new URL(article, corpus), "utf8").split("\n").map((line) => line.split(/\s+|(?=[,.’"“”])/).filter(Boolean)).filter((words) => words.length));
    fast.tag(first!);
    expect(fast.tag(second!).map((labels) => Array.from(labels))).toEqual(tagDocument(model, second!).map((labels) => Array.from(labels)));
  });
});
