/**
 * The page under an open view: skipped, not restyled.
 *
 * One constructable sheet on the document, and nothing else, keeps the page out of the way while
 * the view is open: `content-visibility: hidden` on what <html> holds besides the view. Skipped
 * content is not rendered, not focusable, and not in the accessibility tree or find-in-page, just
 * as `inert` on <body> did. But `inert` is inherited through style, so setting it restyled every
 * element of the page on each toggle (about 7 ms of a 26 ms second toggle, issue 6) and
 * painting went on under the view; a skipped subtree keeps its style and layout for when the view
 * closes.
 *
 * Skipping makes <body> size-contained, so it is given its own content-box size back: the
 * document keeps its height and the page its scroll position. Where that is not enough (a margin
 * collapsing through <body>, a page scrolled to its very bottom, a <body> that is the scroller
 * itself) the offsets read at open are put back at close.
 */
import { ruleText } from './dom';

/** The reading view's host element, a child of <html>. */
export const VIEW_TAG = 'declutter-reader';

/** Printing while the view is open prints the article, not the page under it. */
const PRINT_CSS = `@media print{html>:not(${VIEW_TAG}){display:none!important}}`;

export interface PageCover {
  /** Takes the sheet off; with restoreScroll, puts the page's scroll offsets back if skipping moved them. */
  lift(opts: { restoreScroll: boolean }): void;
}

/** Covers the page: reads all geometry first, then writes the one sheet. */
export function coverPage(doc: Document, sheet: CSSStyleSheet): PageCover {
  const win = doc.defaultView as Window;
  const body = doc.body;
  const x = win.scrollX;
  const y = win.scrollY;
  const bodyTop = body?.scrollTop ?? 0;
  const size = body ? contentBox(body, win) : null;
  const keepSize = size ? `body{contain-intrinsic-size:${size.width}px ${size.height}px!important}` : '';
  sheet.replaceSync(
    `${PRINT_CSS}html>:not(head,${VIEW_TAG}){content-visibility:hidden!important}${keepSize}`,
  );
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    lift({ restoreScroll }) {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      if (!restoreScroll) return;
      if (body && body.scrollTop !== bodyTop) body.scrollTop = bodyTop;
      if (win.scrollX !== x || win.scrollY !== y) win.scrollTo({ left: x, top: y, behavior: 'instant' });
    },
  };
}

function contentBox(el: HTMLElement, win: Window): { width: number; height: number } {
  const rect = el.getBoundingClientRect();
  const s = win.getComputedStyle(el);
  const px = (v: string): number => Number.parseFloat(v) || 0;
  const width =
    rect.width - px(s.paddingLeft) - px(s.paddingRight) - px(s.borderLeftWidth) - px(s.borderRightWidth);
  const height =
    rect.height - px(s.paddingTop) - px(s.paddingBottom) - px(s.borderTopWidth) - px(s.borderBottomWidth);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Takes off a cover sheet that nobody can lift any more (its content script was orphaned): left
 * alone it would keep the page hidden. Found by a part its serialized first rule keeps.
 */
export function dropCoverSheets(doc: Document): void {
  const mark = `:not(${VIEW_TAG})`;
  const sheets = doc.adoptedStyleSheets;
  const kept = sheets.filter((sheet) => !ruleText(sheet).includes(mark));
  if (kept.length !== sheets.length) doc.adoptedStyleSheets = kept;
}
