/**
 * In-place hiding, uBlock style: nothing is removed. Each clutter block gets one attribute and
 * one adopted stylesheet hides everything carrying it (hide-marks.ts). Switching off removes
 * both, so the DOM is exactly as it was. Shipped in view-extras.js, loaded on the first
 * switch-on (extras.ts): a person who only reads never pays for it.
 *
 * While on, two things keep that true as the page lives on:
 * - blocks the page adds or rebuilds are hidden too (added-watch: the clutter rules run on just
 *   the elements added, at most once a frame, each judged alone: added-clutter);
 * - an orphaned script (the extension reloaded or updated under us) takes its attribute and sheet
 *   back off by itself: the new script can't reach them, and nobody could switch them off.
 */
import type { ClutterHit } from '../core/find-clutter';
import { clutterJudge } from './added-clutter';
import { type Roots, watchAdded } from './added-watch';
import { sheetFor } from './dom';
import type { ExtrasEngine } from './extras';
import { dropHidingLeftovers, HIDDEN_ATTR, HIDE_CSS, INSIDE_HIDDEN } from './hide-marks';
import { runtimeAlive } from './runtime-alive';

/** How often, while on, we ask whether the extension is still there. */
const ORPHAN_CHECK_MS = 500;

export interface ClutterHider {
  /** Hidden blocks still in the page (blocks the page threw away don't count). */
  readonly count: number;
  readonly on: boolean;
  hide(): number;
  show(): void;
}

/**
 * `skipRules` names the rules the person chose never to apply on this site. The rules come from
 * `engine` (content.js lends it): this module ships in view-extras.js, which must not carry a
 * second copy of the engine.
 */
export function createClutterHider(
  doc: Document,
  engine: Pick<ExtrasEngine, 'findClutter'>,
  skipRules: () => string[] = () => [],
): ClutterHider {
  const hidden = new Set<Element>();
  let on = false;
  let stopWatch: (() => void) | null = null;
  let orphanTimer: ReturnType<typeof setInterval> | undefined;
  const sheet = sheetFor(HIDE_CSS);

  const judge = clutterJudge(doc, engine.findClutter);

  /** Hits for the whole page, or for each element the page added (judged alone: added-clutter). */
  function hitsIn(roots: Roots): ClutterHit[] {
    if (!Array.isArray(roots)) return engine.findClutter(roots);
    const hits: ClutterHit[] = [];
    for (const el of roots) {
      // Put back by the page with our mark on it (a node it had kept, or a copy of one): still ours.
      if (el.hasAttribute(HIDDEN_ATTR)) hidden.add(el);
      else if (!el.parentElement?.closest(INSIDE_HIDDEN)) hits.push(...judge(el));
    }
    return hits;
  }

  /** Marks what the rules find in `roots`; blocks inside a hidden block are hidden already. */
  function mark(roots: Roots): void {
    const skip = new Set(skipRules());
    for (const hit of hitsIn(roots)) {
      const el = hit.element;
      if (skip.has(hit.rule) || el.parentElement?.closest(INSIDE_HIDDEN)) continue;
      // Unchanged blocks found again keep their attribute untouched: no write, no mutation.
      if (el.getAttribute(HIDDEN_ATTR) !== hit.rule) el.setAttribute(HIDDEN_ATTR, hit.rule);
      hidden.add(el);
    }
    // Blocks the page removed (a re-rendered bar's old nodes) are let go, not held in memory.
    for (const el of hidden) if (!el.isConnected) hidden.delete(el);
  }

  /**
   * Our own marks and sheet off the page, and nothing left watching. Orphaned, we leave the marks
   * alone once our sheet is gone: a new script dropped it (leftovers.ts) and its marks may now sit
   * on the same blocks.
   */
  function unhide(orphaned = false): void {
    stopWatch?.();
    stopWatch = null;
    clearInterval(orphanTimer);
    orphanTimer = undefined;
    const sheets = doc.adoptedStyleSheets;
    if (!orphaned || sheets.includes(sheet)) for (const el of hidden) el.removeAttribute(HIDDEN_ATTR);
    hidden.clear();
    doc.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
    on = false;
  }

  function show(): void {
    unhide();
    dropHidingLeftovers(doc);
  }

  function hide(): number {
    show();
    mark(doc);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    on = true;
    stopWatch = watchAdded(doc, mark);
    orphanTimer = setInterval(() => {
      if (!runtimeAlive()) unhide(true);
    }, ORPHAN_CHECK_MS);
    return hidden.size;
  }

  return {
    get count() {
      let n = 0;
      for (const el of hidden) if (el.isConnected) n++;
      return n;
    },
    get on() {
      return on;
    },
    hide,
    show,
  };
}
