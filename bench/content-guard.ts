// Content guard: on Mozilla Readability's own test pages, how much of Readability's reviewed output
// (expected.html) our engine keeps. We may drop clutter Readability keeps, never article paragraphs.
//
//   npm run bench:guard -- [--corpus ../shared/corpus/readability] [--out FILE] [--threshold 0.95]
//                          [--url http://fakehost/test/] [--tabs 2] [--timeout 30000] [--engine FILE]

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { loadScripts } from '../scripts/lib/extract-page.ts';
import { readHtml } from '../scripts/lib/page-source.ts';
import { runPool } from '../scripts/lib/pool.ts';
import { extractOnScripts } from './lib/guard-page.ts';
import { mean, median, missingTokens, tokenRecall, wordPrf } from './lib/score.ts';
import { table } from './lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus/readability') },
    out: { type: 'string', default: resolve(ROOT, 'bench-results/guard.json') },
    threshold: { type: 'string', default: '0.95' },
    // Readability's own tests load every page at this address.
    url: { type: 'string', default: 'http://fakehost/test/' },
    tabs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
    engine: { type: 'string' },
  },
});

interface GuardPage {
  id: string;
  dir: string;
}

interface GuardResult {
  id: string;
  /** Share of expected.html's tokens our article keeps (text of our html, same serializer). */
  recall: number;
  /** Same, on the engine's own text field. */
  recallEngineText: number;
  /** Share of our tokens that expected.html has: below 1 means we kept more than Readability. */
  precision: number;
  missing: string[];
  readable: boolean | null;
  expectedReaderable: boolean | null;
  empty: boolean;
  ms: number;
  error?: string;
}

async function main(): Promise<void> {
  const corpus = resolve(values.corpus);
  const threshold = Number(values.threshold);
  const timeoutMs = Number(values.timeout);
  const pages: GuardPage[] = (await readdir(corpus, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(join(corpus, d.name, 'source.html')))
    .map((d) => ({ id: d.name, dir: join(corpus, d.name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const scripts = await loadScripts(values.engine);

  const started = Date.now();
  const browser = await launchChromium();
  let results: GuardResult[];
  try {
    results = await runPool(
      browser,
      pages,
      async (tab, page) => {
        const [source, expectedHtml, meta] = await Promise.all([
          readHtml(join(page.dir, 'source.html')),
          readFile(join(page.dir, 'expected.html'), 'utf8'),
          readFile(join(page.dir, 'expected-metadata.json'), 'utf8').then(
            (t) => JSON.parse(t) as { readerable?: boolean },
            () => ({}) as { readerable?: boolean },
          ),
        ]);
        const r = await extractOnScripts(
          tab,
          { body: source, url: values.url },
          scripts,
          expectedHtml,
          timeoutMs,
        );
        const { precision } = wordPrf(r.ours, r.expected);
        const result: GuardResult = {
          id: page.id,
          recall: tokenRecall(r.ours, r.expected),
          recallEngineText: tokenRecall(r.run.article?.text ?? '', r.expected),
          precision,
          missing: missingTokens(r.ours, r.expected, 15),
          readable: r.run.readable,
          expectedReaderable: meta.readerable ?? null,
          empty: !r.run.article,
          ms: r.run.ms,
        };
        if (r.run.error) result.error = r.run.error;
        return result;
      },
      (page, error) => ({
        id: page.id,
        recall: 0,
        recallEngineText: 0,
        precision: 0,
        missing: [],
        readable: null,
        expectedReaderable: null,
        empty: true,
        ms: 0,
        error: error.message,
      }),
      { tabs: Number(values.tabs), timeoutMs: timeoutMs + 5000, label: 'guard' },
    );
  } finally {
    await browser.close();
  }
  const wallMs = Date.now() - started;

  const recalls = results.map((r) => r.recall);
  const below = results.filter((r) => r.recall < threshold).sort((a, b) => a.recall - b.recall);
  const readableAgree = results.filter(
    (r) => r.expectedReaderable !== null && r.readable === r.expectedReaderable,
  ).length;
  const withReaderable = results.filter((r) => r.expectedReaderable !== null).length;
  const summary = {
    pages: results.length,
    medianRecall: median(recalls),
    meanRecall: mean(recalls),
    medianRecallEngineText: median(results.map((r) => r.recallEngineText)),
    medianPrecision: median(results.map((r) => r.precision)),
    below: below.length,
    threshold,
    empty: results.filter((r) => r.empty).length,
    errors: results.filter((r) => r.error).length,
    readableAgreesWithReaderable: `${readableAgree}/${withReaderable}`,
  };
  const out = resolve(values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(
    out,
    `${JSON.stringify({ corpus, engineSha: scripts.engineSha, url: values.url, date: new Date().toISOString(), wallMs, summary, below, pages: results }, null, 1)}\n`,
  );

  console.log(
    [
      `Content guard on ${corpus}: ${results.length} pages, wall ${(wallMs / 1000).toFixed(0)} s, engine ${scripts.engineSha}`,
      `token recall of our article vs expected.html: median ${summary.medianRecall.toFixed(4)}, mean ${summary.meanRecall.toFixed(4)}` +
        ` (engine text field: median ${summary.medianRecallEngineText.toFixed(4)})`,
      `median precision vs expected.html ${summary.medianPrecision.toFixed(4)} (below 1 = we keep words Readability dropped)`,
      `no article: ${summary.empty}, errors: ${summary.errors}, isReadable agrees with expected readerable on ${summary.readableAgreesWithReaderable}`,
      '',
      `Pages below ${threshold} (${below.length})`,
      below.length === 0
        ? '(none)'
        : table(
            ['page', 'recall', 'precision', 'most-missing words'],
            below.map((r) => [
              r.id,
              r.recall.toFixed(3),
              r.precision.toFixed(3),
              r.error ?? r.missing.slice(0, 8).join(' '),
            ]),
          ),
      `wrote ${out}`,
    ].join('\n'),
  );
}

await main();
