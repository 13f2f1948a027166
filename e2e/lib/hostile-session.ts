/**
 * One browser, one hostile page server and one error watch per test file, plus the moves the
 * robustness suites make: the toolbar popup on whatever tab is active (view-source: and error
 * pages have URLs Playwright doesn't report), the shortcut's message path from the service
 * worker, stopping the worker, reloading the extension, counting our views.
 */
import type { Page, Worker } from 'playwright-core';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension, NAME_SHIM } from './browser';
import { ErrorWatch } from './hostile-errors';
import { type HostileServer, startHostileServer } from './hostile-server';
import { TargetSession } from './target-session';
import { closePopup, type PopupState, popupState } from './toolbar';

export interface HostileSession {
  server: HostileServer;
  browser: ExtensionBrowser;
  page: Page;
  errors: ErrorWatch;
  close(): Promise<void>;
}

export async function startHostileSession(options: LaunchOptions = {}): Promise<HostileSession> {
  const server = await startHostileServer();
  try {
    const browser = await launchWithExtension(options);
    try {
      const errors = await ErrorWatch.start(browser);
      await errors.watchPage(browser.page);
      browser.context.on('page', (p) => void errors.watchPage(p).catch(() => {}));
      return {
        server,
        browser,
        page: browser.page,
        errors,
        close: async () => {
          await browser.close();
          await server.close();
        },
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  } catch (error) {
    await server.close();
    throw error;
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  embedderData?: { tabActive?: boolean };
}

async function getTargets(b: ExtensionBrowser, type?: string): Promise<TargetInfo[]> {
  const params = type ? { filter: [{ type }] } : {};
  const { targetInfos } = (await b.cdp.send('Target.getTargets', params)) as { targetInfos: TargetInfo[] };
  return targetInfos;
}

/**
 * Clicks the toolbar button for the tab showing `page` and returns the popup. The tab target is
 * found by the page target's own URL (page.url() is not the tab's URL on view-source: or error
 * pages) and by being the active tab.
 */
export async function openPopup(b: ExtensionBrowser, page: Page): Promise<TargetSession> {
  await page.bringToFront();
  const session = await page.context().newCDPSession(page);
  const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
  await session.detach();
  const popupUrl = `chrome-extension://${b.extensionId}/popup.html`;
  const tabs = (await getTargets(b, 'tab')).filter((t) => t.url === targetInfo.url);
  const tab = tabs.find((t) => t.embedderData?.tabActive) ?? tabs[0];
  if (!tab) throw new Error(`no tab target for ${targetInfo.url}`);
  const before = new Set((await getTargets(b)).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  await b.cdp.send('Extensions.triggerAction', { id: b.extensionId, targetId: tab.targetId });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const popup = (await getTargets(b)).find((t) => t.url === popupUrl && !before.has(t.targetId));
    if (popup) {
      const session = await TargetSession.attach(b.cdp, popup.targetId);
      await session.waitFor(() => document.readyState === 'complete', undefined, { what: 'popup loaded' });
      return session;
    }
    if (Date.now() > deadline) throw new Error('the toolbar click opened no popup');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the popup says for `page`; the popup is closed again. */
export async function popupSays(b: ExtensionBrowser, page: Page): Promise<PopupState> {
  const popup = await openPopup(b, page);
  try {
    return await popupState(popup);
  } finally {
    await closePopup(b, popup);
  }
}

/** The extension's service worker, started if it is not running (any extension event would). */
export async function liveWorker(b: ExtensionBrowser): Promise<Worker> {
  const prefix = `chrome-extension://${b.extensionId}/`;
  const running = (await getTargets(b)).some((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  const known = b.context.serviceWorkers().filter((w) => w.url().startsWith(prefix));
  const worker = running && known.length > 0 ? known[known.length - 1] : undefined;
  if (worker) {
    await worker.evaluate(NAME_SHIM);
    return worker;
  }
  throw new Error('the service worker is not running');
}

/**
 * What background/index.ts does for the shortcut, from the worker: toggle-view to the active tab
 * (content.js injected first if needed), `times` messages sent at once without waiting for the
 * replies, like a held-down key. Returns each reply or error text.
 */
export async function toggleFromWorker(
  b: ExtensionBrowser,
  page: Page,
  times = 1,
  { front = true, inject = false } = {},
): Promise<unknown[]> {
  if (front) await page.bringToFront();
  const worker = await liveWorker(b);
  return worker.evaluate(
    async ([n, url, injectFirst]) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      // The tab showing `url`, else (view-source:, error pages) the active one.
      const tabs = await api.tabs.query({});
      const tab =
        tabs.find((t) => t.url === url) ??
        (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0];
      const tabId = tab?.id;
      if (tabId === undefined) throw new Error('no tab');
      const message = { type: 'toggle-view', payload: null };
      const one = async () => {
        try {
          return await api.tabs.sendMessage(tabId, message);
        } catch {
          await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
          return api.tabs.sendMessage(tabId, message);
        }
      };
      // Inject, then send at once: the messages land while the new script is still starting up.
      if (injectFirst) await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      const settled = await Promise.allSettled(Array.from({ length: n }, one));
      return settled.map((s) => (s.status === 'fulfilled' ? s.value : `error: ${String(s.reason)}`));
    },
    [times, page.url(), inject] as const,
  );
}

interface ChromeApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

/** Stops the extension's service worker, as the browser does to an idle one. */
export async function stopWorker(b: ExtensionBrowser): Promise<void> {
  const prefix = `chrome-extension://${b.extensionId}/`;
  for (const t of await getTargets(b)) {
    if (t.type === 'service_worker' && t.url.startsWith(prefix)) {
      await b.cdp.send('Target.closeTarget', { targetId: t.targetId });
    }
  }
  const deadline = Date.now() + 5_000;
  while ((await getTargets(b)).some((t) => t.type === 'service_worker' && t.url.startsWith(prefix))) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * chrome://extensions, in a tab of its own, with developer mode on: without it Chromium disables
 * a command-line unpacked extension the moment it is reloaded ("unsupportedDeveloperExtension").
 */
export async function extensionsPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
    ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
  );
  return page;
}

interface DeveloperPrivate {
  updateProfileConfiguration(c: object): Promise<void>;
  reload(id: string, o: object): Promise<void>;
  updateExtensionConfiguration(c: object): Promise<void>;
}

/** The "reload" button of chrome://extensions (what an update does to a running extension). */
export async function reloadExtension(b: ExtensionBrowser, extensions: Page): Promise<void> {
  await extensions.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
      ).chrome.developerPrivate.reload(id, { failQuietly: false }),
    b.extensionId,
  );
}

/** Turns the extension's "Allow access to file URLs" on or off. */
export async function setFileAccess(b: ExtensionBrowser, extensions: Page, on: boolean): Promise<void> {
  await extensions.evaluate(
    ([id, fileAccess]) =>
      (
        globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
      ).chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, fileAccess }),
    [b.extensionId, on] as const,
  );
}

export interface PageHealth {
  /** <declutter-reader> elements in the document. */
  views: number;
  /** Of them, ones with an open dialog. */
  openViews: number;
  pageHidden: boolean;
  notices: number;
  noticeText: string;
}

/** Our footprint in the page: how many views, and whether the page under them is usable. */
export function pageHealth(page: Page): Promise<PageHealth> {
  return page.evaluate(() => {
    // Through the prototype: a hostile page may clobber document.querySelectorAll with a named <img>.
    const all = (sel: string) => [...Document.prototype.querySelectorAll.call(document, sel)];
    const views = all('declutter-reader');
    const notices = all('declutter-notice');
    return {
      views: views.length,
      openViews: views.filter((v) => v.shadowRoot?.querySelector('[role="dialog"]')).length,
      pageHidden: document.body ? getComputedStyle(document.body).contentVisibility === 'hidden' : false,
      notices: notices.length,
      noticeText: notices.map((n) => n.shadowRoot?.textContent?.trim() ?? '').join(' | '),
    };
  });
}

/**
 * Records, at every change to <html>'s children, whether the page is in a state a person could be
 * stuck in: two views, or a hidden page with no view (or a view over a page that is not hidden).
 * Read it with brokenStates().
 */
export function watchInvariants(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __declutterBroken: string[]; __declutterMaxViews: number };
    w.__declutterBroken = [];
    w.__declutterMaxViews = 0;
    const check = () => {
      const views = Document.prototype.querySelectorAll.call(document, 'declutter-reader').length;
      const hidden = getComputedStyle(document.body).contentVisibility === 'hidden';
      w.__declutterMaxViews = Math.max(w.__declutterMaxViews, views);
      if (views > 1 || (views === 0) === hidden)
        w.__declutterBroken.push(`${views} views, page hidden: ${hidden}`);
    };
    new MutationObserver(check).observe(document.documentElement, { childList: true });
  });
}

/** The broken states seen since watchInvariants, and the most views ever seen at once. */
export function brokenStates(page: Page): Promise<{ broken: string[]; maxViews: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __declutterBroken: string[]; __declutterMaxViews: number };
    return { broken: w.__declutterBroken, maxViews: w.__declutterMaxViews };
  });
}
