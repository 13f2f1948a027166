/** Popup wiring: find the tab, ask it for its status, send what the person chooses. */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { ToggleResult } from '../shared/protocol';
import { activeTab, callTab, isRestrictedUrl } from '../shared/tab';
import { $, localize, renderShortcut, renderStatus, showMessageOnly } from './render';

async function main(): Promise<void> {
  localize();
  const commands = await browser.commands.getAll();
  renderShortcut(commands.find((c) => c.name === 'toggle-reader')?.shortcut);
  $('change-shortcut').addEventListener('click', openShortcutSettings);

  const tab = await activeTab();
  const tabId = tab?.id;
  if (tabId === undefined || isRestrictedUrl(tab?.url)) return showMessageOnly(t('popupRestricted'));
  try {
    renderStatus(await callTab(tabId, 'status', null));
  } catch {
    // executeScript refused: a browser page, the PDF viewer, an error page, a store page.
    return showMessageOnly(t('popupRestricted'));
  }
  $('read').focus();
  $('read').addEventListener('click', async () => {
    const result: ToggleResult = await callTab(tabId, 'toggle-view', null);
    if (result.ok) window.close();
    else showMessageOnly(result.message);
  });
  $<HTMLInputElement>('hide-clutter').addEventListener('change', async (e) => {
    const on = (e.target as HTMLInputElement).checked;
    renderStatus(await callTab(tabId, 'set-hide-clutter', { on }));
  });
}

/** Firefox has a settings page API (FF 137+); Chromium opens its shortcuts page as a tab. */
function openShortcutSettings(): void {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

main().catch((error: unknown) => showMessageOnly(t('popupError', String(error))));
