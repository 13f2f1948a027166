/**
 * Speed benchmark (issue 6): on real pages in real Chromium with the built extension, the toggle
 * against the bare Readability parse on the same page.
 *
 *   npm run bench:speed -- [--corpus DIR]… [--limit N] [--out FILE] [--timeout 30000] [--extension DIR]
 *
 * Default pages: the `article` pages of ../shared/corpus/wcxb-dev and the news pages of
 * ../shared/corpus/readability, served from 127.0.0.1 with their scripts blocked. Per page:
 *
 *   first   worker sends {type:'toggle-view'} as the shortcut does (callTab: send, inject
 *           content.js when nobody answers, send again) → view painted (next frame after it is in
 *           the DOM), split into inject, message, clone, rules, Readability, sanitize, other,
 *           render (build + insert), paint
 *   second  off, then on again on the unchanged page: the cached article
 *   floor   `new Readability(document.cloneNode(true)).parse()` alone, in the page's main world
 *
 * Prints median and p95 of each, the ratios ours / floor, and writes JSON (bench-results/speed.json).
 * Where a step's time goes on the page's main thread (style, layout, paint, script):
 * bench/lib/speed-trace.ts. To compare two builds, measure each with --extension in turn, twice.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROME_EXTENSION_DIR } from '../e2e/lib/paths.ts';
import { type BenchBrowser, grantTab, launchBench } from './lib/speed-browser.ts';
import { type BenchPage, DEFAULT_CORPORA, loadPages, ROOT, takeEvenly } from './lib/speed-pages.ts';
import { printSummary, summarize } from './lib/speed-report.ts';
import { measurePage, type PageSpeed, type RunContext, STEPS } from './lib/speed-run.ts';
import { startBenchServer } from './lib/speed-server.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    /** An unpacked build to measure instead of dist/chrome (e.g. to compare two builds). */
    extension: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench-results/speed.json') },
    timeout: { type: 'string', default: '30000' },
  },
});

/** A fresh tab with activeTab granted (on a blank page: the popup injects into the page it opens on). */
async function openTab(b: BenchBrowser, blankUrl: string, timeoutMs: number): Promise<RunContext> {
  const ext = b.extension!;
  const page = b.page.isClosed() ? await b.context.newPage() : b.page;
  b.page = page;
  ext.page = page;
  await page.goto(blankUrl);
  const cdp = await b.context.newCDPSession(page);
  return { ext, page, cdp, tabId: await grantTab(ext, page), timeoutMs };
}

async function main(): Promise<void> {
  const corpora = values.corpus?.length ? values.corpus : DEFAULT_CORPORA;
  let pages: BenchPage[] = await loadPages(corpora);
  if (values.limit) pages = takeEvenly(pages, Number(values.limit));
  const timeoutMs = Number(values.timeout);
  const server = await startBenchServer(pages);
  const browser = await launchBench({ extension: true, extensionDir: values.extension });
  const results: PageSpeed[] = [];
  const started = Date.now();
  try {
    let ctx = await openTab(browser, server.blankUrl, timeoutMs);
    for (const [n, page] of pages.entries()) {
      try {
        results.push(await measurePage(ctx, page.id, server.pageUrl(n), n));
      } catch (e) {
        const error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        results.push({ id: page.id, floor: null, first: null, second: null, skew: null, error });
        // The tab may be stuck or gone: start over in a new one.
        await ctx.page.close().catch(() => {});
        ctx = await openTab(browser, server.blankUrl, timeoutMs);
      }
      if ((n + 1) % 25 === 0 || n + 1 === pages.length) {
        process.stderr.write(
          `[speed] ${n + 1}/${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
        );
      }
    }
    const content = await readFile(join(values.extension ?? CHROME_EXTENSION_DIR, 'content.js'));
    const summary = summarize(results, STEPS);
    const report = {
      date: new Date().toISOString(),
      chromium: browser.context.browser()?.version() ?? null,
      corpora,
      contentScript: { minifiedBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length },
      summary,
      pages: results,
    };
    const out = resolve(values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 1)}\n`);
    console.log(`Chromium ${report.chromium}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(printSummary(summary));
    console.log(`written: ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
