/**
 * Memory (issue 6): a page's JS heap after 1 and after 100 on/off cycles of the reading view, and
 * what is left behind after closing, measured over DevTools after a forced full GC.
 *
 *   npm run bench:memory -- [--corpus DIR]… [--limit 3] [--cycles 100] [--out FILE] [--extension DIR]
 *
 * Pages: the sample article (e2e/pages) plus `--limit` pages of the speed benchmark's list. Per page:
 *
 *   before    loaded, nothing of ours injected
 *   after 1   one toggle on (view painted) and off
 *   after N   N cycles in all
 *   released  a second after a change to the page (the content script drops its cached article and view)
 *
 * Heap: Runtime.getHeapUsage (the page's isolate: its own world and our content script's). DOM:
 * Memory.getDOMCounters (nodes, documents, JS event listeners in the renderer), and listeners on
 * the page's own nodes from DOMDebugger.getEventListeners (window, and the document tree pierced).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { PAGES_DIR } from '../e2e/lib/paths.ts';
import { grantTab, launchBench, toggleFromWorker } from './lib/speed-browser.ts';
import { type BenchPage, DEFAULT_CORPORA, loadPages, ROOT, takeEvenly } from './lib/speed-pages.ts';
import { nextFrame, settle } from './lib/speed-probe.ts';
import { startBenchServer } from './lib/speed-server.ts';
import { table } from './lib/table.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    /** An unpacked build to measure instead of dist/chrome (e.g. to compare two builds). */
    extension: { type: 'string' },
    limit: { type: 'string', default: '3' },
    cycles: { type: 'string', default: '100' },
    out: { type: 'string', default: join(ROOT, 'bench-results/memory.json') },
  },
});

const HEAP_TARGET_BYTES = 1024 * 1024;
/** Longer than the open guard's check interval (300 ms). */
const RELEASE_WAIT_MS = 1000;

interface Snapshot {
  heapUsed: number;
  nodes: number;
  documents: number;
  jsEventListeners: number;
  /** Listeners on the page's window and its document tree (shadow roots included). */
  pageListeners: number;
  /** Elements and attributes of ours in the page's DOM. */
  oursInDom: number;
}

interface PageMemory {
  id: string;
  error?: string;
  before?: Snapshot;
  after1?: Snapshot;
  /** Halfway: growth that goes on at the same pace to the end is a leak, not warm-up. */
  afterHalf?: Snapshot;
  afterN?: Snapshot;
  released?: Snapshot;
}

async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as {
    documents: number;
    nodes: number;
    jsEventListeners: number;
  };
  let pageListeners = 0;
  for (const expression of ['window', 'document']) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression })) as {
      result: { objectId: string };
    };
    const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
      depth: -1,
      pierce: true,
    })) as { listeners: unknown[] };
    pageListeners += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  const oursInDom = await page.evaluate(
    () =>
      document.querySelectorAll('declutter-reader, declutter-notice, [data-declutter-hidden]').length +
      (document.body?.hasAttribute('inert') ? 1 : 0),
  );
  return { heapUsed: usedSize, ...counters, pageListeners, oursInDom };
}

