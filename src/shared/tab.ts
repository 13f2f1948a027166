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
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return sendToTab(tabId, type, payload);
  }
}

export async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
