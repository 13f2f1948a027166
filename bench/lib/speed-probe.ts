// The page side of the speed benchmark, run in the page's main world through DevTools (the page's
// CSP blocks its own scripts, not these).
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { ROOT } from './speed-pages.ts';

/** What these functions keep on the page's window (no `declare global`: bench/toggle.ts has its own). */
interface ProbeWindow {
  __painted?: Promise<Painted | null>;
  __Readability?: new (doc: Document) => { parse(): { textContent?: string | null } | null };
}

export interface Painted {
  /** When our host was seen in the DOM (end of the content script's task). */
  addedAt: number;
  /** After the next animation frame: rAF runs before the frame's style, layout and paint; the task after it runs once they are done. */
  paintedAt: number;
}

/** Arms the page to report when the next <declutter-reader> has been painted (null after `timeoutMs`). */
export function armPaintProbe(page: Page, timeoutMs: number): Promise<void> {
  return page.evaluate((timeout) => {
    const now = () => performance.timeOrigin + performance.now();
    (window as ProbeWindow).__painted = new Promise((resolve) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeout);
      const observer = new MutationObserver(() => {
        if (!document.querySelector('declutter-reader')) return;
        const addedAt = now();
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ addedAt, paintedAt: now() });
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document.documentElement, { childList: true });
    });
  }, timeoutMs);
}

export function painted(page: Page): Promise<Painted | null> {
  return page.evaluate(() => (window as ProbeWindow).__painted ?? null);
}

/** Resolves after the page's next frame has been produced. */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

/** Lets the page finish its load work (style, layout, a frame or two) before anything is timed. */
export function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
}

let readability: Promise<string> | undefined;

/** @mozilla/readability as an IIFE that sets window.__Readability, bundled once per run. */
export function readabilityBundle(): Promise<string> {
  readability ??= esbuild
    .build({
      stdin: {
        contents: "import { Readability } from '@mozilla/readability'; window.__Readability = Readability;",
        resolveDir: ROOT,
      },
      bundle: true,
      format: 'iife',
      minify: true,
      write: false,
      logLevel: 'warning',
    })
    .then((r) => {
      const file = r.outputFiles[0];
      if (!file) throw new Error('esbuild produced no Readability bundle');
      return file.text;
    });
  return readability;
}

export interface Floor {
  ms: number;
  /** Readability found an article. */
  found: boolean;
}

/** `new Readability(document.cloneNode(true)).parse()` alone, timed in the page (bundle injected first, untimed). */
export async function timeFloor(page: Page): Promise<Floor> {
  await page.evaluate(`${await readabilityBundle()}\n;void 0`);
  return page.evaluate(() => {
    const Readability = (window as ProbeWindow).__Readability;
    if (!Readability) throw new Error('Readability not injected');
    const t0 = performance.now();
    const result = new Readability(document.cloneNode(true) as Document).parse();
    const ms = performance.now() - t0;
    return { ms, found: Boolean(result?.textContent) };
  });
}
