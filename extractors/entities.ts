/**
 * Stage: named entities (PERSON, ORG, GPE, LOC, FAC, NORP). An averaged
 * perceptron trained on CoNLL-2003 (models/ner.model.gz, see
 * scripts/train-ner.ts) tags each sentence's tokens (ner/tokens.ts) with
 * PER/ORG/LOC/MISC, reading title-case headlines with their ordinary words
 * lowercased; ner/ontonotes.ts turns the tagged spans into the contract's
 * types and spans, then gives each name one type per document.
 * Canonical names start as the mention's text; the aliases stage unifies them.
 */
import type { Doc } from "../pipeline/document.ts";
import { span } from "../pipeline/document.ts";
import type { Entity } from "../pipeline/schema.ts";
import { spansOfLabels } from "./ner/labels.ts";
import { LinearModel } from "./ner/model.ts";
import { harmonizeTypes, joinQualifiedOrganisations, sentenceMentions, type Mention } from "./ner/ontonotes.ts";
import { isCapsSentence, truecaseHeadlines } from "./ner/features.ts";
import { FastTagger } from "./ner/tagger.ts";
import { taggerSentences, type TaggerToken } from "./ner/tokens.ts";

const TAGGER = new FastTagger(LinearModel.load());

function tokenTexts(tokens: readonly TaggerToken[]): string[] {
  const texts: string[] = [];
  for (const token of tokens) texts.push(token.text);
  return texts;
}

export function recognizeEntities(doc: Doc): Doc {
  const sentences = taggerSentences(doc);
  const words = sentences.map(tokenTexts);
  const labels = TAGGER.tag(truecaseHeadlines(words));
  const mentions: Mention[] = [];
  for (let s = 0; s < sentences.length; s++)
    for (const mention of sentenceMentions(sentences[s]!, spansOfLabels(labels[s]!), isCapsSentence(words[s]!))) mentions.push(mention);
  const entities: Entity[] = harmonizeTypes(joinQualifiedOrganisations(mentions, doc.text), doc.text).map((mention) => {
    const { start, end, text } = span(doc, mention.start, mention.end);
    return { start, end, text, type: mention.type, canonical: text };
  });
  return { ...doc, entities: [...doc.entities, ...entities] };
}