async function main(): Promise<void> {
  const corpora = values.corpus?.length ? values.corpus : DEFAULT_CORPORA;
  const sample: BenchPage = { id: 'e2e/sample-article.html', file: join(PAGES_DIR, 'sample-article.html') };
  const pages = [sample, ...takeEvenly(await loadPages(corpora), Number(values.limit))];
  const cycles = Number(values.cycles);
  const server = await startBenchServer(pages);
  const browser = await launchBench({ extension: true, extensionDir: values.extension });
  const results: PageMemory[] = [];
  try {
    const ext = browser.extension!;
    const page = browser.page;
    await page.goto(server.blankUrl);
    const tabId = await grantTab(ext, page);
    const cdp = await browser.context.newCDPSession(page);

    // No paint probe here: its observer and message channel would be counted as ours. The reply
    // comes once the view is in the DOM; one frame later it has been laid out and painted.
    const cycle = async () => {
      const on = await toggleFromWorker(ext, tabId);
      if (!on.reply.ok || !on.reply.open)
        throw new Error(`the view did not open: ${JSON.stringify(on.reply)}`);
      await nextFrame(page);
      const off = await toggleFromWorker(ext, tabId);
      if (!off.reply.ok || off.reply.open)
        throw new Error(`the view did not close: ${JSON.stringify(off.reply)}`);
    };

    for (const [n, p] of pages.entries()) {
      const r: PageMemory = { id: p.id };
      results.push(r);
      try {
        await page.goto(server.pageUrl(n), { waitUntil: 'load' });
        await settle(page);
        r.before = await snapshot(page, cdp);
        await cycle();
        r.after1 = await snapshot(page, cdp);
        for (let i = 1; i < cycles; i++) {
          await cycle();
          if (i + 1 === Math.ceil(cycles / 2)) r.afterHalf = await snapshot(page, cdp);
        }
        r.afterN = await snapshot(page, cdp);
        // Any change to the page's content makes the cached article stale.
        await page.evaluate(() => document.body.append(document.createComment('changed')));
        // The open view's guard (src/content/open-guard.ts) lets go of the view at its next check.
        await page.waitForTimeout(RELEASE_WAIT_MS);
        r.released = await snapshot(page, cdp);
      } catch (e) {
        r.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      process.stderr.write(
        `[memory] ${n + 1}/${pages.length} ${p.id}${r.error ? ` error: ${r.error}` : ''}\n`,
      );
    }

    const out = resolve(values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), chromium: browser.context.browser()?.version() ?? null, cycles, pages: results }, null, 1)}\n`,
    );
    const kb = (bytes: number) => (bytes / 1024).toFixed(0);
    const d = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined ? '-' : String(b - a);
    console.log(`${cycles} on/off cycles per page, after a forced GC each time`);
    console.log(
      table(
        [
          'page',
          'heap 1 KB',
          `heap ${Math.ceil(cycles / 2)} KB`,
          `heap ${cycles} KB`,
          'Δheap KB',
          'Δnodes 1→N',
          'Δlisteners 1→N',
          'nodes left',
          'docs left',
          'listeners left',
          'page listeners left',
          'ours in DOM',
          'nodes after change',
        ],
        results
          .filter((r) => r.before && r.after1 && r.afterN && r.released)
          .map((r) => [
            r.id,
            kb(r.after1!.heapUsed),
            r.afterHalf ? kb(r.afterHalf.heapUsed) : '-',
            kb(r.afterN!.heapUsed),
            kb(r.afterN!.heapUsed - r.after1!.heapUsed),
            d(r.after1!.nodes, r.afterN!.nodes),
            d(r.after1!.jsEventListeners, r.afterN!.jsEventListeners),
            d(r.before!.nodes, r.afterN!.nodes),
            d(r.before!.documents, r.afterN!.documents),
            d(r.before!.jsEventListeners, r.afterN!.jsEventListeners),
            d(r.before!.pageListeners, r.afterN!.pageListeners),
            r.afterN!.oursInDom,
            d(r.before!.nodes, r.released!.nodes),
          ]),
      ),
    );
    const growth = results
      .filter((r) => r.after1 && r.afterN)
      .map((r) => r.afterN!.heapUsed - r.after1!.heapUsed);
    const worst = Math.max(...growth);
    console.log(
      `largest heap growth from cycle 1 to ${cycles}: ${kb(worst)} KB (target ≤ ${kb(HEAP_TARGET_BYTES)} KB, ${worst <= HEAP_TARGET_BYTES ? 'met' : 'NOT met'})`,
    );
    console.log(
      '"left" columns: after closing, against the page before anything of ours ran; "after change": once the page changed',
    );
    const errors = results.filter((r) => r.error);
    if (errors.length) console.log(`errors: ${errors.map((r) => `${r.id}: ${r.error}`).join('; ')}`);
    console.log(`written: ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
