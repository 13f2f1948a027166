/**
 * Measures of one block that the clutter rules decide on: its text, its links and where they
 * go, its buttons and form fields, and how much running prose it holds.
 *
 * Every element's measures are built from its children's (memoized), so one findClutter pass
 * reads each DOM node once however deep the page nests; the strings a rule reads are only
 * collapsed for the blocks small enough to reach the rules.
 */
import { BLOCK_TAGS, collapse, INVISIBLE_TAGS, isElement, isText, SPACE, tagOf } from './text.ts';

export interface LinkInfo {
  /** Collapsed link text (an icon-only link has ''). */
  readonly text: string;
  /** The href as written. */
  readonly href: string;
  /** Resolved against the document, or null when it does not parse. */
  readonly url: URL | null;
  /** Points into this same page (href="#…" or this page's URL plus a fragment). */
  readonly inPage: boolean;
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
  /** Visible text, collapsed; what collapse() of the concatenated raw text gives. */
  text: Run;
  /** The same without link text: a space stands where text outside links meets. */
  plain: Run;
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

/**
 * Collapsed text built piece by piece: collapse(a + b) from collapse(a) and collapse(b) plus
 * whether whitespace stood at their ends. Every element's text is then ready without one regex
 * replace per element: big pages have tens of thousands of small blocks the rules read.
 */
class Run {
  text = '';
  /** The raw text starts with whitespace (before any other character). */
  lead = false;
  /** Whitespace is pending after the last word (or, while text is '', anywhere so far). */
  trail = false;

  add(text: string, lead: boolean, trail: boolean): void {
    if (text === '') {
      if (lead || trail) {
        if (this.text === '') this.lead = true;
        this.trail = true;
      }
      return;
    }
    if (this.text === '') {
      this.lead ||= lead;
      this.text = text;
    } else {
      // String += builds ropes: cheap at every level, flattened where a rule reads the text.
      this.text += this.trail || lead ? ` ${text}` : text;
    }
    this.trail = trail;
  }

  /** Appends `other` as a block: whitespace on both sides, as a line break would. */
  addBlock(other: Run): void {
    this.add(other.text, true, true);
  }

  addInline(other: Run): void {
    this.add(other.text, other.lead, other.trail);
  }
}

/**
 * collapse(value) without the regex in the common cases: already collapsed, or collapsed but for
 * whitespace at the ends (source indentation around a line of text).
 */
function collapsedText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && SPACE[value.charCodeAt(start)] === 1) start++;
  while (end > start && SPACE[value.charCodeAt(end - 1)] === 1) end--;
  let prevSpace = false;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    if (SPACE[code] === 1) {
      if (prevSpace || code !== 32) return collapse(value);
      prevSpace = true;
    } else prevSpace = false;
  }
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

const LABEL_MAX = 60;
/** The shared empty list; never pushed to (measure copies before it adds). */
const NONE: never[] = [];
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

/**
 * A link whose text and URL are worked out on first use: a big page has thousands of links and
 * most of them sit in blocks that no rule reads link by link (comment threads, long lists).
 */
class Link implements LinkInfo {
  readonly href: string;
  #url: URL | null | undefined;
  #inPage: boolean | undefined;

  constructor(
    private readonly a: Element,
    private readonly pageUrl: string | null,
    /** The link's own measures: its text is already collapsed there. */
    private readonly parts: () => Parts,
  ) {
    this.href = (a.getAttribute('href') ?? '').trim();
  }

  get text(): string {
    return this.parts().text.text;
  }

  get url(): URL | null {
    if (this.#url === undefined) {
      const docBase = this.a.ownerDocument?.baseURI;
      const base =
        docBase && docBase !== 'about:blank' ? docBase : (this.pageUrl ?? 'http://invalid.invalid/');
      try {
        this.#url = new URL(this.href, base);
      } catch {
        this.#url = null;
      }
    }
    return this.#url;
  }

