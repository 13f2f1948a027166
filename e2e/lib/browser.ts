/**
 * Chromium with the unpacked extension loaded, as a person would have it: a persistent profile
 * (extensions need one), the service worker, the extension id, and a browser-level CDP session
 * for what Playwright has no API for (the toolbar button, the popup).
 */
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, requireBuild } from './paths';

/** The one list of flags for this machine (root, closed network): scripts/lib/chromium.ts. */
export { CHROMIUM_ARGS } from '../../scripts/lib/chromium';

import { CHROMIUM_ARGS } from '../../scripts/lib/chromium';

/**
 * tsx compiles with esbuild's keepNames, so functions we hand to page.evaluate may call
 * `__name(fn, "fn")`, which exists only in Node. Define it (as identity) wherever they run.
 */
export const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (background.js). */
  worker: Worker;
  extensionId: string;
  /** The first tab. */
  page: Page;
  /** Browser-level CDP: Target.*, Extensions.triggerAction. */
  cdp: CDPSession;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** X display for a headed run, e.g. ":99". */
  display?: string;
  viewport?: { width: number; height: number };
  extensionDir?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? requireBuild();
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  return attachExtension(context, () => context.close());
}

/**
 * The handles of an extension loaded into `context`: its worker, id, first tab and a browser CDP
 * session. `close` shuts it all down (and runs on failure here, so nothing is left running).
 */
export async function attachExtension(
  context: BrowserContext,
  close: () => Promise<void>,
): Promise<ExtensionBrowser> {
  try {
    await context.addInitScript(NAME_SHIM);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(NAME_SHIM);
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    const browser = context.browser();
    if (!browser)
      throw new Error('persistent context has no browser handle: cannot open a browser CDP session');
    const cdp = await browser.newBrowserCDPSession();
    return { context, worker, extensionId, page, cdp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
