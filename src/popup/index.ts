/**
 * Popup wiring: find the tab, ask it for its status, send what the person chooses.
 * `popup.html?tab=ID` acts on that tab instead of the active one (the popup opened as a page,
 * e.g. for the accessibility checks).
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { TabStatus } from '../shared/protocol';
import { activeTab, callTab, isRestrictedUrl } from '../shared/tab';
import { wireExport } from './export';
import { $, localize, renderStatus, showMessageOnly } from './render';
import { mountSettings } from './settings';
import { wireShortcut } from './shortcut';

async function main(): Promise<void> {
  localize();
  await mountSettings();
  await wireShortcut();

  const forced = Number(new URLSearchParams(location.search).get('tab')) || undefined;
  const tab = forced ? await browser.tabs.get(forced) : await activeTab();
  const tabId = tab?.id;
  if (tabId === undefined || isRestrictedUrl(tab?.url)) return showMessageOnly(t('popupRestricted'));
  let status: TabStatus;
  try {
    status = await callTab(tabId, 'status', null);
  } catch {
    // executeScript refused: a browser page, the PDF viewer, an error page, a store page.
    return showMessageOnly(t('popupRestricted'));
  }
  renderStatus(status);
  $('read').focus();
  $('read').addEventListener('click', async () => {
    const result = await callTab(tabId, 'toggle-view', null);
    if (result.ok) window.close();
    else showMessageOnly(result.message);
  });
  $<HTMLInputElement>('hide-clutter').addEventListener('change', async (e) => {
    status = await callTab(tabId, 'set-hide-clutter', { on: (e.target as HTMLInputElement).checked });
    renderStatus(status);
  });
  wireExport(tabId, () => status.viewOpen);
}

main().catch((error: unknown) => showMessageOnly(t('popupError', String(error))));
