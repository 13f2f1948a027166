/**
 * media: what a page's scripts would have shown and Readability would drop or mangle, put back on
 * the clone before Readability sees it (cloneForReading), and the article's language read from
 * where its text came from (articleLanguage).
 *
 * - Lazy pictures: the real address waits in data-src / data-lazy-src / data-original (and
 *   data-srcset…) behind a 1x1 GIF or an empty SVG until a script swaps it in. Readability only
 *   swaps addresses ending in .jpg/.png/.webp and keeps an SVG placeholder; CDN addresses without
 *   an extension lose the picture. Only the known lazy-loading attributes count, and only when
 *   they hold an http(s) address: arbitrary data-* never becomes a src.
 * - <noscript> fallbacks: where scripts run (the content script's page, the CLI's Chromium) a
 *   <noscript> is one text node, so Readability's own unwrapping never fires; its markup goes
 *   through DOMPurify (sanitize.ts, the one place markup becomes DOM) and only the picture's
 *   address attributes are copied onto a new <img>.
 * - Addresses: every picture address becomes absolute against the page, so exports and the CLI
 *   show them too (Readability resolves only what it keeps, and not on the refine.ts copy path).
 * - <pre>: Readability turns <br><br> into <p> anywhere, even inside code; lines become text.
 */

import { noteLanguages } from './media-lang.ts';
import { sanitizeNodeToFragment } from './sanitize.ts';

export { articleLanguage } from './media-lang.ts';

/** Attributes lazy loaders keep the picture's address in, most specific first. */
const LAZY_SRC = [
  'data-lazy-src',
  'data-src',
  'data-original',
  'data-lazy',
  'data-lazyload',
  'data-original-src',
  'data-hi-res-src',
  'data-full-src',
  'data-actualsrc',
  'data-echo',
];
const LAZY_SRCSET = ['data-lazy-srcset', 'data-srcset', 'data-original-srcset'];
/** Addresses a script swaps out: stand-in files named for what they are. */
const PLACEHOLDER_FILE =
  /(^|[/_.-])(blank|spacer|placeholder|transparent|pixel|lazy|lazyload|loading|loader|empty|grey|gray|dummy|1x1)([_.-][^/]*)?\.(gif|png|svg|jpe?g|webp)(\?.*)?$/i;
/** Not a picture whatever the attribute says (a page link, a script, a video). */
const NOT_IMAGE = /\.(html?|php|aspx?|jsp|js|mjs|css|json|xml|txt|pdf|mp4|webm|m3u8|mp3)(\?|#|$)/i;
/** A tracking pixel in a <noscript> is no picture of the article. */
const MAX_PIXEL = 2;
/** No page needs more: a bound on DOMPurify calls for <noscript> text. */
const MAX_NOSCRIPTS = 300;
/** Copied from a <noscript> picture: what it shows, never handlers or styles. */
const PICTURE_ATTRS = ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height'];

/**
 * A copy of `doc` ready for Readability: lazy pictures and <noscript> fallbacks restored, picture
 * addresses absolute, code lines kept. The live page is never touched.
 */
export function cloneForReading(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  const base = baseOf(doc);
  const win = doc.defaultView;
  unwrapNoscriptPictures(clone, base, win);
  for (const el of Array.from(clone.querySelectorAll('img, source, video[poster]'))) restorePicture(el, base);
  for (const br of Array.from(clone.querySelectorAll('pre br'))) br.replaceWith('\n');
  noteLanguages(clone);
  return clone;
}

function baseOf(doc: Document): string | null {
  const base = doc.baseURI || doc.URL;
  return typeof base === 'string' && /^https?:/i.test(base) ? base : null;
}

/** `value` as an absolute http(s) address of a picture, or null when it is anything else. */
export function imageUrl(value: string | null, base: string | null): string | null {
  const raw = value?.trim();
  if (!raw || /[\s"'<>{}]/.test(raw) || NOT_IMAGE.test(raw)) return null;
  try {
    // Without a page address (a DOM with no URL) a relative address stays as written.
    const url = new URL(raw, base ?? 'http://base.invalid/');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return base || /^https?:/i.test(raw) ? url.href : raw;
  } catch {
    return null;
  }
}

/** A src that only holds the place of the picture: none, a data: stand-in, or a named stand-in file. */
export function isPlaceholder(src: string | null): boolean {
  const value = src?.trim() ?? '';
  return value === '' || value === 'about:blank' || /^data:/i.test(value) || PLACEHOLDER_FILE.test(value);
}

/** A srcset with every address absolute, or null when any candidate is not an http(s) picture. */
export function resolveSrcset(value: string | null, base: string | null): string | null {
  const candidates = parseSrcset(value ?? '');
  if (candidates.length === 0) return null;
  const out: string[] = [];
  for (const { url, descriptor } of candidates) {
    const abs = imageUrl(url, base);
    if (!abs) return null;
    out.push(descriptor ? `${abs} ${descriptor}` : abs);
  }
  return out.join(', ');
}

/** The HTML srcset grammar, simplified: an address runs to whitespace (commas inside it stay, as in CDN transforms). */
function parseSrcset(value: string): Array<{ url: string; descriptor: string }> {
  const out: Array<{ url: string; descriptor: string }> = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] ?? '')) i++;
    let start = i;
    while (i < value.length && !/\s/.test(value[i] ?? '')) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      while (i < value.length && value[i] !== ',') i++;
      descriptor = value.slice(start, i).trim();
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/** One <img>, <source> or <video>: the lazy address where the page's script would put it, every address absolute. */
function restorePicture(el: Element, base: string | null): void {
  if (el.localName === 'video') {
    const poster = imageUrl(el.getAttribute('poster'), base);
    if (poster) el.setAttribute('poster', poster);
    return;
  }
  const lazySrc = firstOf(el, LAZY_SRC, (v) => imageUrl(v, base));
  const lazySrcset = firstOf(el, LAZY_SRCSET, (v) => resolveSrcset(v, base));
  const src = el.getAttribute('src');
  if (lazySrc) {
    el.setAttribute('src', lazySrc);
    // Readability copies into src any attribute of a "lazy" image that looks like a picture
    // address, the last one winning (data-pin-media, data-large-file…): this one is settled.
    for (const name of Array.from(el.classList)) if (/lazy/i.test(name)) el.classList.remove(name);
  } else if (src !== null && !/^data:/i.test(src.trim())) {
    const abs = imageUrl(src, base);
    if (abs) el.setAttribute('src', abs);
  }
  const srcset = el.getAttribute('srcset');
  if (lazySrcset) {
    el.setAttribute('srcset', lazySrcset);
  } else if (srcset !== null) {
    const abs = resolveSrcset(srcset, base);
    const standIn = parseSrcset(srcset).every((c) => isPlaceholder(c.url));
    // A stand-in srcset would win over the restored src in the browser: it goes.
    if (standIn && (lazySrc || !abs)) el.removeAttribute('srcset');
    else if (abs) el.setAttribute('srcset', abs);
  }
}

function firstOf(el: Element, names: string[], accept: (value: string) => string | null): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    const ok = value === null ? null : accept(value);
    if (ok) return ok;
  }
  return null;
}

