/**
 * PageDriver for Chromium: Playwright on the session's page, the toolbar through CDP
 * Extensions.triggerAction and the real popup (e2e/lib/session.ts).
 */
import { type E2eSession, toggleFromToolbar } from '../lib/session';
import { VIEW_TAG } from '../lib/view';
import type { PageDriver } from './driver';

export function chromiumDriver(s: E2eSession): PageDriver {
  const { page, browser, server } = s;
  return {
    browserName: 'chromium',
    pageUrl: (path) => server.url(path),
    async goto(url) {
      const response = await page.goto(url);
      return { headers: response?.headers() ?? {} };
    },
    url: async () => page.url(),
    // The driver's generic signature is wider than Playwright's overloads; the shapes agree.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown),
    async waitFor(fn, arg, timeout = 10_000) {
      await page.waitForFunction(fn as (a: unknown) => unknown, arg as unknown, { timeout });
    },
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    click: (selector) => page.locator(selector).click(),
    clickInView: (text) => page.locator(VIEW_TAG).getByText(text).click(),
    async toggleView(open) {
      await toggleFromToolbar(browser, page, open);
    },
    tabCount: async () => browser.context.pages().length,
  };
}
