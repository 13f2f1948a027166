/**
 * <noscript> fallbacks (Medium, many WordPress themes): a placeholder <img> that a script fills,
 * and beside it a <noscript> with the real picture. Where scripts run (the content script's page,
 * the CLI's Chromium) a <noscript> is one text node, so Readability's own unwrapping never fires.
 * Its markup goes through DOMPurify (sanitize.ts, the one place markup becomes DOM), all of a
 * page's in one call, and only the picture's address attributes are copied onto a new <img>.
 */
import { LAZY_SRC, LAZY_SRCSET, restorePicture, showsPicture } from './media-urls.ts';
import { sanitizeNodeToFragment } from './sanitize.ts';

/** A tracking pixel in a <noscript> is no picture of the article. */
const MAX_PIXEL = 2;
/** No page needs more: a bound on the markup parsed. */
const MAX_NOSCRIPTS = 300;
/** Copied from a <noscript> picture: what it shows, never handlers or styles. */
const PICTURE_ATTRS = ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height'];

interface Fallback {
  noscript: Element;
  /** The placeholder it stands in for; none when the <noscript> stands alone. */
  beside: Element | null;
  /** Its picture (contents parsed as elements), or the index of its markup in the batch. */
  picture: Element | number | null;
}

/**
 * Puts each <noscript> picture of `clone` in place of the placeholder beside it (before or after),
 * or of the <noscript> itself when there is none. Beside a picture that shows (or will: a lazy
 * address), beside several pictures, or holding a tracking pixel, a <noscript> is left as it is.
 */
export function unwrapNoscriptPictures(clone: Document, base: string | null, win: Window | null): void {
  const fallbacks: Fallback[] = [];
  const markups: string[] = [];
  for (const noscript of Array.from(clone.querySelectorAll('body noscript')).slice(0, MAX_NOSCRIPTS)) {
    // The placeholder sits before the <noscript> (lazysizes' docs) or after it (many themes).
    const prev = noscript.previousElementSibling;
    const next = noscript.nextElementSibling;
    const beside = soleImage(prev) ?? soleImage(next);
    if (beside ? showsPicture(beside) : prev?.querySelector('img') || next?.querySelector('img')) continue;
    // Where scripting is off (jsdom, some parsers) the contents are elements already.
    if (noscript.firstElementChild) {
      fallbacks.push({ noscript, beside, picture: singleImage(noscript) });
    } else {
      const markup = noscript.textContent ?? '';
      if (!win || !/<img\b/i.test(markup) || /display\s*:\s*none/i.test(markup)) continue;
      fallbacks.push({ noscript, beside, picture: markups.push(markup) - 1 });
    }
  }
  const parsed = parseAll(markups, win);
  for (const fallback of fallbacks) {
    const picture = typeof fallback.picture === 'number' ? parsed[fallback.picture] : fallback.picture;
    if (picture && !isPixel(picture)) replace(fallback, picture, base);
  }
}

function replace({ noscript, beside }: Fallback, picture: Element, base: string | null): void {
  const img = noscript.ownerDocument.createElement('img');
  for (const name of [...PICTURE_ATTRS, ...LAZY_SRC, ...LAZY_SRCSET]) {
    const value = picture.getAttribute(name);
    if (value !== null) img.setAttribute(name, value);
  }
  restorePicture(img, base);
  if (!img.getAttribute('src')) return;
  if (!beside) {
    noscript.replaceWith(img);
    return;
  }
  const alt = beside.getAttribute('alt');
  if (!img.getAttribute('alt') && alt) img.setAttribute('alt', alt);
  beside.replaceWith(img);
  noscript.remove();
}

/**
 * The single picture of each markup, null where there is none, from one DOMPurify call: each in a
 * <div> of its own. Markup that breaks out of its <div> (a stray </div>) shifts the count, and
 * then each is parsed alone.
 */
function parseAll(markups: string[], win: Window | null): Array<Element | null> {
  if (markups.length === 0 || !win) return [];
  const boxes = Array.from(
    sanitizeNodeToFragment(markups.map((m) => `<div>${m}</div>`).join(''), win).children,
  );
  if (boxes.length === markups.length && boxes.every((box) => box.localName === 'div'))
    return boxes.map(singleImage);
  return markups.map((markup) => singleImage(sanitizeNodeToFragment(markup, win)));
}

/** `node` if it is an <img>, or the one <img> of a <picture> or of a chain of single wrappers. */
function soleImage(node: Element | null): Element | null {
  let el = node;
  while (el) {
    if (el.localName === 'img') return el;
    if (el.localName === 'picture') return el.querySelector('img');
    if (el.childElementCount !== 1 || (el.textContent ?? '').trim()) return null;
    el = el.firstElementChild;
  }
  return null;
}

/** The one <img> under `root`, with no text beside it. */
function singleImage(root: Element | DocumentFragment): Element | null {
  const imgs = root.querySelectorAll('img');
  return imgs.length === 1 && !(root.textContent ?? '').trim() ? (imgs[0] ?? null) : null;
}

function isPixel(img: Element): boolean {
  const size = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  const hidden = /display\s*:\s*none/i.test(img.getAttribute('style') ?? '');
  return hidden || size('width') <= MAX_PIXEL || size('height') <= MAX_PIXEL;
}