/**
 * A <noscript> holding one picture stands in for a placeholder beside it (Medium, many WordPress
 * themes): the picture replaces the placeholder, or the <noscript> itself when there is none.
 * Next to a picture that already shows, or holding a tracking pixel, it is left as it is.
 */
function unwrapNoscriptPictures(clone: Document, base: string | null, win: Window | null): void {
  const noscripts = Array.from(clone.querySelectorAll('body noscript')).slice(0, MAX_NOSCRIPTS);
  for (const noscript of noscripts) {
    const picture = noscriptPicture(noscript, win);
    if (!picture) continue;
    const img = clone.createElement('img');
    for (const name of [...PICTURE_ATTRS, ...LAZY_SRC, ...LAZY_SRCSET]) {
      const value = picture.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    restorePicture(img, base);
    // DOMPurify dropped the style attribute of parsed markup: look for display:none in the text.
    const hidden = /display\s*:\s*none/i.test(noscript.textContent ?? '');
    if (!img.getAttribute('src') || hidden || isPixel(picture)) continue;
    const prev = noscript.previousElementSibling;
    const beside = soleImage(prev);
    // Beside several pictures or a <picture> of its own there is nothing to put it in place of.
    if (!beside && prev?.querySelector('img')) continue;
    if (beside) {
      if (!isPlaceholder(beside.getAttribute('src')) && !hasLazyAddress(beside)) continue;
      if (!img.getAttribute('alt') && beside.getAttribute('alt'))
        img.setAttribute('alt', beside.getAttribute('alt') ?? '');
      beside.replaceWith(img);
      noscript.remove();
    } else {
      noscript.replaceWith(img);
    }
  }
}

/** The one <img> a <noscript> holds and nothing else, parsed inertly when it is text. */
function noscriptPicture(noscript: Element, win: Window | null): Element | null {
  // Where scripting is off (jsdom, some parsers) the contents are elements already.
  if (noscript.firstElementChild) return singleImage(noscript);
  const markup = noscript.textContent ?? '';
  if (!win || !/<img\b/i.test(markup)) return null;
  return singleImage(sanitizeNodeToFragment(markup, win));
}

/** `node` if it is an <img>, or the one <img> it holds with no text (a wrapper, a <picture>). */
function soleImage(node: Element | null): Element | null {
  if (!node) return null;
  if (node.localName === 'img') return node;
  const imgs = node.querySelectorAll('img');
  return imgs.length === 1 && !(node.textContent ?? '').trim() ? (imgs[0] ?? null) : null;
}

/** The one <img> a <noscript> holds, with no text beside it. */
function singleImage(root: ParentNode): Element | null {
  const imgs = root.querySelectorAll('img');
  return imgs.length === 1 && !(root.textContent ?? '').trim() ? (imgs[0] ?? null) : null;
}

function hasLazyAddress(img: Element): boolean {
  return (
    LAZY_SRC.some((name) => img.hasAttribute(name)) || LAZY_SRCSET.some((name) => img.hasAttribute(name))
  );
}

function isPixel(img: Element): boolean {
  const size = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  const hidden = /display\s*:\s*none/i.test(img.getAttribute('style') ?? '');
  return hidden || size('width') <= MAX_PIXEL || size('height') <= MAX_PIXEL;
}
