/** One browser and one page server per test file: the setup every suite shares. */
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from './browser';
import { type PageServer, startPageServer } from './server';
import { clickToolbar, popupState } from './toolbar';
import { waitForView } from './view';

export interface E2eSession {
  server: PageServer;
  browser: ExtensionBrowser;
  page: Page;
  close(): Promise<void>;
}

export async function startSession(options: LaunchOptions = {}): Promise<E2eSession> {
  const server = await startPageServer();
  try {
    const browser = await launchWithExtension(options);
    return {
      server,
      browser,
      page: browser.page,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Toolbar click → popup → its main button, and wait for the view to reach `open`.
 * Returns the popup's button text as it was before the click.
 */
export async function toggleFromToolbar(
  browser: ExtensionBrowser,
  page: Page,
  open: boolean,
): Promise<string | null> {
  const popup = await clickToolbar(browser, page);
  const { readText } = await popupState(popup);
  await popup.click('#read');
  await waitForView(page, open);
  return readText;
}
