/**
 * A second chance when Readability keeps only part of the article. On pages whose story is split
 * over sibling sections (a guide in five <section>s, a review with one box per product, a recipe's
 * intro, ingredients and steps in separate wrappers) Readability scores one section highest and
 * leaves the others out when their scores fall short of its sibling threshold. The page shows the
 * miss plainly: the paragraphs Readability kept sit inside a wider, link-poor container that holds
 * far more prose of the same kind. We find that container so extract can read it instead.
 */
import { BLOCK_TAGS, collapse, collapsedLength, INVISIBLE_TAGS, linkTextLength, tagOf } from './text.ts';

/** A text block counts as prose from this length on (shorter: labels, captions, buttons). */
const PROSE_CHARS = 60;
/** ...and when links are at most this share of it. */
const MAX_PROSE_LINKS = 0.3;
/** Readability must have kept at least this much prose for its choice to locate the article. */
const MIN_KEPT_CHARS = 200;
/** Widen only when Readability kept less than this share of the container's prose. */
const MAX_KEPT_SHARE = 0.6;
/** ...and the container must add at least this much prose (chars). */
const MIN_GAIN_CHARS = 400;
/** Share of Readability's text the wider container must hold (wcxb 0486: 0.39; 0010: 0.62, its lead sits in a header). */
const MIN_COVERED = 0.5;
/** A container whose text is more links than this is a page frame (menus, footers), not a story. */
const MAX_LINK_SHARE = 0.3;
/**
 * Prose under these is page furniture or a discussion, never the story's missing part. List items
 * are left out too: comment threads and teaser lists are lists, a story's sections are not.
 */
const FURNITURE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'LI']);

/** Readability's retry on the wider container stands when it keeps this share of its prose; else the container is read as is. */
export const WIDE_RETRY_SHARE = 0.8;

/** Row groups are not in BLOCK_TAGS, but a layout table's cells hold whole articles. */
const TABLE_PARTS = new Set(['TBODY', 'THEAD', 'TFOOT']);

interface Block {
  element: Element;
  text: string;
  prose: boolean;
}

/** Blocks that hold text directly: block elements without block children. */
function blocksOf(root: Element, skipFurniture: boolean): Block[] {
  const blocks: Block[] = [];
  const visit = (el: Element): void => {
    const tag = tagOf(el);
    if (INVISIBLE_TAGS.has(tag) || (skipFurniture && FURNITURE.has(tag))) return;
    const kids = Array.from(el.children);
    if (kids.some((c) => tagOf(c) !== 'BR' && (BLOCK_TAGS.has(tagOf(c)) || TABLE_PARTS.has(tagOf(c))))) {
      for (const c of kids) visit(c);
      return;
    }
    const text = collapse(el.textContent ?? '');
    if (text.length === 0) return;
    blocks.push({
      element: el,
      text,
      prose: text.length >= PROSE_CHARS && linkTextLength(el) <= text.length * MAX_PROSE_LINKS,
    });
  };
  visit(root);
  return blocks;
}

/** Length of the start and end of a block that identify it on the page. */
const KEY_CHARS = 50;

/**
 * A block's text as found on the page may differ from Readability's copy by a removed link or
 * button inside it ("Skip to next paragraph", a share icon): a block is matched by its whole
 * text, its start or its end.
 */
function keysOf(blocks: readonly Block[]): Set<string> {
  const keys = new Set<string>();
  for (const b of blocks) {
    keys.add(b.text);
    if (b.text.length >= KEY_CHARS) {
      keys.add(`^${b.text.slice(0, KEY_CHARS)}`);
      keys.add(`$${b.text.slice(-KEY_CHARS)}`);
    }
  }
  return keys;
}

function isKept(b: Block, keys: ReadonlySet<string>): boolean {
  return (
    keys.has(b.text) ||
    (b.text.length >= KEY_CHARS &&
      (keys.has(`^${b.text.slice(0, KEY_CHARS)}`) || keys.has(`$${b.text.slice(-KEY_CHARS)}`)))
  );
}

function ancestors(el: Element, stop: Element): Element[] {
  const chain: Element[] = [];
  for (let p = el.parentElement; p && p !== stop; p = p.parentElement) chain.push(p);
  return chain;
}

