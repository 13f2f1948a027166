/**
 * Picture addresses: where lazy loaders keep them, which values are pictures at all, and each
 * <img>/<source>/<video poster> of the clone given the address its script would have shown,
 * absolute against the page (exports and the CLI show the article away from the page).
 * Only the known lazy-loading attributes count, and only when they hold an http(s) address:
 * arbitrary data-* never becomes a src.
 */

/** Attributes lazy loaders keep the picture's address in, most specific first. */
export const LAZY_SRC = [
  'data-lazy-src', // WP Rocket, Jetpack
  'data-src', // lazysizes, Medium, Squarespace
  'data-original', // jQuery lazyload
  'data-wpfc-original-src', // WP Fastest Cache
  'data-pagespeed-lazy-src', // mod_pagespeed
  'data-cfsrc', // Cloudflare Mirage
  'data-orig-src', // Avada
  'data-lazy',
  'data-lazyload',
  'data-original-src',
  'data-hi-res-src',
  'data-full-src',
  'data-actualsrc',
  'data-echo',
];
export const LAZY_SRCSET = [
  'data-lazy-srcset',
  'data-srcset',
  'data-wpfc-original-srcset',
  'data-orig-srcset',
  'data-original-srcset',
];
/**
 * Addresses a script swaps out: files named for what they are and nothing else ("blank.gif",
 * "lazy-placeholder.png", "spacer_1x1.gif"); "dark-gray-sofa.jpg" is a picture.
 */
const STAND_IN =
  '(?:blank|spacer|placeholder|transparent|trans|clear|pixel|lazy|lazyload|loading|loader|empty|grey|gray|dummy|\\d+x\\d+)';
// Each word ends at a separator or at the extension: no way to split one word two ways (no backtracking blow-up).
const PLACEHOLDER_FILE = new RegExp(`^(?:${STAND_IN}[_.-])*${STAND_IN}\\.(?:gif|png|svg|jpe?g|webp)$`, 'i');
/** Not a picture whatever the attribute says (a page link, a script, a video). */
const NOT_IMAGE = /\.(html?|php|aspx?|jsp|js|mjs|css|json|xml|txt|pdf|mp4|webm|m3u8|mp3)(\?|#|$)/i;

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
  if (value === '' || value === 'about:blank' || /^data:/i.test(value)) return true;
  // The file name only, and a short one: a page's attribute never makes the pattern crawl.
  const file =
    value
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  return file.length <= 80 && PLACEHOLDER_FILE.test(file);
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
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value.charCodeAt(i) === COMMA)) i++;
    let start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      while (i < n && value.charCodeAt(i) !== COMMA) i++;
      descriptor = value.slice(start, i).trim();
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

const COMMA = 44;
/** HTML's ASCII whitespace: tab, LF, FF, CR, space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** One <img> or <source>: the lazy address where the page's script would put it, every address absolute. */
export function restorePicture(el: Element, base: string | null): void {
  const lazySrc = firstOf(el, LAZY_SRC, (v) => imageUrl(v, base));
  const src = el.getAttribute('src');
  if (lazySrc) {
    setIfChanged(el, 'src', lazySrc);
    // Readability copies into src any attribute of a "lazy" image that looks like a picture
    // address, the last one winning (data-pin-media, data-large-file…): this one is settled.
    for (const name of Array.from(el.classList)) if (/lazy/i.test(name)) el.classList.remove(name);
  } else if (src !== null && !/^data:/i.test(src.trim())) {
    setIfChanged(el, 'src', imageUrl(src, base));
  }
  const lazySrcset = firstOf(el, LAZY_SRCSET, (v) => resolveSrcset(v, base));
  const srcset = el.getAttribute('srcset');
  if (lazySrcset) {
    setIfChanged(el, 'srcset', lazySrcset);
  } else if (srcset !== null) {
    const abs = resolveSrcset(srcset, base);
    const standIn = parseSrcset(srcset).every((c) => isPlaceholder(c.url));
    // A stand-in srcset would win over the restored src in the browser: it goes.
    if (standIn && (lazySrc || !abs)) el.removeAttribute('srcset');
    else setIfChanged(el, 'srcset', abs);
  }
  // A real srcset over a stand-in src (Next.js images): the browser shows the srcset; exports
  // and Markdown read src, so it gets the set's last (largest, as sets are written) picture.
  const set = el.getAttribute('srcset');
  if (el.localName === 'img' && set && isPlaceholder(el.getAttribute('src')) && !isPlaceholder(set))
    setIfChanged(el, 'src', parseSrcset(set).pop()?.url ?? null);
}

/** An <img> that shows a picture (or will: a lazy address), not a stand-in. */
export function showsPicture(img: Element): boolean {
  const srcset = img.getAttribute('srcset');
  const realSet = srcset !== null && parseSrcset(srcset).some((c) => !isPlaceholder(c.url));
  return !isPlaceholder(img.getAttribute('src')) || realSet || hasLazyAddress(img);
}

/** Setting an attribute is a mutation the browser reacts to (image selection): only when it changes. */
function setIfChanged(el: Element, name: string, value: string | null): void {
  if (value !== null && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function hasLazyAddress(img: Element): boolean {
  return [...LAZY_SRC, ...LAZY_SRCSET].some((name) => img.hasAttribute(name));
}

function firstOf(el: Element, names: string[], accept: (value: string) => string | null): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    const ok = value === null ? null : accept(value);
    if (ok) return ok;
  }
  return null;
}
