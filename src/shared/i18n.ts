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

/**
 * Language and direction of the messages actually shown. Read from the messages files themselves,
 * not @@ui_locale / @@bidi_dir: Chromium started with --lang=ar picks the Arabic messages while
 * still reporting en_US and ltr there, which would set Arabic text left to right.
 */
export const uiLang = (): string => t('uiLang', undefined, 'en');
export const uiDir = (): 'ltr' | 'rtl' => (t('uiDir') === 'rtl' ? 'rtl' : 'ltr');
