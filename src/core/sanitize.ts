/**
 * THE one place where untrusted HTML becomes DOM. Everything the reading view shows passes
 * through DOMPurify with PURIFY_CONFIG; nothing here assigns innerHTML: DOMPurify parses and
 * returns a DocumentFragment (RETURN_DOM_FRAGMENT) or a string it serialized itself.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';

/**
 * What an article may contain. DOMPurify's defaults already drop scripts, event-handler
 * attributes (onerror, onload…) and javascript:/vbscript: URLs; on top of them:
 * - HTML and SVG only (no MathML: its parsing quirks have been a source of mXSS bugs), and the
 *   SVG profile without <use>/<foreignObject>/<animate>/<set> (DOMPurify's SVG deny list);
 * - no frames, plugins, forms or form controls, no <base>/<meta>/<link>/<style>: an article is
 *   text and pictures, and each of these can load, submit or restyle things;
 * - no `style` attributes (the reading view has its own styles and a page's inline styles can
 *   hide or overlay text), no `srcdoc`/`formaction`/`action`/`ping`;
 * - data: URLs only as images (see dropNonImageDataUrls), which DOMPurify allows on media tags only.
 * data-* attributes stay: they are inert without the page's scripts and tests use them.
 */
export const PURIFY_CONFIG = {
  USE_PROFILES: { html: true, svg: true },
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'dialog',
    'base',
    'meta',
    'link',
    'noscript',
    'template',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping'],
  // Text of dropped controls is UI, not article: drop it with them.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'option'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
} satisfies Config;

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp|x-icon|svg\+xml)[;,]/i;

/** data: is fine for a picture, never for anything else (e.g. data:text/html in <source> or <image>). */
function dropNonImageDataUrls(_node: Element, data: { attrValue: string; keepAttr: boolean }): void {
  const value = data.attrValue.trim();
  if (/^data:/i.test(value) && !SAFE_DATA_IMAGE.test(value)) data.keepAttr = false;
}

/** One DOMPurify per window: it binds to the window's DOM classes at creation. */
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = DOMPurify(win as unknown as WindowLike);
    purifier.addHook('uponSanitizeAttribute', dropNonImageDataUrls);
    purifiers.set(win, purifier);
  }
  return purifier;
}

/** Sanitized HTML as a string, for storing and passing around. `dirty` may be markup or a node (copied, not changed). */
export function sanitizeHtml(dirty: string | Node, win: Window): string {
  return purifierFor(win).sanitize(dirty, PURIFY_CONFIG);
}

/** Sanitized content as a fragment of `win`'s document; `dirty` may be markup or a node (copied, not changed). */
export function sanitizeNodeToFragment(dirty: string | Node, win: Window): DocumentFragment {
  return purifierFor(win).sanitize(dirty, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Links in the reading view open in a new tab and give the target no handle on this page. */
function openLinksSafely(node: Element): void {
  if (node.nodeName.toLowerCase() === 'a' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

declare const sanitized: unique symbol;
/** Content that came out of sanitizeArticle: the only kind the reading view inserts. */
export type SafeFragment = DocumentFragment & { readonly [sanitized]: true };

/**
 * An article's content, sanitized once, for the reading view and for Article.html: a copy of
 * `dirty` (not changed) as a fragment of DOMPurify's inert document (nothing in it loads until it
 * is appended to a page), links opening in a new tab with no handle on this page. Node in, node
 * out: no markup is parsed, so there is no serialize-and-reparse step for mutation XSS to hide in.
 */
export function sanitizeArticle(dirty: Node, win: Window): SafeFragment {
  const purifier = purifierFor(win);
  purifier.addHook('afterSanitizeAttributes', openLinksSafely);
  try {
    return purifier.sanitize(dirty, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true }) as SafeFragment;
  } finally {
    purifier.removeHook('afterSanitizeAttributes', openLinksSafely);
    // DOMPurify keeps what it removed (whole subtrees) until its next call: let it go now.
    purifier.removed = [];
  }
}

/**
 * Sanitized content copied into `doc`, ready to append. A copy, never DOMPurify's own nodes: an
 * element that carried an event-handler attribute in DOMPurify's document keeps a handler in
 * Chromium after the attribute is removed, and moved into a page from a content script's world
 * it fires there (the hostile e2e page's `<img onerror>` did). A copy made in `doc` never had
 * the attribute.
 */
export function importSafe(content: SafeFragment, doc: Document): DocumentFragment {
  return doc.importNode(content, true);
}

/** The markup of sanitized content (left as it is), e.g. for Article.html. */
export function serializeSafe(content: SafeFragment): string {
  const box = content.ownerDocument.createElement('div');
  box.append(content.cloneNode(true));
  return box.innerHTML;
}

/**
 * Sanitized DOM ready to append into `doc`: no HTML string is ever assigned.
 * Links get target="_blank" rel="noopener noreferrer" (a hook added for this call only).
 */
export function sanitizeToFragment(html: string, doc: Document): DocumentFragment {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitizeToFragment needs a document that has a window');
  const purifier = purifierFor(win);
  purifier.addHook('afterSanitizeAttributes', openLinksSafely);
  try {
    const fragment = purifier.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
    // DOMPurify builds in a document of its own; adopt into `doc` so the nodes belong where they go.
    return doc.importNode(fragment, true);
  } finally {
    purifier.removeHook('afterSanitizeAttributes', openLinksSafely);
  }
}
