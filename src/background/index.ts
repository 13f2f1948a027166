/**
 * Service worker: wiring only. It keeps no per-tab state (it can be evicted at any time);
 * the content script in each tab is the source of truth.
 *
 *   shortcut ──▶ commands.onCommand ──▶ callTab(tab, 'toggle-view') ──▶ content script
 *   toolbar  ──▶ popup.html (the popup talks to the tab itself)
 */
import browser from 'webextension-polyfill';
import { callTab, isRestrictedUrl } from '../shared/tab';

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-reader' || tab?.id === undefined || isRestrictedUrl(tab.url)) return;
  try {
    await callTab(tab.id, 'toggle-view', null);
  } catch (error) {
    // A page we may not script (PDF viewer, error page): nothing to do, and nothing to break.
    console.info('Declutter: cannot run on this tab:', String(error));
  }
});
