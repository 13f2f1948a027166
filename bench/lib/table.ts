// Plain-text tables for the terminal.
import type { Loss, RuleStat, Separation, Summary } from './report.ts';

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // First column left-aligned (names), the rest right-aligned (numbers).
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');

export function summaryTable(rows: [string, Summary][]): string {
  return table(
    ['extractor', 'P', 'R', 'F1', 'with↑', 'without↓', 'empty', 'errors', 'ms p50', 'ms p95'],
    rows.map(([name, s]) => [
      name,
      f3(s.precision),
      f3(s.recall),
      f3(s.f1),
      pct(s.with),
      pct(s.without),
      s.empty,
      s.errors,
      ms(s.msMedian),
      ms(s.msP95),
    ]),
  );
}

export function rulesTable(rules: RuleStat[]): string {
  if (rules.length === 0) return '(no rule fired)';
  return table(
    ['rule', 'group', 'pages', 'article pages', 'removals', 'suspect'],
    rules.map((r) => [r.rule, r.group, r.pages, r.articlePages, r.removals, r.suspect]),
  );
}

export function lossesTable(losses: Loss[]): string {
  if (losses.length === 0) return '(ours is never behind the best peer)';
  return table(
    ['id', 'type', 'our F1', 'best peer F1', 'peer', 'gap'],
    losses.map((l) => [l.id, l.type, f3(l.ours), f3(l.best), l.bestPeer, f3(l.best - l.ours)]),
  );
}

export function separationTable(rows: [string, Separation][]): string {
  return table(
    ['verdict', 'precision', 'recall', 'TP', 'FP', 'FN', 'TN', 'unknown'],
    rows.map(([name, s]) => [
      name,
      f3(s.precision),
      f3(s.recall),
      s.truePositive,
      s.falsePositive,
      s.falseNegative,
      s.trueNegative,
      s.unknown,
    ]),
  );
}
