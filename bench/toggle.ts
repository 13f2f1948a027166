/**
 * Benchmark (not a test): on the sample page, the time from the toggle to the reading view
 * painted, against `new Readability(document.cloneNode(true)).parse()` alone in the same page.
 *
 *   toggle  the service worker sends {type:'toggle-view'} to the tab, as the shortcut handler does
 *           (sentAt: worker clock); a MutationObserver in the page sees <declutter-reader> arrive,
 *           then waits one animation frame and one task, i.e. until that frame is painted
 *           (paintedAt: page clock). Both clocks are performance.timeOrigin + now(), one time base.
 *   cold    the content script caches the article until the page changes, so before each run we
 *           touch the page (add and remove a comment) to force the full path: extract + render.
 *   warm    the same page untouched: the cached article, render only.
 *
 * Run: npm run bench:toggle (builds first). Writes bench-results/toggle.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_DIR, ROOT } from '../e2e/lib/paths';
import { startSession } from '../e2e/lib/session';
import { waitForView } from '../e2e/lib/view';
import { grantActiveTab, toggleViaWorker } from '../e2e/lib/worker';

const RUNS = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number): number => Math.round(x * 100) / 100;

declare global {
  interface Window {
    __painted?: Promise<number>;
    __Readability?: new (doc: Document) => { parse(): unknown };
  }
}

/** Arms the page to report when the next <declutter-reader> has been painted. */
function armPaintProbe(page: Page, touch: boolean): Promise<void> {
  return page.evaluate((touchPage) => {
    if (touchPage) {
      // Any change outside our own hosts invalidates the content script's cached article.
      const mark = document.createComment('bench');
      document.body.append(mark);
      mark.remove();
    }
    window.__painted = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('declutter-reader')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          // rAF runs before the frame's style/layout/paint; the next task runs after it.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document.documentElement, { childList: true });
    });
  }, touch);
}

async function timeToggle(s: Awaited<ReturnType<typeof startSession>>, touch: boolean): Promise<number> {
  await armPaintProbe(s.page, touch);
  const { reply, sentAt } = await toggleViaWorker(s.browser, s.page);
  if (!(reply as { ok?: boolean; open?: boolean })?.ok)
    throw new Error(`toggle failed: ${JSON.stringify(reply)}`);
  const paintedAt = await s.page.evaluate(() => window.__painted);
  if (paintedAt === undefined) throw new Error('paint probe missing');
  // Close again for the next run (not timed).
  await toggleViaWorker(s.browser, s.page);
  await waitForView(s.page, false);
  return paintedAt - sentAt;
}

async function readabilityBundle(): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: "import { Readability } from '@mozilla/readability'; window.__Readability = Readability;",
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no Readability bundle');
  return file.text;
}

function timeReadability(page: Page): Promise<number> {
  return page.evaluate(() => {
    const Readability = window.__Readability;
    if (!Readability) throw new Error('Readability not injected');
    const t0 = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - t0;
  });
}

async function main(): Promise<void> {
  const s = await startSession();
  try {
    await s.page.goto(s.server.url('/sample-article.html'));
    await s.page.evaluate(await readabilityBundle());
    await grantActiveTab(s.browser, s.page);
    // One untimed round trip: the content script is injected and the page has settled.
    await timeToggle(s, true);
    await timeReadability(s.page);

    const cold: number[] = [];
    const warm: number[] = [];
    const readability: number[] = [];
    // Interleaved, so a slow patch of the machine hits all three alike.
    for (let i = 0; i < RUNS; i++) {
      cold.push(await timeToggle(s, true));
      warm.push(await timeToggle(s, false));
      readability.push(await timeReadability(s.page));
    }

    const content = await readFile(join(CHROME_EXTENSION_DIR, 'content.js'));
    const result = {
      date: new Date().toISOString(),
      chromium: s.browser.context.browser()?.version() ?? null,
      page: 'e2e/pages/sample-article.html',
      runs: RUNS,
      toggleToPaintMs: { median: round(median(cold)), runs: cold.map(round) },
      cachedToggleToPaintMs: { median: round(median(warm)), runs: warm.map(round) },
      readabilityParseMs: { median: round(median(readability)), runs: readability.map(round) },
      ratioToggleToReadability: round(median(cold) / median(readability)),
      contentScript: {
        minifiedKB: round(content.length / 1024),
        gzipKB: round(gzipSync(content, { level: 9 }).length / 1024),
      },
    };
    const outDir = join(ROOT, 'bench-results');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'toggle.json'), `${JSON.stringify(result, null, 2)}\n`);

    console.log(`sample page, ${RUNS} runs each, Chromium ${result.chromium}`);
    console.log(`toggle → view painted (extract + render): median ${result.toggleToPaintMs.median} ms`);
    console.log(`toggle → view painted (cached article):   median ${result.cachedToggleToPaintMs.median} ms`);
    console.log(`Readability parse alone (clone + parse):  median ${result.readabilityParseMs.median} ms`);
    console.log(`ratio toggle / Readability: ${result.ratioToggleToReadability}`);
    console.log(
      `content.js: ${result.contentScript.minifiedKB} KB minified, ${result.contentScript.gzipKB} KB gzipped`,
    );
    console.log('written: bench-results/toggle.json');
  } finally {
    await s.close();
  }
}

await main();
