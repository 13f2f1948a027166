/** Turning a tab's status into what the popup shows. No messaging here: index.ts wires it. */

import { t, uiDir, uiLang } from '../shared/i18n';
import type { TabStatus } from '../shared/protocol';

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html lacks #${id}`);
  return el as T;
};

/** UI text, language and direction from _locales: an Arabic UI mirrors the whole popup. */
export function localize(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t(el.dataset.i18n ?? '');
  document.documentElement.lang = uiLang();
  document.documentElement.dir = uiDir();
}

/** A page we can't touch: one sentence, no controls that would do nothing. */
export function showMessageOnly(text: string): void {
  $('message').textContent = text;
  $('message').hidden = false;
  for (const id of ['read', 'hide-row', 'removed-count', 'export']) $(id).hidden = true;
  $('hidden-count').textContent = '';
}

export function renderStatus(status: TabStatus): void {
  const read = $<HTMLButtonElement>('read');
  read.hidden = !status.readable && !status.viewOpen;
  read.textContent = t(status.viewOpen ? 'popupClose' : 'popupOpen');
  $('message').hidden = status.readable || status.viewOpen;
  if (!status.readable) $('message').textContent = t(status.inFrame ? 'popupInFrame' : 'popupNotArticle');
  const removed = $('removed-count');
  removed.hidden = status.viewRemoved === undefined;
  removed.textContent = t('popupRemovedCount', String(status.viewRemoved ?? 0));
  $('export').hidden = read.hidden;
  $('hide-row').hidden = false;
  $<HTMLInputElement>('hide-clutter').checked = status.hideClutter;
  $('hidden-count').textContent = !status.hideClutter
    ? ''
    : status.hiddenCount
      ? t('popupHiddenCount', String(status.hiddenCount))
      : t('popupHiddenNone');
}
