/**
 * The marks of in-place hiding: one attribute on each hidden block and one adopted sheet that
 * hides everything carrying it. The hider itself ships in view-extras.js (clutter-hider.ts); this
 * part stays in content.js, which drops an orphaned script's marks before anything else runs.
 */
import { ruleText, sheetFor } from './dom';

export const HIDDEN_ATTR = 'data-declutter-hidden';
export const HIDE_CSS = `[${HIDDEN_ATTR}] { display: none !important; }`;
export const INSIDE_HIDDEN = `[${HIDDEN_ATTR}]`;

/**
 * Marks of ours the live script does not hold and hide sheets it did not adopt: an earlier
 * script's that could not clean up (leftovers.ts), and marked nodes the page detached and put
 * back. The live script owns every mark on the page, so switching off clears them all.
 */
export function dropHidingLeftovers(doc: Document): void {
  for (const el of doc.querySelectorAll(INSIDE_HIDDEN)) el.removeAttribute(HIDDEN_ATTR);
  const own = sheetFor(HIDE_CSS);
  const hideRule = ruleText(own);
  const sheets = doc.adoptedStyleSheets;
  const kept = sheets.filter((s) => s === own || ruleText(s) !== hideRule);
  if (kept.length !== sheets.length) doc.adoptedStyleSheets = kept;
}
