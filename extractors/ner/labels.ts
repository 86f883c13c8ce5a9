/** The tagger's label set: CoNLL-2003 types in BIO (IOB2) encoding. */
export const NER_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerType = (typeof NER_TYPES)[number];

export const LABELS = ["O", ...NER_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])] as const;
export const OUTSIDE = 0;

/** Whether label `next` may follow label `previous` (I-X only continues B-X or I-X). */
function allowedAfter(previous: number, next: number): boolean {
  const label = LABELS[next]!;
  if (!label.startsWith("I-")) return true;
  return LABELS[previous]!.slice(2) === label.slice(2) && previous !== OUTSIDE;
}

/** Precomputed allowedAfter for the decoder's inner loop: ALLOWED[previous * LABELS.length + next]. */
export const ALLOWED: Uint8Array = Uint8Array.from(
  LABELS.flatMap((_, previous) => LABELS.map((_, next) => (allowedAfter(previous, next) ? 1 : 0))),
);

export interface LabelledSpan {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: NerType;
}

/** By label index: its entity type (undefined for O), and whether it continues a span (I-). */
const TYPE_OF_LABEL: readonly (NerType | undefined)[] = LABELS.map((label) => (label === "O" ? undefined : (label.slice(2) as NerType)));
const CONTINUES_SPAN: readonly boolean[] = LABELS.map((label) => label.startsWith("I-"));

/** The entity spans of a BIO label sequence (label indices). */
export function spansOfLabels(labels: ArrayLike<number>): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const type = TYPE_OF_LABEL[labels[i]!];
    const continues = CONTINUES_SPAN[labels[i]!]!;
    if (open && !(continues && type === open.type)) {
      spans.push(open);
      open = null;
    }
    // A B- label, or an I- label with no span open, starts one.
    if (type !== undefined && (!continues || !open)) open = { start: i, end: i + 1, type };
    else if (open) open.end = i + 1;
  }
  if (open) spans.push(open);
  return spans;
}
