/**
 * Service worker: wiring only. It keeps no per-tab state (it can be evicted at any time);
 * the content script in each tab is the source of truth.
 *
 *   shortcut ──▶ commands.onCommand ──▶ callTab(tab, 'toggle-view') ──▶ content script
 *   toolbar  ──▶ popup.html (the popup talks to the tab itself)
 *   content  ──▶ 'load-extras' ──▶ scripting.executeScript(view-extras.js) into the sender's frame
 */
import browser from 'webextension-polyfill';
import { onMessages } from '../shared/protocol';
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

// The view's panels, asked for by our content script the first time the person opens one. Only
// a content script (a sender with a tab) asks; the tab's activeTab grant, the one that let
// content.js in, lets this file in too.
onMessages({
  'load-extras': async (_payload, sender): Promise<true> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('load-extras comes from a tab');
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: ['view-extras.js'],
    });
    return true;
  },
});
