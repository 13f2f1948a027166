/**
 * Talking to the extension from its own service worker: what the browser has assigned
 * (commands.getAll) and the same toggle the shortcut handler performs.
 */
import type { Page, Worker } from 'playwright-core';
import { type ExtensionBrowser, NAME_SHIM } from './browser';
import { clickToolbar, closePopup } from './toolbar';

/** The few extension APIs these functions use inside the worker (no @types/chrome here). */
declare const chrome: {
  commands: { getAll(): Promise<Command[]> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

/** The live worker: Chromium may have stopped and restarted it since launch. */
async function liveWorker(b: ExtensionBrowser): Promise<Worker> {
  const worker =
    b.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`)) ??
    (await b.context.waitForEvent('serviceworker'));
  await worker.evaluate(NAME_SHIM);
  return worker;
}

export interface Command {
  name?: string;
  shortcut?: string;
  description?: string;
}

export async function commands(b: ExtensionBrowser): Promise<Command[]> {
  const worker = await liveWorker(b);
  return worker.evaluate(() => chrome.commands.getAll());
}

/**
 * activeTab is granted by a user gesture on the extension. The toolbar click is one: open the
 * popup and dismiss it, as a person who changed their mind would.
 */
export async function grantActiveTab(b: ExtensionBrowser, page: Page): Promise<void> {
  const popup = await clickToolbar(b, page);
  await closePopup(b, popup);
}

/**
 * What background/index.ts does on the shortcut: message the tab's content script, injecting
 * content.js first if it isn't there. Needs activeTab (see grantActiveTab). Returns the reply and
 * the worker-side time the message was sent (performance.timeOrigin + now, comparable with the page's).
 */
export async function toggleViaWorker(
  b: ExtensionBrowser,
  page: Page,
): Promise<{ reply: unknown; sentAt: number }> {
  const worker = await liveWorker(b);
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    const message = { type: 'toggle-view', payload: null };
    const sentAt = performance.timeOrigin + performance.now();
    let reply: unknown;
    try {
      reply = await chrome.tabs.sendMessage(tab.id, message);
    } catch {
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      reply = await chrome.tabs.sendMessage(tab.id, message);
    }
    return { reply, sentAt };
  }, page.url());
}
