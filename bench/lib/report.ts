// Turns per-page scores into the figures the quality benchmark prints and writes. Pure functions.
import { mean, normalizeForMatch, quantile, tokenize } from './score.ts';

export const EXTRACTORS = ['readability', 'defuddle', 'ours', 'ours-text'] as const;
export type Extractor = (typeof EXTRACTORS)[number];
/** `ours-text` scores the engine's own text field; the peers in the "lose most" list are these two. */
export const PEERS = ['readability', 'defuddle'] as const;

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  with: number;
  without: number;
  ms: number;
  empty: boolean;
  error?: string;
}

export interface PageResult {
  id: string;
  type: string;
  /** The page failed to load or the harness failed: every extractor scored on empty output. */
  error?: string;
  scores: Record<Extractor, Score>;
  removed: { rule: string; group: string; text: string }[];
  readable: boolean | null;
  readerable: boolean | null;
  mutatedBy: string[];
}

export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  with: number;
  without: number;
  empty: number;
  errors: number;
  msMedian: number;
  msP95: number;
}

export function summarize(pages: readonly PageResult[], extractor: Extractor): Summary {
  const s = pages.map((p) => p.scores[extractor]);
  const ms = s.filter((x) => !x.error).map((x) => x.ms);
  return {
    pages: s.length,
    precision: mean(s.map((x) => x.precision)),
    recall: mean(s.map((x) => x.recall)),
    f1: mean(s.map((x) => x.f1)),
    with: mean(s.map((x) => x.with)),
    without: mean(s.map((x) => x.without)),
    empty: s.filter((x) => x.empty).length,
    errors: s.filter((x) => x.error).length,
    msMedian: quantile(ms, 0.5),
    msP95: quantile(ms, 0.95),
  };
}

export interface RuleStat {
  rule: string;
  group: string;
  /** Pages where the rule removed at least one block. */
  pages: number;
  articlePages: number;
  removals: number;
  /** Removed blocks of 4+ words whose text is part of the page's ground-truth main content. */
  suspect: number;
  suspectSamples: { id: string; text: string }[];
}

/** Preview text without the trailing ellipsis the engine adds to cut previews. */
function previewCore(text: string): string {
  return normalizeForMatch(text.replace(/(…|\.\.\.)\s*$/u, ''));
}

export function ruleStats(pages: readonly PageResult[], mainContent: (id: string) => string): RuleStat[] {
  const stats = new Map<string, RuleStat>();
  for (const page of pages) {
    const content = normalizeForMatch(mainContent(page.id));
    const seen = new Set<string>();
    for (const r of page.removed) {
      let st = stats.get(r.rule);
      if (!st) {
        st = {
          rule: r.rule,
          group: r.group,
          pages: 0,
          articlePages: 0,
          removals: 0,
          suspect: 0,
          suspectSamples: [],
        };
        stats.set(r.rule, st);
      }
      st.removals++;
      if (!seen.has(r.rule)) {
        seen.add(r.rule);
        st.pages++;
        if (page.type === 'article') st.articlePages++;
      }
      const core = previewCore(r.text);
      if (tokenize(core).length >= 4 && content.includes(core)) {
        st.suspect++;
        if (st.suspectSamples.length < 5) st.suspectSamples.push({ id: page.id, text: r.text });
      }
    }
  }
  return [...stats.values()].sort((a, b) => b.pages - a.pages || a.rule.localeCompare(b.rule));
}

export interface Loss {
  id: string;
  type: string;
  ours: number;
  best: number;
  bestPeer: string;
}

export function worstLosses(pages: readonly PageResult[], limit = 20): Loss[] {
  return pages
    .map((p) => {
      const peer = PEERS.reduce((a, b) => (p.scores[b].f1 > p.scores[a].f1 ? b : a));
      return { id: p.id, type: p.type, ours: p.scores.ours.f1, best: p.scores[peer].f1, bestPeer: peer };
    })
    .filter((l) => l.best > l.ours)
    .sort((a, b) => b.best - b.ours - (a.best - a.ours) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export interface Separation {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
  unknown: number;
  precision: number;
  recall: number;
}

/** How well a readable/not verdict separates `article` pages from the other types. */
export function separation(
  pages: readonly PageResult[],
  verdict: (p: PageResult) => boolean | null,
): Separation {
  const s = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0, unknown: 0 };
  for (const p of pages) {
    const v = verdict(p);
    const article = p.type === 'article';
    if (v === null) s.unknown++;
    else if (v && article) s.truePositive++;
    else if (v) s.falsePositive++;
    else if (article) s.falseNegative++;
    else s.trueNegative++;
  }
  return {
    ...s,
    precision: s.truePositive / (s.truePositive + s.falsePositive || 1),
    recall: s.truePositive / (s.truePositive + s.falseNegative || 1),
  };
}
