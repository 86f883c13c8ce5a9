/**
 * Records index text in UTF-16 code units (JavaScript string indices); brat,
 * Label Studio and doccano count Unicode code points (Python string indices).
 * The two differ only after a character outside the Basic Multilingual Plane
 * (emoji, some CJK), so texts without one map to themselves.
 */

export interface OffsetMap {
  /** Code point index of a UTF-16 offset. */
  toCodePoints(offset: number): number;
  /** UTF-16 offset of a code point index. */
  fromCodePoints(index: number): number;
}

const IDENTITY: OffsetMap = { toCodePoints: (offset) => offset, fromCodePoints: (index) => index };

export function offsetMap(text: string): OffsetMap {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return IDENTITY;
  // utf16Of[i] is the UTF-16 offset of code point i; codePointOf[o] the code point at UTF-16 offset o.
  const utf16Of: number[] = [];
  const codePointOf = new Array<number>(text.length + 1);
  let offset = 0;
  for (const char of text) {
    codePointOf[offset] = utf16Of.length;
    if (char.length === 2) codePointOf[offset + 1] = utf16Of.length;
    utf16Of.push(offset);
    offset += char.length;
  }
  codePointOf[offset] = utf16Of.length;
  utf16Of.push(offset);
  return {
    toCodePoints: (o) => {
      const index = codePointOf[o];
      if (index === undefined) throw new RangeError(`offset ${o} is outside the text (length ${text.length})`);
      return index;
    },
    fromCodePoints: (i) => {
      const o = utf16Of[i];
      if (o === undefined) throw new RangeError(`code point index ${i} is outside the text (${utf16Of.length - 1} code points)`);
      return o;
    },
  };
}
