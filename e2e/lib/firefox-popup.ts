/**
 * The toolbar button and its popup in Firefox. The button is pressed with the browser action's
 * own triggerAction(window), which Firefox documents as "the same effects as if it were clicked
 * by a user": it grants activeTab on the selected tab and opens the real popup.html in its panel
 * (the Firefox counterpart of CDP Extensions.triggerAction). The popup is then read and clicked
 * from the helper extension tab, through browser.extension.getViews({ type: 'popup' }).
 * Those clicks are DOM clicks (element.click()), not OS-level mouse events: nothing in the popup
 * depends on the difference, and the Chromium suite covers trusted clicks on the same popup.
 */
import type { Page } from 'puppeteer-core';
import type { ChromeScope, FirefoxWithExtension } from './firefox-browser';

/** What the popup shows once it has heard from the tab (or decided it can't). */
export interface PopupState {
  readText: string | null;
  message: string | null;
  switchShown: boolean;
  switchOn: boolean;
  hiddenCount: string;
  shortcut: string;
}

/** The extension API in the helper tab (no @types for it here). */
declare const browser: { extension: { getViews(o: { type: string }): Window[] } };

const poll = async <R>(read: () => Promise<R>, what: string, timeout = 20_000): Promise<NonNullable<R>> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<R>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const popupOpen = (ff: FirefoxWithExtension): Promise<boolean> =>
  ff.inExtension(() => browser.extension.getViews({ type: 'popup' }).length > 0);

/** Presses the toolbar button for `page` (made the selected tab first) and waits for the popup. */
export async function clickToolbar(ff: FirefoxWithExtension, page: Page): Promise<void> {
  // A popup left open (a failed test) would make the press close it instead: start clean.
  if (await popupOpen(ff)) await closePopup(ff);
  await page.bringToFront();
  await ff.inChrome((id) => {
    const scope = globalThis as unknown as ChromeScope & { window: unknown };
    const { ExtensionParent } = scope.ChromeUtils.importESModule(
      'resource://gre/modules/ExtensionParent.sys.mjs',
    ) as { ExtensionParent: { apiManager: { global: Record<string, unknown> } } };
    const extension = scope.WebExtensionPolicy.getByID(id)?.extension;
    const actionFor = ExtensionParent.apiManager.global.browserActionFor as (ext: unknown) => {
      triggerAction(window: unknown): void;
    };
    actionFor(extension).triggerAction(scope.window);
  }, ff.extensionId);
  await poll(() => popupOpen(ff), 'the toolbar button to open the popup');
}

/** Waits until the popup has rendered its first answer, then reads it. */
export function popupState(ff: FirefoxWithExtension): Promise<PopupState> {
  return popupWaitFor(
    ff,
    (doc) => {
      if (doc.readyState !== 'complete') return null;
      const shown = (id: string) => {
        const el = doc.getElementById(id);
        return el && !el.hidden ? el : null;
      };
      const read = shown('read');
      const message = shown('message');
      if (!read && !message) return null;
      const toggle = doc.getElementById('hide-clutter') as HTMLInputElement | null;
      return {
        readText: read?.textContent?.trim() ?? null,
        message: message?.textContent?.trim() ?? null,
        switchShown: Boolean(shown('hide-row')),
        switchOn: Boolean(toggle?.checked),
        hiddenCount: doc.getElementById('hidden-count')?.textContent?.trim() ?? '',
        shortcut: doc.getElementById('shortcut')?.textContent?.trim() ?? '',
      };
    },
    'the popup to show its button or a message',
  );
}

/** Clicks the popup element `#id`. */
export async function popupClick(ff: FirefoxWithExtension, id: string): Promise<void> {
  const clicked = await ff.inPopup((doc, elementId) => {
    const el = doc.getElementById(elementId);
    el?.click();
    return Boolean(el);
  }, id);
  if (!clicked) throw new Error(`the popup has no #${id}`);
}

/** Polls `fn(popupDocument)` in the popup until it returns something truthy. */
export function popupWaitFor<R>(
  ff: FirefoxWithExtension,
  fn: (doc: Document) => R,
  what = fn.toString(),
): Promise<NonNullable<R>> {
  return poll(() => ff.inPopup(fn), what);
}

/** Closes the popup if it is still open (a person clicking elsewhere) and waits until it is gone. */
export async function closePopup(ff: FirefoxWithExtension): Promise<void> {
  await ff.inExtension(() => {
    for (const view of browser.extension.getViews({ type: 'popup' })) view.close();
  });
  await poll(async () => !(await popupOpen(ff)), 'the popup to close');
}

/** Waits for a popup that closes itself (after a successful toggle it calls window.close()). */
export function popupGone(ff: FirefoxWithExtension): Promise<true> {
  return poll(async () => !(await popupOpen(ff)) || null, 'the popup to close itself') as Promise<true>;
}
