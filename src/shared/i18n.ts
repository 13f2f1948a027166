/**
 * UI text from _locales, and the extension API object without the polyfill.
 * i18n.getMessage is synchronous in every browser, and storage/runtime return promises in
 * Chromium MV3 and Firefox alike, so the size-budgeted content script (issue 6) does not need
 * webextension-polyfill for them.
 */
import type Browser from 'webextension-polyfill';

type Api = Browser.Browser;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

/**
 * `browser` where it is the real thing (Firefox), else `chrome`. The runtime.id check is the
 * polyfill's own: a page element with id="browser" is visible as a global and must not count.
 */
export const ext = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;

/** The message, or `fallback` (default: the key itself, so a gap is visible, not blank). */
export function t(key: string, substitutions?: string | string[], fallback = key): string {
  return ext?.i18n.getMessage(key, substitutions) || fallback;
}

/** The UI locale as a BCP 47 tag ("pt-BR") and its writing direction. */
export const uiLang = (): string => t('@@ui_locale', undefined, 'en').replace('_', '-');
export const uiDir = (): 'ltr' | 'rtl' => (t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr');
