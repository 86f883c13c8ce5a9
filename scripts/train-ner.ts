/**
 * Trains the NER tagger (averaged perceptron, greedy decoding) on a CoNLL-2003
 * file and writes models/ner.model.gz: the mean of --seeds models, each
 * trained on its own shuffles of the documents.
 * Usage: node --import tsx scripts/train-ner.ts TRAIN_FILE [--dev FILE] [--epochs N] [--seeds N] [--min W] [--out FILE]
 * Never pass a test split (eng.testb) here, not even as --dev.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chunksOf, emptyScores, formatScores, parseConll, scoreSentence, type ConllDocument } from "../pipeline/eval/conll.ts";
import { LABELS } from "../extractors/ner/labels.ts";
import { LinearModel, MODEL_URL, PerceptronTrainer } from "../extractors/ner/model.ts";
import { tagDocument } from "../extractors/ner/tagger.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dev: { type: "string" },
    epochs: { type: "string", default: "15" },
    min: { type: "string", default: "2" },
    out: { type: "string", default: MODEL_URL.pathname },
    seeds: { type: "string", default: "3" },
  },
});
const trainFile = positionals[0];
if (!trainFile || /testb/i.test(trainFile) || /testb/i.test(values.dev ?? "")) {
  console.error("usage: train-ner.ts TRAIN_FILE [--dev FILE] [--epochs N] [--min W] [--out FILE] (test splits are not allowed)");
  process.exit(2);
}

const load = (file: string) => parseConll(readFileSync(file, "utf8"), file);
const train = load(trainFile);
const dev = values.dev ? load(values.dev) : [];
const labelIndex = new Map<string, number>(LABELS.map((label, index) => [label, index]));

/** A small seeded generator (mulberry32), so runs repeat exactly. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function evaluate(model: LinearModel, documents: ConllDocument[]) {
  const scores = emptyScores();
  for (const document of documents) {
    const predicted = tagDocument(model, document.sentences.map((s) => s.words));
    document.sentences.forEach((sentence, s) => {
      scoreSentence(scores, chunksOf(sentence.labels), chunksOf(Array.from(predicted[s]!, (l) => LABELS[l]!)));
    });
  }
  return scores;
}

const minimum = Number(values.min);

function trainModel(seed: number): LinearModel {
  const trainer = new PerceptronTrainer();
  const next = random(seed);
  const order = train.slice();
  for (let epoch = 1; epoch <= Number(values.epochs); epoch++) {
    const started = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const document of order) {
      tagDocument(
        trainer,
        document.sentences.map((s) => s.words),
        (features, guess, s, i) => {
          const truth = labelIndex.get(document.sentences[s]!.labels[i]!)!;
          if (truth !== guess) mistakes++;
          trainer.learn(features, truth, guess);
        },
      );
    }
    console.error(`seed ${seed} epoch ${epoch}: ${mistakes} mistakes, ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const model = trainer.averaged(minimum);
  if (dev.length) console.error(`seed ${seed}:\n${formatScores(evaluate(model, dev))}`);
  return model;
}

const models = Array.from({ length: Number(values.seeds) }, (_, k) => trainModel(k + 1));
const model = models.length === 1 ? models[0]! : LinearModel.mean(models, minimum);
if (dev.length && models.length > 1) console.error(`mean of ${models.length}:\n${formatScores(evaluate(model, dev))}`);
const bytes = model.serialize();
writeFileSync(values.out!, bytes);
console.error(`wrote ${values.out}: ${model.size} features, ${(bytes.length / 1e6).toFixed(2)} MB`);
