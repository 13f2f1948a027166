// Defuddle's fixtures (../shared/corpus/defuddle): our engine's text against Defuddle's own output
// for each page (expected/<name>.md), by WCXB's word metric. Many fixtures are clutter cases
// (share widgets, trailing sign-ups, related posts, consent banners), so this is where clutter we
// keep and Defuddle drops shows (precision), and content Defuddle keeps and we lose (recall). The
// expected output is Defuddle's, not independent truth: a low figure is a page to look at.
//
//   npm run bench:defuddle -- [--corpus ../shared/corpus/defuddle] [--out FILE] [--threshold 0.9]
//                             [--tabs 2] [--timeout 30000] [--engine FILE]

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { extractOnTab, loadScripts } from '../scripts/lib/extract-page.ts';
import { localUrl, readHtml } from '../scripts/lib/page-source.ts';
import { runPool } from '../scripts/lib/pool.ts';
import { markdownText } from './lib/markdown-text.ts';
import { mean, median, missingTokens, wordPrf } from './lib/score.ts';
import { table } from './lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus/defuddle') },
    out: { type: 'string', default: resolve(ROOT, 'bench-results/defuddle.json') },
    threshold: { type: 'string', default: '0.9' },
    tabs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
    engine: { type: 'string' },
  },
});

interface Fixture {
  id: string;
  html: string;
  md: string;
}

interface FixtureResult {
  id: string;
  /** The part of the name before "--": what kind of page or problem the fixture is about. */
  category: string;
  precision: number;
  recall: number;
  f1: number;
  /** Words of Defuddle's output we lack, and words we keep that it does not. */
  missing: string[];
  extra: string[];
  empty: boolean;
  removed: number;
  error?: string;
}

async function main(): Promise<void> {
  const corpus = resolve(values.corpus);
  const threshold = Number(values.threshold);
  const timeoutMs = Number(values.timeout);
  const fixtures: Fixture[] = (await readdir(join(corpus, 'fixtures')))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html$/, '');
      return { id, html: join(corpus, 'fixtures', f), md: join(corpus, 'expected', `${id}.md`) };
    });
  const scripts = await loadScripts(values.engine);
  const started = Date.now();
  const browser = await launchChromium();
  let results: FixtureResult[];
  try {
    results = await runPool(
      browser,
      fixtures,
      async (tab, fixture) => {
        const [body, md] = await Promise.all([readHtml(fixture.html), readFile(fixture.md, 'utf8')]);
        const run = await extractOnTab(tab, { body, url: localUrl(fixture.html) }, scripts, timeoutMs);
        const ours = run.article?.text ?? '';
        const expected = markdownText(md);
        const result: FixtureResult = {
          id: fixture.id,
          category: fixture.id.split('--')[0] ?? fixture.id,
          ...wordPrf(ours, expected),
          missing: missingTokens(ours, expected, 12),
          extra: missingTokens(expected, ours, 12),
          empty: !run.article,
          removed: run.article?.removed.length ?? 0,
        };
        if (run.error) result.error = run.error;
        return result;
      },
      (fixture, error) => ({
        id: fixture.id,
        category: fixture.id.split('--')[0] ?? fixture.id,
        precision: 0,
        recall: 0,
        f1: 0,
        missing: [],
        extra: [],
        empty: true,
        removed: 0,
        error: error.message,
      }),
      { tabs: Number(values.tabs), timeoutMs: timeoutMs + 5000, label: 'defuddle' },
    );
  } finally {
    await browser.close();
  }
  const wallMs = Date.now() - started;

  const of = (k: 'precision' | 'recall' | 'f1') => results.map((r) => r[k]);
  const summary = {
    pages: results.length,
    precision: { mean: mean(of('precision')), median: median(of('precision')) },
    recall: { mean: mean(of('recall')), median: median(of('recall')) },
    f1: { mean: mean(of('f1')), median: median(of('f1')) },
    empty: results.filter((r) => r.empty).length,
    errors: results.filter((r) => r.error).length,
  };
  const lowRecall = results.filter((r) => r.recall < threshold).sort((a, b) => a.recall - b.recall);
  const lowPrecision = results
    .filter((r) => r.precision < threshold && r.recall >= threshold)
    .sort((a, b) => a.precision - b.precision);
  const out = resolve(values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(
    out,
    `${JSON.stringify({ corpus, engineSha: scripts.engineSha, date: new Date().toISOString(), wallMs, summary, pages: results }, null, 1)}\n`,
  );
  const f = (n: number) => n.toFixed(3);
  console.log(
    [
      `Defuddle fixtures ${corpus}: ${results.length} pages, wall ${(wallMs / 1000).toFixed(0)} s, engine ${scripts.engineSha}`,
      `our text vs Defuddle's output (mean / median): precision ${f(summary.precision.mean)} / ${f(summary.precision.median)},` +
        ` recall ${f(summary.recall.mean)} / ${f(summary.recall.median)}, F1 ${f(summary.f1.mean)} / ${f(summary.f1.median)}`,
      `no article: ${summary.empty}, errors: ${summary.errors}`,
      '',
      `Recall below ${threshold}: words of Defuddle's output we do not have (${lowRecall.length})`,
      table(
        ['page', 'recall', 'precision', 'missing words'],
        lowRecall.map((r) => [r.id, f(r.recall), f(r.precision), r.error ?? r.missing.slice(0, 8).join(' ')]),
      ),
      '',
      `Precision below ${threshold} (recall fine): words we keep that Defuddle drops (${lowPrecision.length})`,
      table(
        ['page', 'precision', 'extra words'],
        lowPrecision.map((r) => [r.id, f(r.precision), r.extra.slice(0, 8).join(' ')]),
      ),
      `wrote ${out}`,
    ].join('\n'),
  );
}

await main();
