/**
 * Keeping the reader's place between the page and the view. Each text block of the view is paired
 * with the element of the live page that holds the same text; the first pair visible below a
 * given line gives the place on one side, and its partner is where the other side scrolls to.
 * Text, not position: the view's layout (font, width) has nothing in common with the page's.
 */

/** Blocks a reader's eye lands on, in the view. */
const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,dd,dt,td,th';
/** A div that holds only text and inline markup stands for a paragraph (Readability makes it a p). */
const BLOCKY = new Set([
  'P',
  'DIV',
  'UL',
  'OL',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'FIGURE',
  'H2',
  'H3',
]);
/** Less of a block than this showing at the top doesn't count as "being read". */
const SLACK_PX = 32;
/** Room left above the block we scroll to. */
const GAP_PX = 12;

export interface Pair {
  view: Element;
  live: Element;
}

export const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function pairBlocks(view: Element, doc: Document): Pair[] {
  const live = new Map<string, Element>();
  for (const el of doc.body?.querySelectorAll(`${BLOCKS},div`) ?? []) {
    if (el.tagName === 'DIV' && [...el.children].some((c) => BLOCKY.has(c.tagName))) continue;
    const text = squash(el.textContent);
    if (text.length < 2) continue;
    const seen = live.get(text);
    // Elements come parents first: a child with the same text is the tighter match. A repeat
    // elsewhere (a pull quote) keeps the first.
    if (!seen || seen.contains(el)) live.set(text, el);
  }
  const pairs: Pair[] = [];
  for (const el of view.querySelectorAll(BLOCKS)) {
    const match = live.get(squash(el.textContent));
    if (match) pairs.push({ view: el, live: match });
  }
  return pairs;
}

/** The first pair whose `side` shows more than a sliver below `line` (a y in the viewport). */
export function pairAt(pairs: Pair[], side: keyof Pair, line: number): Pair | undefined {
  return pairs.find((p) => p[side].getBoundingClientRect().bottom > line + SLACK_PX);
}

/** Scrolls `scroller` (or the window) so `el` starts just below `line`. */
export function scrollToLine(el: Element, line: number, scroller?: Element): void {
  const delta = el.getBoundingClientRect().top - line - GAP_PX;
  if (scroller) scroller.scrollTop += delta;
  else el.ownerDocument.defaultView?.scrollBy({ top: delta, behavior: 'instant' });
}
