/**
 * Stage 2: tokens and sentences with wink-nlp. wink's tokenization is
 * lossless (preceding whitespace + token values rebuild the text), so offsets
 * are running sums. Sentences are wink's, further split at line breaks and at
 * excluded regions, since news pages put headlines, list items and captions
 * on lines of their own without final punctuation.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Doc, Sentence, Token } from "../pipeline/document.ts";
import { isExcluded } from "../pipeline/document.ts";

// Sentence boundaries only: no later stage reads wink's POS tags, and tagging would cost 70% more.
const nlp = winkNLP(model, ["sbd"]);
const its = nlp.its;

export function tokenize(doc: Doc): Doc {
  const wink = nlp.readDoc(doc.text);
  const values = wink.tokens().out(its.value) as string[];
  const spaces = wink.tokens().out(its.precedingSpaces) as string[];
  const winkSentenceOf = new Int32Array(values.length);
  (wink.sentences().out(its.span) as [number, number][]).forEach(([first, last], index) => {
    winkSentenceOf.fill(index, first, last + 1);
  });

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  let open: Sentence | null = null;
  let previousWinkSentence = -1;
  const close = () => {
    if (open) sentences.push(open);
    open = null;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset += spaces[i]!.length;
    const start = offset;
    const end = start + value.length;
    offset = end;
    const blank = value.trim() === "";
    const token: Token = { start, end, space: blank, sentence: -1 };
    const lineBreakBefore = spaces[i]!.includes("\n");
    if (blank || isExcluded(doc, start, end)) {
      if (value.includes("\n") || !blank) close();
    } else {
      if (open && (lineBreakBefore || winkSentenceOf[i] !== previousWinkSentence)) close();
      if (!open) open = { start, end, tokenStart: tokens.length, tokenEnd: tokens.length + 1 };
      open.end = end;
      open.tokenEnd = tokens.length + 1;
      token.sentence = sentences.length;
      previousWinkSentence = winkSentenceOf[i]!;
    }
    tokens.push(token);
  }
  close();
  return { ...doc, tokens, sentences };
}
