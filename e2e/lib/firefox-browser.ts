/**
 * Firefox ESR with dist/firefox installed as a temporary add-on, driven by Puppeteer over
 * WebDriver BiDi. BiDi has no Extensions.triggerAction and no view of the popup, so two more
 * handles come with the browser:
 *
 * - the browser window's own (chrome) context, reachable because we launch Firefox with
 *   --remote-allow-system-access: it presses the toolbar button through Firefox's own
 *   "clicked" path (see firefox-popup.ts);
 * - a helper tab showing one of the extension's pages (moz-extension://…): an extension page
 *   shares the extension process with the popup, so `browser.extension.getViews()` hands it the
 *   popup's window, and it can call the extension APIs (commands, storage) as the extension.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { NAME_SHIM } from './browser';
import { ROOT } from './paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** DECLUTTER_FIREFOX_EXTENSION points the suites at another build: a folder or a packaged .zip. */
export const FIREFOX_EXTENSION = process.env.DECLUTTER_FIREFOX_EXTENSION ?? join(ROOT, 'dist', 'firefox');

/** The few BiDi calls we make ourselves; Puppeteer keeps its connection off its public types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type EvalResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

export interface FirefoxWithExtension {
  browser: Browser;
  /** The test tab. */
  page: Page;
  /** browser_specific_settings.gecko.id */
  extensionId: string;
  /** The extension's origin, moz-extension://<per-profile uuid> */
  extensionOrigin: string;
  /** Runs `fn(arg)` in the browser window's chrome scope (privileged: gBrowser, Services…). */
  inChrome<R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `fn(arg)` in the helper tab, an extension page: `browser.*` is the extension's API. */
  inExtension<R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `fn(popupDocument, arg)` against the open popup; null when no popup is open. */
  inPopup<R, A = null>(fn: (doc: Document, arg: A) => R, arg?: A): Promise<R | null>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  /** X display for a headed run, e.g. ":99". */
  display?: string;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX_EXTENSION)) {
    throw new Error(`${FIREFOX_EXTENSION} is missing: run \`npm run build\` first`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    // A first start creates the profile; on a loaded machine that can pass Puppeteer's 30 s.
    timeout: 90_000,
    args: ['--remote-allow-system-access', '--width=1280', '--height=960'],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  try {
    return await setUp(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function setUp(browser: Browser): Promise<FirefoxWithExtension> {
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  const extensionId = FIREFOX_EXTENSION.endsWith('.zip')
    ? (
        (await bidi.send('webExtension.install', {
          extensionData: { type: 'archivePath', path: FIREFOX_EXTENSION },
        })) as { result: { extension: string } }
      ).result.extension
    : await browser.installExtension(FIREFOX_EXTENSION);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.evaluateOnNewDocument(NAME_SHIM);

  const { result: tree } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { context: string; url: string }[] };
  };
  const chromeContext = tree.contexts.find(
    (c) => c.url === 'chrome://browser/content/browser.xhtml',
  )?.context;
  if (!chromeContext) throw new Error('no browser window in the chrome scope: is system access allowed?');

  /** Calls the function whose source is `source` with `arg` in `context`. */
  const call = async <R>(context: string, source: string, arg: unknown): Promise<R> => {
    // tsx may wrap named functions in __name(); define it where the function runs. JSON both ways.
    const functionDeclaration = `async (json) => { const __name = (f) => f; return JSON.stringify((await (${source})(JSON.parse(json))) ?? null); }`;
    const { result } = (await bidi.send('script.callFunction', {
      functionDeclaration,
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: EvalResult };
    if (result.type === 'exception') throw new Error(`evaluate failed: ${result.exceptionDetails.text}`);
    return JSON.parse(String(result.result.value)) as R;
  };
  const inChrome = <R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    call<R>(chromeContext, fn.toString(), arg);

  const host = await inChrome(
    (id) => (globalThis as unknown as ChromeScope).WebExtensionPolicy.getByID(id)?.mozExtensionHostname,
    extensionId,
  );
  if (!host) throw new Error(`${extensionId} is not installed`);
  const extensionOrigin = `moz-extension://${host}`;

  // A background tab, so the test tab stays the selected one: the toolbar acts on that.
  const { result: created } = (await bidi.send('browsingContext.create', {
    type: 'tab',
    background: true,
  })) as { result: { context: string } };
  // popup.html is the extension's only page; here it just says it can't run on its own tab.
  await bidi.send('browsingContext.navigate', {
    context: created.context,
    url: `${extensionOrigin}/popup.html#e2e-helper`,
    wait: 'complete',
  });
  const inExtension = <R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    call<R>(created.context, fn.toString(), arg);
  // The helper tab and the popup share the extension process, so getViews() hands over the
  // popup's window itself.
  const inPopup = <R, A = null>(fn: (doc: Document, arg: A) => R, arg?: A) =>
    call<R | null>(
      created.context,
      `(arg) => { const view = browser.extension.getViews({ type: 'popup' })[0];
        return view ? (${fn.toString()})(view.document, arg) : null; }`,
      arg,
    );

  return {
    browser,
    page,
    extensionId,
    extensionOrigin,
    inChrome,
    inExtension,
    inPopup,
    close: () => browser.close(),
  };
}

/**
 * Loads a privileged page (about:robots) in the selected tab the way the address bar does:
 * BiDi refuses to navigate a tab there ("not allowed in this context").
 */
export async function loadPrivilegedPage(ff: FirefoxWithExtension, url: string): Promise<void> {
  await ff.page.bringToFront();
  await ff.inChrome((href) => {
    const { gBrowser, Services } = globalThis as unknown as ChromeScope;
    gBrowser.selectedBrowser.loadURI(Services.io.newURI(href), {
      triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
    });
  }, url);
  const deadline = Date.now() + 10_000;
  while (
    (await ff.inChrome(
      () => (globalThis as unknown as ChromeScope).gBrowser.selectedBrowser.currentURI.spec,
    )) !== url
  ) {
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The privileged globals our chrome-scope functions use (no Gecko types here). */
export interface ChromeScope {
  WebExtensionPolicy: {
    getByID(id: string): { mozExtensionHostname: string; extension: unknown } | null;
  };
  ChromeUtils: { importESModule(url: string): Record<string, unknown> };
  Services: {
    io: { newURI(spec: string): unknown };
    scriptSecurityManager: { getSystemPrincipal(): unknown };
  };
  gBrowser: {
    selectedBrowser: {
      currentURI: { spec: string };
      loadURI(uri: unknown, options: { triggeringPrincipal: unknown }): void;
    };
  };
}
