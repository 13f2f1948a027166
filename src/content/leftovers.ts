/**
 * What an earlier content script of ours left on the page and can no longer take back.
 *
 * After the extension is reloaded or updated, the old script is orphaned. Chromium lets it run
 * on, and it cleans up by itself (clutter-hider and open-guard poll for a dead runtime). Firefox
 * stops it outright: its timers and observers never run again, so its hidden blocks, its view
 * over a skipped page and its sheets stay on the page. The new script arrives with the next
 * toolbar click or shortcut on that tab and, before anything else, clears them here: a fresh
 * script has made nothing yet, so every element and sheet of ours on the page is a leftover.
 */
import { dropHidingLeftovers } from './hide-marks';
import { dropCoverSheets, VIEW_TAG } from './page-cover';

/** Our hosts in the page: the reading view and the short notice. */
const HOSTS = `${VIEW_TAG}, declutter-notice`;

export function dropLeftovers(doc: Document): void {
  const hosts = [...doc.querySelectorAll(HOSTS)];
  for (const host of hosts) host.remove();
  dropCoverSheets(doc);
  dropHidingLeftovers(doc);
}
