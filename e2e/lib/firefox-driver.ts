/**
 * One Firefox and one page server per test file, and the PageDriver that lets the shared
 * scenarios (e2e/scenarios/) run in it: Puppeteer's real (BiDi input) keys and mouse on the
 * page, the toolbar and popup through firefox-popup.ts.
 */
import type { PageDriver } from '../scenarios/driver';
import { VIEW_TAG, waitForView } from '../scenarios/view-probe';
import { type FirefoxLaunchOptions, type FirefoxWithExtension, launchFirefox } from './firefox-browser';
import { clickToolbar, popupClick, popupGone, popupState } from './firefox-popup';
import { type PageServer, startPageServer } from './server';

export interface FirefoxSession {
  server: PageServer;
  ff: FirefoxWithExtension;
  driver: PageDriver;
  close(): Promise<void>;
}

export async function startFirefoxSession(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const server = await startPageServer();
  try {
    const ff = await launchFirefox(options);
    return {
      server,
      ff,
      driver: firefoxDriver(ff, server),
      close: async () => {
        await ff.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Toolbar button → popup → its main button, and wait for the view to reach `open`.
 * Returns the popup's button text as it was before the click.
 */
export async function toggleFromToolbar(ff: FirefoxWithExtension, open: boolean): Promise<string | null> {
  await clickToolbar(ff, ff.page);
  const { readText } = await popupState(ff);
  await popupClick(ff, 'read');
  await popupGone(ff);
  const driver = firefoxDriver(ff, null);
  await waitForView(driver, open);
  return readText;
}

export function firefoxDriver(ff: FirefoxWithExtension, server: PageServer | null): PageDriver {
  const { page, browser } = ff;
  return {
    browserName: 'firefox',
    pageUrl(path) {
      if (!server) throw new Error('this driver has no page server');
      return server.url(path);
    },
    async goto(url) {
      const response = await page.goto(url);
      return { headers: response?.headers() ?? {} };
    },
    url: async () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    async waitFor(fn, arg, timeout = 10_000) {
      await page.waitForFunction(fn as (a: unknown) => unknown, { timeout, polling: 50 }, arg as unknown);
    },
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    async clickInView(text) {
      // Puppeteer has no text locator into a shadow root: find the innermost element with the
      // text, bring it into view, and click its centre with the real mouse.
      const point = await page.evaluate(
        ([tag, wanted]) => {
          const root = document.querySelector(tag)?.shadowRoot;
          const hits = [...(root?.querySelectorAll('*') ?? [])].filter((el) =>
            el.textContent?.includes(wanted),
          );
          const el = hits.find((h) => !hits.some((other) => other !== h && h.contains(other)));
          if (!el) return null;
          el.scrollIntoView({ block: 'center' });
          const box = el.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        },
        [VIEW_TAG, text] as [string, string],
      );
      if (!point) throw new Error(`no element in the view has the text "${text}"`);
      await page.mouse.click(point.x, point.y);
    },
    toggleView: async (open) => {
      await toggleFromToolbar(ff, open);
    },
    tabCount: async () => (await browser.pages()).length,
  };
}
