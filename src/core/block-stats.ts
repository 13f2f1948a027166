/**
 * Measures of one block that the clutter rules decide on: its text, its links and where they
 * go, its buttons and form fields, and how much running prose it holds. Computed in one walk of
 * the block and cached per element for the duration of one findClutter pass.
 */
import { BLOCK_TAGS, collapse, INVISIBLE_TAGS, isElement, isText, tagOf } from './text.ts';

export interface LinkInfo {
  /** Collapsed link text (an icon-only link has ''). */
  text: string;
  /** The href as written. */
  href: string;
  /** Resolved against the document, or null when it does not parse. */
  url: URL | null;
  /** Points into this same page (href="#..." or this page's URL plus a fragment). */
  inPage: boolean;
}

export interface BlockStats {
  /** Visible text, collapsed. */
  text: string;
  /** Characters of text inside links, summed over links (collapsed per link). */
  linkChars: number;
  /** The text outside links, collapsed: what a block says besides its links. */
  plainText: string;
  links: LinkInfo[];
  /** Texts of buttons: <button>, <input type=submit|button>, [role=button]. */
  buttons: string[];
  /** The most non-link text any single block (paragraph, list item, div...) holds: the prose guard. */
  proseChars: number;
  /** The block's first short heading-like line (<= 60 chars), or null. */
  label: string | null;
  hasForm: boolean;
  hasEmailInput: boolean;
  hasTextarea: boolean;
  /** Holds the page's h1 or a <main>: a wrapper of the page, never a clutter block. */
  wrapsPage: boolean;
}

const LABEL_MAX = 60;
const BUTTON_INPUT_TYPES = new Set(['submit', 'button', 'reset', 'image']);

/** The page's own URL without the fragment, to tell in-page links from links elsewhere. */
export function pageUrlOf(doc: Document | null): string | null {
  const raw = doc?.URL ?? doc?.documentURI;
  if (!raw || raw === 'about:blank') return null;
  try {
    const url = new URL(raw);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function baseOf(doc: Document | null): string | undefined {
  const base = doc?.baseURI;
  return base && base !== 'about:blank' ? base : undefined;
}

export function linkInfo(a: Element, pageUrl: string | null): LinkInfo {
  const href = (a.getAttribute('href') ?? '').trim();
  let url: URL | null = null;
  try {
    url = new URL(href, baseOf(a.ownerDocument) ?? pageUrl ?? 'http://invalid.invalid/');
  } catch {
    url = null;
  }
  let inPage = href.startsWith('#') && href.length > 1;
  if (!inPage && url && url.hash.length > 1 && pageUrl) {
    const bare = new URL(url.href);
    bare.hash = '';
    inPage = bare.href === pageUrl;
  }
  return { text: collapse(a.textContent ?? ''), href, url, inPage };
}

export function computeStats(el: Element, pageUrl: string | null): BlockStats {
  const parts: string[] = [];
  const plain: string[] = [];
  const stats: BlockStats = {
    text: '',
    linkChars: 0,
    plainText: '',
    links: [],
    buttons: [],
    proseChars: 0,
    label: null,
    hasForm: false,
    hasEmailInput: false,
    hasTextarea: false,
    wrapsPage: false,
  };
  let labelSource: Element | null = null;
  let sawText = false;
  // Non-link characters per block; the block is the nearest block element, or `el` itself.
  const prose = new Map<Element, number>();

  const visit = (node: Node, block: Element, inLink: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isText(child)) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        if (!inLink) plain.push(value);
        const chars = collapse(value).length;
        if (chars === 0) continue;
        if (!inLink) prose.set(block, (prose.get(block) ?? 0) + chars);
        if (!sawText) {
          sawText = true;
          labelSource = headingOf(child.parentNode as Element | null, el);
        }
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (INVISIBLE_TAGS.has(tag)) continue;
      noteElement(child, tag, stats, pageUrl);
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        parts.push(' ');
        plain.push(' ');
      }
      const isLink = tag === 'A' && child.hasAttribute('href');
      visit(child, isBlock ? child : block, inLink || isLink);
      if (isBlock) parts.push(' ');
    }
  };
  visit(el, el, tagOf(el) === 'A' && el.hasAttribute('href'));
  if (tagOf(el) === 'A' && el.hasAttribute('href')) stats.links.unshift(linkInfo(el, pageUrl));

  stats.text = collapse(parts.join(''));
  stats.plainText = collapse(plain.join(' '));
  stats.linkChars = stats.links.reduce((sum, l) => sum + l.text.length, 0);
  stats.proseChars = Math.max(0, ...prose.values());
  const source = labelSource as Element | null;
  if (source) {
    const label = collapse(source.textContent ?? '');
    stats.label = label.length > 0 && label.length <= LABEL_MAX ? label : null;
  }
  return stats;
}

function noteElement(child: Element, tag: string, stats: BlockStats, pageUrl: string | null): void {
  switch (tag) {
    case 'A':
      if (child.hasAttribute('href')) stats.links.push(linkInfo(child, pageUrl));
      break;
    case 'BUTTON':
      stats.buttons.push(collapse(child.textContent ?? '') || (child.getAttribute('aria-label') ?? ''));
      break;
    case 'INPUT': {
      const type = (child.getAttribute('type') ?? 'text').toLowerCase();
      if (BUTTON_INPUT_TYPES.has(type)) stats.buttons.push(collapse(child.getAttribute('value') ?? ''));
      if (type === 'email' || /e-?mail/i.test(child.getAttribute('name') ?? '')) stats.hasEmailInput = true;
      break;
    }
    case 'TEXTAREA':
      stats.hasTextarea = true;
      break;
    case 'FORM':
      stats.hasForm = true;
      break;
    case 'H1':
    case 'MAIN':
      stats.wrapsPage = true;
      break;
  }
  if (tag !== 'BUTTON' && child.getAttribute('role') === 'button') {
    stats.buttons.push(collapse(child.textContent ?? ''));
  }
}

/**
 * The line a text node sits on, climbing out of inline wrappers (<em>, <span>...) to the nearest
 * block inside the candidate. Text loose in the candidate has no heading, unless an inline
 * wrapper other than a link sets it apart (`<strong>Related:</strong> <a>...</a>`).
 */
function headingOf(parent: Element | null, top: Element): Element | null {
  let el = parent;
  while (el && el !== top && !BLOCK_TAGS.has(tagOf(el))) el = el.parentElement;
  if (el && el !== top) return el;
  return parent && parent !== top && tagOf(parent) !== 'A' ? parent : null;
}
