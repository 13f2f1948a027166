// The WCXB metric as its evaluate.py computes it, kept pure so it can be unit-tested and reused by
// every benchmark. Two deliberate details: tokens follow Python's `\w+` on lower-cased text (letters,
// digits and underscore in any script, but not combining marks), and snippet matching collapses
// whitespace on both sides, as ../shared/corpus/README.md asks (evaluate.py itself does not).

/** Python's `\w` for str patterns: Unicode letters and numbers plus underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Σ min(count in a, count in b): the multiset intersection size. */
export function overlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [token, n] of small) sum += Math.min(n, large.get(token) ?? 0);
  return sum;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Word-level precision/recall/F1 of `predicted` against `reference`, with evaluate.py's edge cases. */
export function wordPrf(predicted: string, reference: string): Prf {
  const pred = tokenize(predicted);
  const ref = tokenize(reference);
  // An empty reference is perfectly matched only by an empty output.
  if (ref.length === 0) return pred.length === 0 ? prf(1, 1) : prf(0, 0);
  if (pred.length === 0) return prf(0, 0);
  const o = overlap(countTokens(pred), countTokens(ref));
  return prf(o / pred.length, o / ref.length);
}

function prf(precision: number, recall: number): Prf {
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Token recall only: the share of `reference` tokens (with multiplicity) that `predicted` keeps. */
export function tokenRecall(predicted: string, reference: string): number {
  const ref = tokenize(reference);
  if (ref.length === 0) return 1;
  return overlap(countTokens(tokenize(predicted)), countTokens(ref)) / ref.length;
}

/** Reference tokens the prediction lacks, most frequent first: a hint of what content was lost. */
export function missingTokens(predicted: string, reference: string, limit = 20): string[] {
  const have = countTokens(tokenize(predicted));
  const missing = new Map<string, number>();
  for (const [t, n] of countTokens(tokenize(reference))) {
    const lack = n - (have.get(t) ?? 0);
    if (lack > 0) missing.set(t, lack);
  }
  return [...missing]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([t]) => t);
}

export function normalizeForMatch(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Share of snippets found in `text` (case-insensitive substring, whitespace collapsed).
 * No snippets counts as 1, as in evaluate.py: for `without` that reads "all leaked", but it is the
 * same constant for every extractor, so comparisons stay fair and figures match WCXB's.
 */
export function snippetRate(text: string, snippets: readonly string[]): number {
  if (snippets.length === 0) return 1;
  const hay = normalizeForMatch(text);
  let found = 0;
  for (const s of snippets) if (hay.includes(normalizeForMatch(s))) found++;
  return found / snippets.length;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}
