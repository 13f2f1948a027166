/**
 * Measures of one block that the clutter rules decide on: its text, its links and where they
 * go, its buttons and form fields, and how much running prose it holds.
 *
 * Every element's measures are built from its children's (memoized), so one findClutter pass
 * reads each DOM node once however deep the page nests; the strings a rule reads are only
 * collapsed for the blocks small enough to reach the rules.
 */
import { BLOCK_TAGS, collapse, collapsedLength, INVISIBLE_TAGS, isElement, isText, tagOf } from './text.ts';

export interface LinkInfo {
  /** Collapsed link text (an icon-only link has ''). */
  text: string;
  /** The href as written. */
  href: string;
  /** Resolved against the document, or null when it does not parse. */
  url: URL | null;
  /** Points into this same page (href="#…" or this page's URL plus a fragment). */
  inPage: boolean;
}

export interface BlockStats {
  /** Length of the visible text, about (collapsed text nodes plus a separator each): a cheap size gate. */
  readonly approxChars: number;
  /** Visible text, collapsed. */
  readonly text: string;
  /** The text outside links, collapsed: what a block says besides its links. */
  readonly plainText: string;
  /** Characters of link text, summed over links. */
  readonly linkChars: number;
  readonly links: readonly LinkInfo[];
  /** Texts of buttons: <button>, <input type=submit|button>, [role=button]. */
  readonly buttons: readonly string[];
  /** The most non-link text any single block (paragraph, list item, div…) holds: the prose guard. */
  readonly proseChars: number;
  /** The block's first short heading-like line (<= 60 chars), or null. */
  readonly label: string | null;
  readonly hasForm: boolean;
  readonly hasEmailInput: boolean;
  readonly hasTextarea: boolean;
  /** Is or holds the page's h1 or a <main>: a wrapper of the page, never a clutter block. */
  readonly wrapsPage: boolean;
}

/** What an element contributes to its ancestors' measures. */
interface Parts {
  raw: string;
  plain: string;
  approxChars: number;
  links: LinkInfo[];
  buttons: string[];
  /** Non-link chars not inside a nested block: they belong to this element's nearest block. */
  loose: number;
  /** The most non-link chars any nested block holds. */
  inner: number;
  firstText: Node | null;
  hasForm: boolean;
  hasEmailInput: boolean;
  hasTextarea: boolean;
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

export function linkInfo(a: Element, pageUrl: string | null): LinkInfo {
  const href = (a.getAttribute('href') ?? '').trim();
  const docBase = a.ownerDocument?.baseURI;
  const base = docBase && docBase !== 'about:blank' ? docBase : (pageUrl ?? 'http://invalid.invalid/');
  let url: URL | null = null;
  try {
    url = new URL(href, base);
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

/** A stats lookup for one pass over one document: each element measured once, on demand. */
export function statsCache(pageUrl: string | null): (el: Element) => BlockStats {
  // Maps, not WeakMaps: the cache lives for one pass, and Map lookups are cheaper.
  const parts = new Map<Element, Parts>();
  const stats = new Map<Element, BlockStats>();

  const partsOf = (el: Element): Parts => {
    let p = parts.get(el);
    if (!p) {
      p = measure(el, partsOf, pageUrl);
      parts.set(el, p);
    }
    return p;
  };

  return (el) => {
    let s = stats.get(el);
    if (!s) {
      s = new Stats(el, partsOf(el));
      stats.set(el, s);
    }
    return s;
  };
}

function measure(el: Element, partsOf: (el: Element) => Parts, pageUrl: string | null): Parts {
  const tag = tagOf(el);
  const isLink = tag === 'A' && el.hasAttribute('href');
  const p: Parts = {
    raw: '',
    plain: '',
    approxChars: 0,
    links: isLink ? [linkInfo(el, pageUrl)] : [],
    buttons: [],
    loose: 0,
    inner: 0,
    firstText: null,
    hasForm: tag === 'FORM',
    hasEmailInput: false,
    hasTextarea: tag === 'TEXTAREA',
    wrapsPage: tag === 'H1' || tag === 'MAIN',
  };
  noteControl(el, tag, p);

  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      const value = child.nodeValue ?? '';
      const chars = collapsedLength(value);
      // String += builds ropes: cheap at every level, flattened only where a rule reads the text.
      p.raw += value;
      // A space where a link's text was keeps the words around it apart.
      p.plain += ` ${value}`;
      if (chars === 0) continue;
      p.approxChars += chars + 1;
      p.loose += chars;
      p.firstText ??= child;
      continue;
    }
    if (!isElement(child)) continue;
    const childTag = tagOf(child);
    if (INVISIBLE_TAGS.has(childTag)) continue;
    const c = partsOf(child);
    const block = BLOCK_TAGS.has(childTag);
    p.raw += block ? ` ${c.raw} ` : c.raw;
    p.plain += block ? ` ${c.plain} ` : c.plain;
    p.approxChars += c.approxChars;
    if (c.links.length > 0) p.links.push(...c.links);
    if (c.buttons.length > 0) p.buttons.push(...c.buttons);
    if (block) p.inner = Math.max(p.inner, c.inner, c.loose);
    else {
      p.loose += c.loose;
      p.inner = Math.max(p.inner, c.inner);
    }
    p.firstText ??= c.firstText;
    p.hasForm ||= c.hasForm;
    p.hasEmailInput ||= c.hasEmailInput;
    p.hasTextarea ||= c.hasTextarea;
    p.wrapsPage ||= c.wrapsPage;
  }
  if (isLink) {
    // Link text is never prose and never "what the block says besides its links".
    p.plain = '';
    p.loose = 0;
    p.inner = 0;
  }
  return p;
}

function noteControl(el: Element, tag: string, p: Parts): void {
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button') {
    p.buttons.push(collapse(el.textContent ?? '') || (el.getAttribute('aria-label') ?? ''));
  } else if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (BUTTON_INPUT_TYPES.has(type)) p.buttons.push(collapse(el.getAttribute('value') ?? ''));
    if (type === 'email' || /e-?mail/i.test(el.getAttribute('name') ?? '')) p.hasEmailInput = true;
  }
}

