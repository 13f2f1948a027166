// Chromium for the speed, idle and memory benchmarks: with the built extension (as e2e/lib/browser.ts
// launches it) or with none, otherwise on identical flags, plus the toggle as the shortcut sends it,
// timed from the service worker.
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, type ExtensionBrowser, NAME_SHIM } from '../../e2e/lib/browser.ts';
import { CHROMIUM_PATH, requireBuild } from '../../e2e/lib/paths.ts';
import { grantActiveTab } from '../../e2e/lib/worker.ts';
import type { ToggleResult } from '../../src/shared/protocol.ts';
import { RESOLVER_ARG } from './speed-server.ts';

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** Browser-level CDP. */
  cdp: CDPSession;
  /** Set when launched with the extension. */
  extension: ExtensionBrowser | null;
  close(): Promise<void>;
}

/** `extensionDir` loads another unpacked build than dist/chrome (or DECLUTTER_EXTENSION_DIR). */
export async function launchBench(options: {
  extension: boolean;
  extensionDir?: string;
}): Promise<BenchBrowser> {
  const dir = options.extension ? (options.extensionDir ?? requireBuild()) : null;
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      ...CHROMIUM_ARGS,
      RESOLVER_ARG,
    ],
  });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = context.pages()[0] ?? (await context.newPage());
    const browser = context.browser();
    if (!browser) throw new Error('persistent context has no browser handle');
    const cdp = await browser.newBrowserCDPSession();
    const close = () => context.close();
    let extension: ExtensionBrowser | null = null;
    if (dir) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate(NAME_SHIM);
      extension = { context, worker, extensionId: new URL(worker.url()).host, page, cdp, close };
    }
    return { context, page, cdp, extension, close };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The live service worker: Chromium may have stopped and restarted it since launch. */
export async function liveWorker(b: ExtensionBrowser): Promise<Worker> {
  const worker =
    b.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`)) ??
    (await b.context.waitForEvent('serviceworker'));
  await worker.evaluate(NAME_SHIM);
  return worker;
}

/** The few extension APIs used inside the worker (no @types/chrome here). */
declare const chrome: {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    executeScript<R>(o: {
      target: { tabId: number };
      files?: string[];
      func?: () => R;
      world?: 'MAIN' | 'ISOLATED';
    }): Promise<{ result: R }[]>;
  };
};

/**
 * Grants activeTab on `page`'s tab with a toolbar click (the popup injects the content script
 * into the page it opens on, so do this on a blank page) and returns the tab id. The grant
 * outlives same-origin navigations, and every benchmark page is on the same origin.
 */
export async function grantTab(b: ExtensionBrowser, page: Page): Promise<number> {
  await grantActiveTab(b, page);
  const worker = await liveWorker(b);
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  if (id === undefined) throw new Error(`no tab at ${page.url()} after the toolbar click`);
  return id;
}

/** One toggle, as src/shared/tab.ts callTab sends it, timed in the worker (instants: timeOrigin + now). */
export interface WorkerToggle {
  reply: ToggleResult;
  sentAt: number;
  /** The first sendMessage that found no content script (0 when it was there). */
  probeMs: number;
  /** scripting.executeScript of content.js (0 when it was there). */
  injectMs: number;
  /** When the message that was answered was sent. */
  lastSendAt: number;
  repliedAt: number;
}

export async function toggleFromWorker(b: ExtensionBrowser, tabId: number): Promise<WorkerToggle> {
  const worker = await liveWorker(b);
  return worker.evaluate(async (id) => {
    const now = () => performance.timeOrigin + performance.now();
    const message = { type: 'toggle-view', payload: null };
    const sentAt = now();
    let probeMs = 0;
    let injectMs = 0;
    let lastSendAt = sentAt;
    let reply: unknown;
    try {
      reply = await chrome.tabs.sendMessage(id, message);
    } catch {
      const injectAt = now();
      probeMs = injectAt - sentAt;
      await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
      lastSendAt = now();
      injectMs = lastSendAt - injectAt;
      reply = await chrome.tabs.sendMessage(id, message);
    }
    return { reply: reply as ToggleResult, sentAt, probeMs, injectMs, lastSendAt, repliedAt: now() };
  }, tabId);
}

/**
 * Page clock minus worker clock (ms), from the round trip with the smallest delay of a few
 * main-world pings; `rtt` bounds its error. The main world, so no isolated world is created.
 */
export async function clockSkew(b: ExtensionBrowser, tabId: number): Promise<{ skew: number; rtt: number }> {
  const worker = await liveWorker(b);
  return worker.evaluate(async (id) => {
    let best = { skew: 0, rtt: Number.POSITIVE_INFINITY };
    for (let i = 0; i < 5; i++) {
      const t0 = performance.timeOrigin + performance.now();
      const [r] = await chrome.scripting.executeScript({
        target: { tabId: id },
        world: 'MAIN',
        func: () => performance.timeOrigin + performance.now(),
      });
      const t1 = performance.timeOrigin + performance.now();
      if (r && t1 - t0 < best.rtt) best = { skew: r.result - (t0 + t1) / 2, rtt: t1 - t0 };
    }
    return best;
  }, tabId);
}
