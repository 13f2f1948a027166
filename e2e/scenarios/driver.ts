/**
 * What a scenario needs from a browser, and nothing more, so the same scenario runs in Chromium
 * (Playwright over CDP) and in Firefox (Puppeteer over WebDriver BiDi). Each browser's harness
 * implements it its own way: how the toolbar button is pressed differs, what is asserted does not.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface PageDriver {
  readonly browserName: BrowserName;
  /** A fixture page's URL on the suite's 127.0.0.1 server, e.g. pageUrl('/hostile.html'). */
  pageUrl(path: string): string;
  /** Loads `url` in the test tab; the main response's headers, names in lower case. */
  goto(url: string): Promise<{ headers: Record<string, string> }>;
  /** The test tab's current URL. */
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page (it is serialized: no closures); arg and result are JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it is truthy; throws after `timeout` ms. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  /** Types `text` into the page field `selector` with real key events ("\n" presses Enter). */
  type(selector: string, text: string): Promise<void>;
  /** A real mouse click on the page element `selector`. */
  click(selector: string): Promise<void>;
  /** A real mouse click on the reading view's element whose text is `text`. */
  clickInView(text: string): Promise<void>;
  /** Toolbar button → the real popup → its main button; resolves once the view is open (or gone). */
  toggleView(open: boolean): Promise<void>;
  /** Open tabs in the browser. */
  tabCount(): Promise<number>;
}

export interface Scenario {
  name: string;
  run(d: PageDriver): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whitespace-collapsed text, so page and view text compare regardless of source formatting. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
