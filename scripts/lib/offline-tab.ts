// A browser tab that shows saved pages as if they came from their original address, offline.
//
//   goto(original URL) ──route──▶ answered with the file's bytes + a CSP that forbids every script
//   and every fetch; any later navigation (meta refresh, frames) gets 204 so the document stays;
//   any other request is aborted. Nothing leaves the machine.
//
// Why CSP and not `javaScriptEnabled: false`: with scripting disabled Chromium parses <noscript>
// contents as live elements, so the DOM would differ from what a reader sees in a real browser
// (where the content script runs). Under a CSP, page.evaluate still works (it is DevTools, not
// page script), page scripts and inline handlers do not run, and <noscript> stays text.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';

const OFFLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

interface Pending {
  body: Buffer;
}

export class OfflineTab {
  private pending: Pending | null = null;
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<OfflineTab> {
    // A context per tab: no shared process, cookies or cache between tabs running side by side.
    const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: false });
    const page = await context.newPage();
    const tab = new OfflineTab(context, page);
    await context.route('**/*', (route) => tab.answer(route));
    return tab;
  }

  private answer(route: Route): Promise<void> {
    const request = route.request();
    if (!request.isNavigationRequest()) return route.abort();
    if (this.pending && request.frame() === this.page.mainFrame()) {
      const { body } = this.pending;
      this.pending = null;
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': OFFLINE_CSP },
        body,
      });
    }
    // 204 No Content: the browser keeps the current document instead of showing an error page.
    return route.fulfill({ status: 204 });
  }

  /** Shows `body` (UTF-8 HTML) at `url`; relative links resolve against `url`. */
  async load(body: Buffer, url: string, timeoutMs: number): Promise<void> {
    // Same URL up to the fragment would be a same-document navigation and keep the old page.
    if (stripHash(this.page.url()) === stripHash(url)) await this.page.goto('about:blank');
    this.pending = { body };
    try {
      await this.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    } finally {
      this.pending = null;
    }
  }

  /** Runs a script in the page's main world, e.g. a bundle that sets a global. */
  async inject(source: string): Promise<void> {
    // `void 0` so the script's completion value (maybe a DOM object) is never serialized back.
    await this.page.evaluate(`${source}\n;void 0`);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
