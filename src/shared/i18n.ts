/** UI text from _locales; the key itself if a message is missing, so a gap is visible, not blank. */
import browser from 'webextension-polyfill';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
