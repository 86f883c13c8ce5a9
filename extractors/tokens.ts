/**
 * Stage 2: tokens and sentences with wink-nlp. wink's tokenization is
 * lossless (preceding whitespace + token values rebuild the text), so offsets
 * are running sums. Sentences are wink's, further split at line breaks and at
 * excluded regions, since news pages put headlines, list items and captions
 * on lines of their own without final punctuation.
 *
 * wink reads the text in chunks of whole lines: its cost grows faster than
 * linearly on long unbroken text, and chunks keep it linear and memory flat.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Doc, Sentence, Token } from "../pipeline/document.ts";
import { isExcluded } from "../pipeline/document.ts";

// Sentence boundaries only: no later stage reads wink's POS tags, and tagging would cost 70% more.
const nlp = winkNLP(model, ["sbd"]);
const its = nlp.its;

/** Target chunk length in UTF-16 units; a single longer line is cut at white space. */
export const CHUNK_LENGTH = 8000;

/** [start, end) ranges covering `text`, each ending at a line break where possible. */
export function chunkRanges(text: string, limit = CHUNK_LENGTH): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + limit, text.length);
    if (end < text.length) {
      const lineBreak = text.lastIndexOf("\n", end);
      const space = text.lastIndexOf(" ", end);
      if (lineBreak > start) end = lineBreak + 1;
      else if (space > start) end = space + 1;
      else if (/[\uDC00-\uDFFF]/.test(text[end]!)) end--; // never split a surrogate pair
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

export function tokenize(doc: Doc): Doc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let open: Sentence | null = null;
  const close = () => {
    if (open) sentences.push(open);
    open = null;
  };

  for (const [chunkStart, chunkEnd] of chunkRanges(doc.text)) {
    const wink = nlp.readDoc(doc.text.slice(chunkStart, chunkEnd));
    const values = wink.tokens().out(its.value) as string[];
    const spaces = wink.tokens().out(its.precedingSpaces) as string[];
    const winkSentenceOf = new Int32Array(values.length);
    (wink.sentences().out(its.span) as [number, number][]).forEach(([first, last], index) => {
      winkSentenceOf.fill(index, first, last + 1);
    });
    // A sentence never runs across chunks.
    close();
    let previousWinkSentence = -1;
    let offset = chunkStart;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      offset += spaces[i]!.length;
      const start = offset;
      const end = start + value.length;
      offset = end;
      const blank = value.trim() === "";
      const token: Token = { start, end, space: blank, sentence: -1 };
      if (blank || isExcluded(doc, start, end)) {
        if (value.includes("\n") || !blank) close();
      } else {
        if (open && (spaces[i]!.includes("\n") || winkSentenceOf[i] !== previousWinkSentence)) close();
        if (!open) open = { start, end, tokenStart: tokens.length, tokenEnd: tokens.length + 1 };
        open.end = end;
        open.tokenEnd = tokens.length + 1;
        token.sentence = sentences.length;
        previousWinkSentence = winkSentenceOf[i]!;
      }
      tokens.push(token);
    }
  }
  close();
  return { ...doc, tokens, sentences };
}
