/**
 * What an earlier content script of ours left on the page and can no longer take back.
 *
 * After the extension is reloaded or updated, the old script is orphaned. Chromium lets it run
 * on, and it cleans up by itself (clutter-hider and open-guard poll for a dead runtime). Firefox
 * stops it outright: its timers and observers never run again, so its hidden blocks, its view
 * over an inert <body> and its sheets stay on the page. The new script arrives with the next
 * toolbar click or shortcut on that tab and, before anything else, clears them here: a fresh
 * script has made nothing yet, so every element and sheet of ours on the page is a leftover.
 */
import { dropHidingLeftovers, ruleText } from './clutter-hider';
import { VIEW_TAG } from './reader-view';

/** Our hosts in the page: the reading view and the short notice. */
const HOSTS = `${VIEW_TAG}, declutter-notice`;
/** The view's print sheet says "print nothing but the view": left alone it would print a blank page. */
const PRINT_RULE = `:not(${VIEW_TAG})`;

export function dropLeftovers(doc: Document): void {
  const hosts = [...doc.querySelectorAll(HOSTS)];
  // The view made <body> inert when it opened; a body inert before that is rare enough to lose.
  if (hosts.some((host) => host.localName === VIEW_TAG)) doc.body?.removeAttribute('inert');
  for (const host of hosts) host.remove();
  const sheets = doc.adoptedStyleSheets;
  const kept = sheets.filter((sheet) => !ruleText(sheet).includes(PRINT_RULE));
  if (kept.length !== sheets.length) doc.adoptedStyleSheets = kept;
  dropHidingLeftovers(doc);
}
