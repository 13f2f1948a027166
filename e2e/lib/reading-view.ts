/**
 * Reading the view the way the reading-experience suites need: computed styles of the text,
 * paragraphs by their test hook, where things sit on screen, and storage.sync from the worker.
 */
import type { Page, Worker } from 'playwright-core';
import { type ExtensionBrowser, NAME_SHIM } from './browser';
import type { TargetSession } from './target-session';
import { VIEW_TAG } from './view';

/** The few extension APIs used inside the worker (no @types/chrome here). */
declare const chrome: {
  storage: {
    sync: {
      get(k: null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
};

export interface TextStyle {
  fontFamily: string;
  fontSize: string;
  lineHeight: string;
  /** Width of the article column, px. */
  columnWidth: number;
  background: string;
  theme: string;
}

/** How the view's text looks now (the first article paragraph and its column). */
export function textStyle(page: Page): Promise<TextStyle> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const box = root?.querySelector<HTMLElement>('.dc-root');
    const article = root?.querySelector('article.dc-article');
    const p = article?.querySelector('p');
    if (!box || !article || !p) throw new Error('the view has no article paragraph');
    const css = getComputedStyle(p);
    return {
      fontFamily: css.fontFamily,
      fontSize: css.fontSize,
      lineHeight: css.lineHeight,
      columnWidth: article.getBoundingClientRect().width,
      background: getComputedStyle(box).backgroundColor,
      theme: box.dataset.theme ?? '',
    };
  }, VIEW_TAG);
}

/** Polls until `read` gives something different from `before` (a live change shows within 5 s). */
export async function changed<T>(read: () => Promise<T>, before: T, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await read();
    if (JSON.stringify(now) !== JSON.stringify(before)) return now;
    if (Date.now() > deadline) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The live worker (Chromium may have restarted it). */
async function worker(b: ExtensionBrowser): Promise<Worker> {
  const w =
    b.context.serviceWorkers().find((sw) => sw.url().startsWith(`chrome-extension://${b.extensionId}/`)) ??
    (await b.context.waitForEvent('serviceworker'));
  await w.evaluate(NAME_SHIM);
  return w;
}

export async function readSync(b: ExtensionBrowser): Promise<Record<string, unknown>> {
  return (await worker(b)).evaluate(() => chrome.storage.sync.get(null));
}

/** Replaces storage.sync with `values` (anything: the point is to store what a bug might). */
export async function writeSync(b: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  await (await worker(b)).evaluate(async (v) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(v);
  }, values);
}

/** Polls storage.sync until `check` accepts it (settings are saved a moment after a change). */
export async function waitForSync(
  b: ExtensionBrowser,
  check: (stored: Record<string, unknown>) => boolean,
  timeout = 5000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stored = await readSync(b);
    if (check(stored) || Date.now() > deadline) return stored;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  const id = await (await worker(b)).evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/** Top of each [data-article-paragraph] in the view and the bottom of its toolbar, in viewport px. */
export function viewParagraphs(page: Page): Promise<{ tops: number[]; bars: number }> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const bar = root?.querySelector('.bar')?.getBoundingClientRect().bottom ?? 0;
    const tops = [...(root?.querySelectorAll('[data-article-paragraph]') ?? [])].map(
      (p) => p.getBoundingClientRect().top,
    );
    return { tops, bars: bar };
  }, VIEW_TAG);
}

/** Index (0-based) of the first paragraph whose bottom is below `line` + 32 px, in the view or the page. */
export function firstVisible(page: Page, where: 'view' | 'page', line: number): Promise<number> {
  return page.evaluate(
    ([tag, side, y]) => {
      const scope = side === 'view' ? document.querySelector(tag as string)?.shadowRoot : document;
      const list = [...(scope?.querySelectorAll('[data-article-paragraph]') ?? [])];
      return list.findIndex((p) => p.getBoundingClientRect().bottom > (y as number) + 32);
    },
    [VIEW_TAG, where, line] as const,
  );
}

/** Clicks in the popup like a person: scrolled into its (small) window first, then a trusted click. */
export async function clickInPopup(popup: TargetSession, selector: string): Promise<void> {
  await popup.waitFor((sel) => {
    const el = document.querySelector(sel);
    el?.scrollIntoView({ block: 'center' });
    return Boolean(el);
  }, selector);
  await popup.click(selector);
}