function classes(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

/** Two elements are parts of one kind: same tag, and a class in common (or neither has one). */
function alike(a: Element, b: Element): boolean {
  if (tagOf(a) !== tagOf(b)) return false;
  const ca = classes(a);
  const cb = new Set(classes(b));
  return (ca.length === 0 && cb.size === 0) || ca.some((c) => cb.has(c));
}

/** Most of the prose `parent` adds over `child` sits in siblings alike to `child`. */
function addsLikeParts(parent: Element, child: Element, proseUnder: Map<Element, number>): boolean {
  let added = 0;
  let like = 0;
  for (const sib of Array.from(parent.children)) {
    if (sib === child) continue;
    const chars = proseUnder.get(sib) ?? 0;
    added += chars;
    if (alike(sib, child)) like += chars;
  }
  return added > 0 && like >= added * 0.7;
}

/** Text and link text (chars, collapsed) of a subtree. */
interface Chars {
  text: number;
  links: number;
}

function charsOf(node: Node): Chars {
  const text = collapsedLength(node.textContent ?? '');
  if (node.nodeType !== 1) return { text, links: 0 };
  const el = node as Element;
  return { text, links: tagOf(el) === 'A' ? text : linkTextLength(el) };
}

const shareOf = (c: Chars): number => (c.text === 0 ? 1 : c.links / c.text);

/**
 * `parent`'s chars from its `child`'s: only the siblings are read, so a climb to the top of the
 * page reads each node once instead of once per level.
 */
function grow(parent: Element, child: Element, sum: Chars): Chars {
  let { text, links } = sum;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node === child) continue;
    const c = charsOf(node);
    text += c.text;
    links += c.links;
  }
  return { text, links };
}

/**
 * How much of the page's prose (chars) Readability's `article` holds. Near nothing on a page with
 * plenty of it means Readability read the wrong block (a product grid, a link table) and extract
 * falls back to the largest prose cluster, as when its result is short.
 */
export function keptProse(doc: Document, article: Element): number {
  const body = doc.body;
  if (!body) return 0;
  const kept = keysOf(blocksOf(article, false));
  let chars = 0;
  for (const b of blocksOf(body, true)) if (b.prose && isKept(b, kept)) chars += b.text.length;
  return chars;
}

/** The prose (chars) of an article: what Readability's retry on the wider container must keep. */
export function proseChars(root: Element): number {
  let chars = 0;
  for (const b of blocksOf(root, false)) if (b.prose) chars += b.text.length;
  return chars;
}

/**
 * The element of `doc` to read instead of Readability's choice, or null to keep its result
 * (`article`, Readability's output). `doc` is only read.
 */
export function widerContainer(doc: Document, article: Element): { element: Element; chars: number } | null {
  const body = doc.body;
  if (!body) return null;
  const outBlocks = blocksOf(article, false);
  const keptKeys = keysOf(outBlocks);
  const prose = blocksOf(body, true).filter((b) => b.prose);
  const kept = prose.filter((b) => isKept(b, keptKeys));
  const keptChars = kept.reduce((n, b) => n + b.text.length, 0);
  if (keptChars < MIN_KEPT_CHARS) return null;

  // The lowest element holding every kept block: where Readability's article sits on the page.
  const first = kept[0];
  if (!first) return null;
  let lca: Element | null = first.element;
  for (const b of kept) while (lca && !lca.contains(b.element)) lca = lca.parentElement;
  if (!lca || lca === body) return null;

  // Prose under each ancestor of a prose block. An <article> is one self-contained story: prose
  // in another one (a teaser's excerpt in a "Latest News" sidebar, wcxb 0296) is never the
  // missing part of this one.
  const proseUnder = new Map<Element, number>();
  for (const b of prose) {
    const story = b.element.closest('article');
    if (story && !story.contains(lca) && !lca.contains(story)) continue;
    for (const a of [b.element, ...ancestors(b.element, body)])
      proseUnder.set(a, (proseUnder.get(a) ?? 0) + b.text.length);
  }

  // Climb while the container stays link-poor and what it adds is more of the same: sections
  // like the one Readability kept (same tag, a class in common), not a sidebar, a comment area
  // or the next story. An <article> is one self-contained story, so the climb ends there.
  let best: Element = lca;
  let bestChars = proseUnder.get(lca) ?? 0;
  let sum = charsOf(lca);
  if (shareOf(sum) > MAX_LINK_SHARE) return null;
  let child = lca;
  for (const a of ancestors(lca, body)) {
    if (tagOf(child) === 'ARTICLE') break;
    sum = grow(a, child, sum);
    if (shareOf(sum) > MAX_LINK_SHARE) break;
    const chars = proseUnder.get(a) ?? 0;
    if (chars > bestChars) {
      if (!addsLikeParts(a, child, proseUnder)) break;
      best = a;
      bestChars = chars;
    }
    child = a;
  }
  if (!best) return null;
  if (keptChars > bestChars * MAX_KEPT_SHARE || bestChars - keptChars < MIN_GAIN_CHARS) return null;
  // Everything Readability kept must still be there: the wider container may not lose a part of
  // its result that sat elsewhere (a lead, a list, a closing section).
  const inside = new Set(blocksOf(best, false).map((b) => b.text));
  let outChars = 0;
  let covered = 0;
  for (const b of outBlocks) {
    if (b.text.length < 20) continue;
    outChars += b.text.length;
    if (inside.has(b.text)) covered += b.text.length;
  }
  if (covered < outChars * MIN_COVERED) return null;
  return { element: best, chars: bestChars };
}
