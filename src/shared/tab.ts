/**
 * Getting the content script into a tab, once, and talking to it.
 * Used by the background (shortcut) and the popup; both hold an activeTab grant when they run.
 */
import browser from 'webextension-polyfill';
import { type MessageName, type Messages, sendToTab } from './protocol';

/**
 * URLs no extension may script. Checked first so the popup can say why instead of failing;
 * the executeScript error remains the final word for anything this list misses.
 */
const RESTRICTED = [
  /^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|view-source|devtools|chrome-search|resource):/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^data:/i,
];

/** True where the browser will refuse to run our script (or the URL is unknown to us). */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false;
  return RESTRICTED.some((re) => re.test(url));
}

/**
 * How long an injection may take before we call the page unreachable. Chromium can leave
 * executeScript pending forever on a page it won't let us into (seen on view-source: once the
 * tab's activeTab grant came from an earlier page); a loading page gets it well within this.
 */
const INJECT_TIMEOUT_MS = 5000;

function injectContentScript(tabId: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the page did not let the script in')), INJECT_TIMEOUT_MS);
  });
  const injection = browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  return Promise.race([injection, timeout]).finally(() => clearTimeout(timer));
}

/** Asks the tab's content script; injects it first if it isn't there yet (once per page). */
export async function callTab<K extends MessageName>(
  tabId: number,
  type: K,
  payload: Messages[K]['payload'],
): Promise<Messages[K]['response']> {
  try {
    return await sendToTab(tabId, type, payload);
  } catch {
    // No listener yet: this page has never been used. Inject and ask again.
    await injectContentScript(tabId);
    return sendToTab(tabId, type, payload);
  }
}

export async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
