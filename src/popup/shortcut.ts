/** The shortcut line at the foot of the popup: what is assigned, and a way to change it. */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { $ } from './render';

export async function wireShortcut(): Promise<void> {
  const shortcut = (await browser.commands.getAll()).find((c) => c.name === 'toggle-reader')?.shortcut;
  $('shortcut').textContent = shortcut ? t('popupShortcut', shortcut) : t('popupShortcutNone');
  $('change-shortcut').addEventListener('click', () => {
    // Firefox has a settings page API (FF 137+); Chromium opens its shortcuts page as a tab.
    const commands = browser.commands as typeof browser.commands & {
      openShortcutSettings?: () => Promise<void>;
    };
    if (commands.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  });
}
