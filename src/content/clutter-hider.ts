/**
 * In-place hiding, uBlock style: nothing is removed. Each clutter block gets one attribute and
 * one adopted stylesheet hides everything carrying it. Switching off removes both, so the DOM
 * is exactly as it was.
 */
import { findClutter } from '../core/find-clutter';
import { sheetFor } from './dom';

export const HIDDEN_ATTR = 'data-declutter-hidden';
const HIDE_CSS = `[${HIDDEN_ATTR}] { display: none !important; }`;

export interface ClutterHider {
  readonly count: number;
  readonly on: boolean;
  hide(): number;
  show(): void;
}

/** `skipRules` names the rules the person chose never to apply on this site. */
export function createClutterHider(doc: Document, skipRules: () => string[] = () => []): ClutterHider {
  let hidden: Element[] = [];
  let on = false;
  const sheet = sheetFor(HIDE_CSS);

  function show(): void {
    for (const el of hidden) el.removeAttribute(HIDDEN_ATTR);
    hidden = [];
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    on = false;
  }

  function hide(): number {
    show();
    // Blocks the page already marked (a stale run) are left to the fresh pass below.
    const skip = new Set(skipRules());
    const hits = findClutter(doc).filter(
      (hit) => !hit.element.hasAttribute(HIDDEN_ATTR) && !skip.has(hit.rule),
    );
    for (const hit of hits) hit.element.setAttribute(HIDDEN_ATTR, hit.rule);
    hidden = hits.map((hit) => hit.element);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    on = true;
    return hidden.length;
  }

  return {
    get count() {
      return hidden.length;
    },
    get on() {
      return on;
    },
    hide,
    show,
  };
}
