// Figures of the speed benchmark: medians, p95s and the ratios issue 6 sets targets for.
import { median, quantile } from './score.ts';
import type { PageSpeed, STEPS, ToggleSample } from './speed-run.ts';
import { table } from './table.ts';

export interface Stat {
  n: number;
  median: number;
  p95: number;
}

export function stat(values: readonly number[]): Stat {
  return { n: values.length, median: round(median(values)), p95: round(quantile(values, 0.95)) };
}

export const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

/** Issue 6's targets, as ratios. */
export const TARGETS = { firstMedian: 1.15, firstP95: 1.3, secondToFirst: 0.1 };

export interface SpeedSummary {
  pages: number;
  /** Pages where the floor found an article and our view opened: the figures below are over these. */
  measured: number;
  refused: Record<string, number>;
  errors: number;
  floorMs: Stat;
  firstMs: Stat;
  secondMs: Stat;
  firstSteps: Record<string, Stat>;
  secondSteps: Record<string, Stat>;
  ratios: {
    /** median(first) / median(floor), and the same for p95: the issue's figures. */
    firstToFloorMedian: number;
    firstToFloorP95: number;
    /** Median and p95 over pages of first / floor on the same page. */
    perPageFirstToFloor: Stat;
    secondToFirstMedian: number;
    perPageSecondToFirst: Stat;
  };
}

export function summarize(results: readonly PageSpeed[], steps: typeof STEPS): SpeedSummary {
  const ok = results.filter(
    (r): r is PageSpeed & { first: ToggleSample; second: ToggleSample } =>
      !r.error && r.floor?.found === true && r.first !== null && r.second !== null,
  );
  const refused: Record<string, number> = {};
  for (const r of results) if (r.refused) refused[r.refused] = (refused[r.refused] ?? 0) + 1;
  const stepStats = (pick: (r: (typeof ok)[number]) => ToggleSample) =>
    Object.fromEntries(steps.map((s) => [s, stat(ok.map((r) => pick(r)[s]))]));
  const floor = stat(ok.map((r) => r.floor!.ms));
  const first = stat(ok.map((r) => r.first.total));
  const second = stat(ok.map((r) => r.second.total));
  return {
    pages: results.length,
    measured: ok.length,
    refused,
    errors: results.filter((r) => r.error).length,
    floorMs: floor,
    firstMs: first,
    secondMs: second,
    firstSteps: stepStats((r) => r.first),
    secondSteps: stepStats((r) => r.second),
    ratios: {
      firstToFloorMedian: round(first.median / floor.median),
      firstToFloorP95: round(first.p95 / floor.p95),
      perPageFirstToFloor: stat(ok.map((r) => r.first.total / r.floor!.ms)),
      secondToFirstMedian: round(second.median / first.median),
      perPageSecondToFirst: stat(ok.map((r) => r.second.total / r.first.total)),
    },
  };
}

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const verdict = (value: number, target: number) =>
  `${f(value)} (target ≤ ${target}${value <= target ? ', met' : ', NOT met'})`;

export function printSummary(s: SpeedSummary): string {
  const refused = Object.entries(s.refused)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `${s.pages} pages, ${s.measured} measured (floor found an article and the view opened)` +
      `${refused ? `; refused: ${refused}` : ''}; errors: ${s.errors}`,
    '',
    table(
      ['ms', 'median', 'p95'],
      [
        ['Readability parse alone (floor)', f(s.floorMs.median), f(s.floorMs.p95)],
        ['first toggle → painted', f(s.firstMs.median), f(s.firstMs.p95)],
        ['second toggle → painted (off, on)', f(s.secondMs.median), f(s.secondMs.p95)],
      ],
    ),
    '',
    table(
      ['step (ms)', 'first p50', 'first p95', 'second p50', 'second p95'],
      Object.keys(s.firstSteps).map((k) => [
        k,
        f(s.firstSteps[k]!.median),
        f(s.firstSteps[k]!.p95),
        f(s.secondSteps[k]!.median),
        f(s.secondSteps[k]!.p95),
      ]),
    ),
    '',
    `first / floor, median: ${verdict(s.ratios.firstToFloorMedian, TARGETS.firstMedian)}`,
    `first / floor, p95:    ${verdict(s.ratios.firstToFloorP95, TARGETS.firstP95)}`,
    `second / first, median: ${verdict(s.ratios.secondToFirstMedian, TARGETS.secondToFirst)}`,
    `per page: first/floor median ${f(s.ratios.perPageFirstToFloor.median)} p95 ${f(s.ratios.perPageFirstToFloor.p95)}; ` +
      `second/first median ${f(s.ratios.perPageSecondToFirst.median)} p95 ${f(s.ratios.perPageSecondToFirst.p95)}`,
  ];
  return lines.join('\n');
}
