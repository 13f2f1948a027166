/** Turning a tab's status into what the popup shows. No messaging here: index.ts wires it. */

import { t } from '../shared/i18n';
import type { TabStatus } from '../shared/protocol';

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html lacks #${id}`);
  return el as T;
};

export function localize(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t(el.dataset.i18n ?? '');
  document.documentElement.lang = t('@@ui_locale').replace('_', '-');
  document.documentElement.dir = t('@@bidi_dir');
}

/** A page we can't touch: one sentence, no controls that would do nothing. */
export function showMessageOnly(text: string): void {
  $('message').textContent = text;
  $('message').hidden = false;
  $('read').hidden = true;
  $('hide-row').hidden = true;
  $('hidden-count').textContent = '';
}

export function renderStatus(status: TabStatus): void {
  const read = $<HTMLButtonElement>('read');
  read.hidden = !status.readable && !status.viewOpen;
  read.textContent = t(status.viewOpen ? 'popupClose' : 'popupOpen');
  $('message').hidden = status.readable || status.viewOpen;
  if (!status.readable) $('message').textContent = t('popupNotArticle');
  $('hide-row').hidden = false;
  $<HTMLInputElement>('hide-clutter').checked = status.hideClutter;
  $('hidden-count').textContent = !status.hideClutter
    ? ''
    : status.hiddenCount
      ? t('popupHiddenCount', String(status.hiddenCount))
      : t('popupHiddenNone');
}

export function renderShortcut(shortcut: string | undefined): void {
  $('shortcut').textContent = shortcut ? t('popupShortcut', shortcut) : t('popupShortcutNone');
}
