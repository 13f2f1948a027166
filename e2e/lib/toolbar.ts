/**
 * The toolbar button and its popup, driven the way a person drives them: CDP
 * Extensions.triggerAction is the browser's own "toolbar icon clicked" path (it grants activeTab
 * and opens the real popup.html), and the popup is clicked with trusted mouse events.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { TargetSession } from './target-session';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  embedderData?: { tabActive?: boolean };
}

async function targets(b: ExtensionBrowser, type?: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await b.cdp.send('Target.getTargets', type ? { filter: [{ type }] } : {})) as {
    targetInfos: TargetInfo[];
  };
  return targetInfos;
}

/**
 * triggerAction wants the *tab* target, whose id differs from the page target Playwright knows.
 * Bring the page to the front and take the active tab showing its URL.
 */
export async function tabTargetId(b: ExtensionBrowser, page: Page): Promise<string> {
  await page.bringToFront();
  const tabs = await targets(b, 'tab');
  const tab =
    tabs.find((t) => t.embedderData?.tabActive && t.url === page.url()) ??
    tabs.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  return tab.targetId;
}

/** Clicks the toolbar button for `page` and returns the popup that opens. */
export async function clickToolbar(b: ExtensionBrowser, page: Page): Promise<TargetSession> {
  const popupUrl = `chrome-extension://${b.extensionId}/popup.html`;
  const before = new Set((await targets(b)).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  await b.cdp.send('Extensions.triggerAction', { id: b.extensionId, targetId: await tabTargetId(b, page) });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const popup = (await targets(b)).find((t) => t.url === popupUrl && !before.has(t.targetId));
    if (popup) {
      const session = await TargetSession.attach(b.cdp, popup.targetId);
      await session.waitFor(() => document.readyState === 'complete', undefined, { what: 'popup loaded' });
      return session;
    }
    if (Date.now() > deadline) throw new Error('the toolbar click opened no popup');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the popup shows once it has heard from the tab (or decided it can't). */
export interface PopupState {
  readText: string | null;
  message: string | null;
  switchShown: boolean;
  switchOn: boolean;
  hiddenCount: string;
  shortcut: string;
}

/** Waits until the popup has rendered its first answer, then reads it. */
export async function popupState(popup: TargetSession): Promise<PopupState> {
  return popup.waitFor(
    () => {
      const shown = (id: string) => {
        const el = document.getElementById(id);
        return el && !el.hidden ? el : null;
      };
      const read = shown('read');
      const message = shown('message');
      if (!read && !message) return null;
      const toggle = document.getElementById('hide-clutter') as HTMLInputElement | null;
      return {
        readText: read?.textContent?.trim() ?? null,
        message: message?.textContent?.trim() ?? null,
        switchShown: Boolean(shown('hide-row')),
        switchOn: Boolean(toggle?.checked),
        hiddenCount: document.getElementById('hidden-count')?.textContent?.trim() ?? '',
        shortcut: document.getElementById('shortcut')?.textContent?.trim() ?? '',
      };
    },
    undefined,
    { what: 'the popup to show its button or a message' },
  );
}

/** Closes a popup that is still open (a person clicking elsewhere). */
export async function closePopup(b: ExtensionBrowser, popup: TargetSession): Promise<void> {
  if (popup.closed) return;
  await b.cdp.send('Target.closeTarget', { targetId: popup.targetId }).catch(() => {});
  await popup.gone;
}