  get inPage(): boolean {
    if (this.#inPage === undefined) {
      const { href, pageUrl } = this;
      // Only an href with a fragment can point into this page: most links need no URL parsing.
      let inPage = href.startsWith('#') && href.length > 1;
      const url = !inPage && pageUrl && href.includes('#') ? this.url : null;
      if (url && url.hash.length > 1) {
        const bare = new URL(url.href);
        bare.hash = '';
        inPage = bare.href === pageUrl;
      }
      this.#inPage = inPage;
    }
    return this.#inPage;
  }
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
      s = new Stats(el, partsOf(el), partsOf);
      stats.set(el, s);
    }
    return s;
  };
}

function measure(el: Element, partsOf: (el: Element) => Parts, pageUrl: string | null): Parts {
  const tag = tagOf(el);
  const isLink = tag === 'A' && el.hasAttribute('href');
  const p: Parts = {
    text: new Run(),
    plain: new Run(),
    approxChars: 0,
    links: isLink ? [new Link(el, pageUrl, () => p)] : NONE,
    buttons: NONE,
    loose: 0,
    inner: 0,
    firstText: null,
    hasForm: tag === 'FORM',
    hasEmailInput: false,
    hasTextarea: tag === 'TEXTAREA',
    wrapsPage: tag === 'H1' || tag === 'MAIN',
  };
  noteControl(el, tag, p);
  // Arrays are shared up the tree until a second child adds to them: most elements hold no
  // link or button, or only their single child's.
  let ownLinks = isLink;
  let ownButtons = p.buttons !== NONE;

  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      const value = child.nodeValue ?? '';
      if (value === '') continue;
      const text = collapsedText(value);
      const lead = SPACE[value.charCodeAt(0)] === 1;
      const trail = SPACE[value.charCodeAt(value.length - 1)] === 1;
      p.text.add(text, lead, trail);
      // A space where a link's text was keeps the words around it apart.
      p.plain.add(text, true, trail);
      if (text === '') continue;
      p.approxChars += text.length + 1;
      p.loose += text.length;
      p.firstText ??= child;
      continue;
    }
    if (!isElement(child)) continue;
    const childTag = tagOf(child);
    if (INVISIBLE_TAGS.has(childTag)) continue;
    const c = partsOf(child);
    const block = BLOCK_TAGS.has(childTag);
    if (block) {
      p.text.addBlock(c.text);
      p.plain.addBlock(c.plain);
    } else {
      p.text.addInline(c.text);
      p.plain.addInline(c.plain);
    }
    p.approxChars += c.approxChars;
    if (c.links.length > 0) {
      if (p.links.length === 0) p.links = c.links;
      else {
        if (!ownLinks) p.links = p.links.slice();
        ownLinks = true;
        for (const link of c.links) p.links.push(link);
      }
    }
    if (c.buttons.length > 0) {
      if (p.buttons.length === 0) p.buttons = c.buttons;
      else {
        if (!ownButtons) p.buttons = p.buttons.slice();
        ownButtons = true;
        for (const button of c.buttons) p.buttons.push(button);
      }
    }
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
    p.plain = new Run();
    p.loose = 0;
    p.inner = 0;
  }
  return p;
}

function noteControl(el: Element, tag: string, p: Parts): void {
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button') {
    p.buttons = [collapse(el.textContent ?? '') || (el.getAttribute('aria-label') ?? '')];
  } else if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (BUTTON_INPUT_TYPES.has(type)) p.buttons = [collapse(el.getAttribute('value') ?? '')];
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
  #linkChars: number | undefined;
  #label: string | null | undefined;

  constructor(
    private readonly el: Element,
    private readonly parts: Parts,
    private readonly partsOf: (el: Element) => Parts,
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
    return this.parts.text.text;
  }

  get plainText(): string {
    return this.parts.plain.text;
  }

  get linkChars(): number {
    this.#linkChars ??= this.links.reduce((sum, l) => sum + l.text.length, 0);
    return this.#linkChars;
  }

  get label(): string | null {
    if (this.#label === undefined) {
      const source = headingOf(this.parts.firstText?.parentNode ?? null, this.el);
      const label = source ? this.partsOf(source).text.text : '';
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
