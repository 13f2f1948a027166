/**
 * Idle cost (issue 6): what the installed but unused extension costs a page load, and the proof
 * that nothing of ours runs there.
 *
 *   npm run bench:idle -- [--corpus DIR]… [--limit 20] [--runs 10] [--out FILE] [--extension DIR]
 *
 * Two Chromiums on the same flags, one with the built extension and one with none, load the same
 * pages in turn (ABBA order per round, so drift hits both alike). Load time is the page's own
 * navigation timing: start of navigation to the end of the load event. The extension's browser
 * also watches, over DevTools, for any execution context of the extension in the page (a content
 * script would create one) and for any function the service worker runs (V8 precise coverage).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { median, quantile } from './lib/score.ts';
import { launchBench } from './lib/speed-browser.ts';
import { DEFAULT_CORPORA, loadPages, ROOT, takeEvenly } from './lib/speed-pages.ts';
import { round, stat } from './lib/speed-report.ts';
import { startBenchServer } from './lib/speed-server.ts';
import { PageContextWatch, WorkerCoverage } from './lib/speed-watch.ts';
import { table } from './lib/table.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    /** An unpacked build to measure instead of dist/chrome (e.g. to compare two builds). */
    extension: { type: 'string' },
    limit: { type: 'string', default: '20' },
    runs: { type: 'string', default: '10' },
    out: { type: 'string', default: join(ROOT, 'bench-results/idle.json') },
    timeout: { type: 'string', default: '30000' },
  },
});

const TARGET = 1.01;

interface Load {
  /** Navigation start → end of the load event (ms). */
  load: number;
  /** Navigation start → end of DOMContentLoaded (ms). */
  dcl: number;
}

async function timedLoad(page: Page, url: string, timeoutMs: number): Promise<Load> {
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  // loadEventEnd is written once the load handlers are done, just after Playwright hears `load`.
  await page.waitForFunction(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.loadEventEnd,
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { load: nav.loadEventEnd - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime };
  });
}

async function main(): Promise<void> {
  const corpora = values.corpus?.length ? values.corpus : DEFAULT_CORPORA;
  const pages = takeEvenly(await loadPages(corpora), Number(values.limit));
  const runs = Number(values.runs);
  const timeoutMs = Number(values.timeout);
  const server = await startBenchServer(pages);
  const withExt = await launchBench({ extension: true, extensionDir: values.extension });
  const without = await launchBench({ extension: false });
  const started = Date.now();
  try {
    const ext = withExt.extension!;
    // Both tabs start on the server's origin and are watched the same way.
    for (const b of [withExt, without]) await b.page.goto(server.blankUrl);
    const watchWith = await PageContextWatch.start(withExt.page);
    const watchWithout = await PageContextWatch.start(without.page);
    const coverage = await WorkerCoverage.start(ext);

    const pairs: { id: string; with: Load; without: Load }[] = [];
    for (let r = 0; r < runs; r++) {
      for (const [n, page] of pages.entries()) {
        const url = server.pageUrl(n);
        const extFirst = (r + n) % 2 === 0;
        const a = await timedLoad(extFirst ? withExt.page : without.page, url, timeoutMs);
        const b = await timedLoad(extFirst ? without.page : withExt.page, url, timeoutMs);
        pairs.push({ id: page.id, with: extFirst ? a : b, without: extFirst ? b : a });
      }
      process.stderr.write(
        `[idle] round ${r + 1}/${runs}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const workerCalls = await coverage.calls();

    const loadWith = pairs.map((p) => p.with.load);
    const loadWithout = pairs.map((p) => p.without.load);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const pairRatios = pairs.map((p) => p.with.load / p.without.load);
    const summary = {
      pages: pages.length,
      runs,
      loads: pairs.length * 2,
      loadMsWith: stat(loadWith),
      loadMsWithout: stat(loadWithout),
      dclMsWith: stat(pairs.map((p) => p.with.dcl)),
      dclMsWithout: stat(pairs.map((p) => p.without.dcl)),
      /** The figure: median load time with the extension / without. */
      ratioMedian: round(median(loadWith) / median(loadWithout)),
      ratioMean: round(mean(loadWith) / mean(loadWithout)),
      pairRatio: {
        median: round(median(pairRatios)),
        p5: round(quantile(pairRatios, 0.05)),
        p95: round(quantile(pairRatios, 0.95)),
      },
      proof: {
        extensionContextsInPages: watchWith.extensionContexts,
        contextsSeen: watchWith.contexts,
        extensionContextsWithoutExtension: watchWithout.extensionContexts,
        /** Functions of background.js that ran during the loads (null: the worker had stopped, so none). */
        workerCalls,
      },
    };
    const out = resolve(values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), chromium: withExt.context.browser()?.version() ?? null, corpora, summary, pairs }, null, 1)}\n`,
    );

    const f = (x: number) => x.toFixed(2);
    console.log(
      `${pages.length} pages × ${runs} rounds, ${pairs.length * 2} loads, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(
      table(
        ['load → load event end (ms)', 'median', 'p95'],
        [
          ['extension installed, unused', f(summary.loadMsWith.median), f(summary.loadMsWith.p95)],
          ['no extension', f(summary.loadMsWithout.median), f(summary.loadMsWithout.p95)],
        ],
      ),
    );
    const met = summary.ratioMedian <= TARGET ? 'met' : 'NOT met';
    console.log(
      `ratio with / without, medians: ${f(summary.ratioMedian)} (target ≤ ${TARGET}, ${met}); means ${f(summary.ratioMean)}`,
    );
    console.log(
      `per-pair ratio: median ${f(summary.pairRatio.median)}, 5-95% ${f(summary.pairRatio.p5)}-${f(summary.pairRatio.p95)}`,
    );
    console.log(
      `proof: extension contexts in ${pairs.length} loaded pages: ${watchWith.extensionContexts} (of ${watchWith.contexts} contexts seen); ` +
        `service worker functions run: ${workerCalls === null ? 'none (worker stopped)' : workerCalls.length === 0 ? 'none' : JSON.stringify(workerCalls)}`,
    );
    console.log(`written: ${out}`);
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
}

await main();
