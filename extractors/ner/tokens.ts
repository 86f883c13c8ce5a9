/**
 * The tagger's tokens: wink-nlp's tokens of each sentence, re-joined and
 * re-split to follow CoNLL-2003's tokenization, which the model was trained
 * on: hyphen and slash compounds stay one token ("al-Baghdadi",
 * "Tehrik-i-Taliban", "RFE/RL"), except that a name is cut off a lowercase
 * word it is attached to ("US-led" -> "US" "-" "led", "pro-ISIL" -> "pro" "-" "ISIL"),
 * as the guidelines annotate the name alone.
 */
import type { Doc } from "../../pipeline/document.ts";

export interface TaggerToken {
  start: number;
  end: number;
  text: string;
}

const CONNECTORS = new Set(["-", "/"]);
/** Lowercase prefixes that attach to names without being part of them. */
const NAME_PREFIXES = new Set(["pro", "anti", "post", "pre", "neo", "non", "ex", "mid", "un", "ultra", "quasi", "semi", "trans", "inter", "cross", "all", "intra", "pan"]);
const LOWERCASE_WORD = /^\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;

function token(doc: Doc, start: number, end: number): TaggerToken {
  return { start, end, text: doc.text.slice(start, end) };
}

const HYPHEN = 45;
const SLASH = 47;

/** A token cut at the hyphens and slashes inside it (wink keeps some compounds whole: "pro-ISIL"). */
function connectorParts(doc: Doc, start: number, end: number): TaggerToken[] {
  const parts: TaggerToken[] = [];
  let partStart = start;
  for (let i = start + 1; i < end - 1; i++) {
    const code = doc.text.charCodeAt(i);
    if (code !== HYPHEN && code !== SLASH) continue;
    if (i > partStart) parts.push(token(doc, partStart, i));
    parts.push(token(doc, i, i + 1));
    partStart = i + 1;
  }
  parts.push(token(doc, partStart, end));
  return parts;
}

/** Cuts a hyphen compound into the name and the lowercase word attached to it, when there is one. */
function splitCompound(doc: Doc, parts: TaggerToken[]): TaggerToken[] {
  if (parts.length === 1) return parts;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length >= 3 && parts[1]!.text === "-" && NAME_PREFIXES.has(first.text) && STARTS_UPPER.test(parts[2]!.text))
    return [first, parts[1]!, ...splitCompound(doc, parts.slice(2))];
  const beforeLast = parts[parts.length - 2];
  if (parts.length >= 3 && beforeLast!.text === "-" && LOWERCASE_WORD.test(last.text) && STARTS_UPPER.test(first.text))
    return [...splitCompound(doc, parts.slice(0, -2)), beforeLast!, last];
  return [token(doc, first.start, last.end)];
}

/** Whether the token [start, end) has a hyphen or slash inside it. */
function hasInnerConnector(doc: Doc, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) {
    const code = doc.text.charCodeAt(i);
    if (code === HYPHEN || code === SLASH) return true;
  }
  return false;
}

/** Moves the tokens of `group` (a run of tokens joined by connectors) to `out`, as tagger tokens, and empties it. */
function flushGroup(doc: Doc, group: TaggerToken[], out: TaggerToken[]) {
  // Most groups are one token: popped, as setting an array's length costs more.
  if (group.length <= 1) {
    if (group.length === 1) out.push(group.pop()!);
    return;
  }
  // A connector at either end of a group is not part of the compound.
  const trailing: TaggerToken[] = [];
  while (group.length && CONNECTORS.has(group[group.length - 1]!.text)) trailing.unshift(group.pop()!);
  while (group.length && CONNECTORS.has(group[0]!.text)) out.push(group.shift()!);
  if (group.length) out.push(...splitCompound(doc, group));
  out.push(...trailing);
  group.length = 0;
}

/** Adds `current` to `group`, flushing the group first unless a connector joins them. */
function addToGroup(doc: Doc, group: TaggerToken[], out: TaggerToken[], current: TaggerToken) {
  const previous = group[group.length - 1];
  const joins =
    previous !== undefined &&
    previous.end === current.start &&
    (CONNECTORS.has(current.text) ? WORDLIKE.test(previous.text) : CONNECTORS.has(previous.text) && WORDLIKE.test(current.text));
  if (!joins) flushGroup(doc, group, out);
  group.push(current);
}

/** The tagger tokens of each sentence of `doc`. */
export function taggerSentences(doc: Doc): TaggerToken[][] {
  const sentences: TaggerToken[][] = [];
  const group: TaggerToken[] = [];
  for (const sentence of doc.sentences) {
    const out: TaggerToken[] = [];
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      if (t.space || t.start === t.end) continue;
      if (hasInnerConnector(doc, t.start, t.end)) for (const part of connectorParts(doc, t.start, t.end)) addToGroup(doc, group, out, part);
      else addToGroup(doc, group, out, token(doc, t.start, t.end));
    }
    flushGroup(doc, group, out);
    sentences.push(out);
  }
  return sentences;
}