/** The measures a rule reads, with the string work done on first use. */
class Stats implements BlockStats {
  readonly approxChars: number;
  readonly links: readonly LinkInfo[];
  readonly buttons: readonly string[];
  readonly proseChars: number;
  readonly hasForm: boolean;
  readonly hasEmailInput: boolean;
  readonly hasTextarea: boolean;
  readonly wrapsPage: boolean;
  #text: string | undefined;
  #plainText: string | undefined;
  #linkChars: number | undefined;
  #label: string | null | undefined;

  constructor(
    private readonly el: Element,
    private readonly parts: Parts,
  ) {
    this.approxChars = parts.approxChars;
    this.links = parts.links;
    this.buttons = parts.buttons;
    // The element itself is the block for its loose text.
    this.proseChars = Math.max(parts.inner, parts.loose);
    this.hasForm = parts.hasForm;
    this.hasEmailInput = parts.hasEmailInput;
    this.hasTextarea = parts.hasTextarea;
    this.wrapsPage = parts.wrapsPage;
  }

  get text(): string {
    this.#text ??= collapse(this.parts.raw);
    return this.#text;
  }

  get plainText(): string {
    this.#plainText ??= collapse(this.parts.plain);
    return this.#plainText;
  }

  get linkChars(): number {
    this.#linkChars ??= this.links.reduce((sum, l) => sum + l.text.length, 0);
    return this.#linkChars;
  }

  get label(): string | null {
    if (this.#label === undefined) {
      const source = headingOf(this.parts.firstText?.parentNode ?? null, this.el);
      const label = source ? collapse(source.textContent ?? '') : '';
      this.#label = label.length > 0 && label.length <= LABEL_MAX ? label : null;
    }
    return this.#label;
  }
}

/**
 * The line a text node sits on, climbing out of inline wrappers (<em>, <span>…) to the nearest
 * block inside the candidate. Text loose in the candidate has no heading, unless an inline
 * wrapper other than a link sets it apart (`<strong>Related:</strong> <a>…</a>`).
 */
function headingOf(parent: Node | null, top: Element): Element | null {
  const start = parent && isElement(parent) ? parent : null;
  let el = start;
  while (el && el !== top && !BLOCK_TAGS.has(tagOf(el))) el = el.parentElement;
  if (el && el !== top) return el;
  return start && start !== top && tagOf(start) !== 'A' ? start : null;
}
