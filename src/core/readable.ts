/**
 * Is this page an article worth a reading view? Readability's own quick check, plus one guard it
 * lacks: the prose must sit together. A home page or section listing often has several teaser
 * paragraphs long enough for isProbablyReaderable, but each in its own teaser box; an article has
 * its paragraphs side by side in one body. How much prose it takes depends on what the page
 * declares itself to be: a page marked as an article needs less, a page marked as a product, a
 * forum thread or a Q&A is not one (tuned on WCXB under linkedom: precision 0.69 → 0.76, recall
 * 0.94 → 0.92; then a story in a <header> or <aside>, or told as a list: 0.76, recall 0.94).
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { collapse, INVISIBLE_TAGS, linkTextLength, tagOf } from './text.ts';

/** Paragraph text (chars) that must share one parent before we call a page an article... */
const MIN_CLUSTER_CHARS = 600;
/** ...when the page says it is one (og:type, JSON-LD, microdata); otherwise it takes this much. */
const MIN_UNDECLARED_CHARS = 1000;
/** A paragraph counts toward a cluster from this length on; shorter ones are captions, labels, teaser stubs. */
const MIN_PARAGRAPH_CHARS = 80;
/** A paragraph that is mostly link text is a teaser or a link list, not prose. */
const MAX_LINK_SHARE = 0.3;
/** Past this share of the page's prose, a <header> or <aside> is the page's body (see bodyInFurniture). */
const BODY_SHARE = 0.5;

/** Schema.org types a page uses for an article, in JSON-LD or microdata. */
const ARTICLE_TYPES = /"@type"\s*:\s*\[?\s*"(\w*Article|BlogPosting|LiveBlogPosting|Report|Review)"/;
/** Schema.org types of pages that hold prose but are not articles: a shop item, a forum thread, a Q&A. */
const OTHER_TYPES = /"@type"\s*:\s*\[?\s*"(Product|QAPage|DiscussionForumPosting)"/;

export function isReadable(doc: Document): boolean {
  if (!doc.body) return false;
  if (!isProbablyReaderable(doc)) return false;
  const declared = declaredType(doc);
  if (declared === 'other') return false;
  return largestProseCluster(doc) >= (declared === 'article' ? MIN_CLUSTER_CHARS : MIN_UNDECLARED_CHARS);
}

/**
 * What the page's own metadata says it is: Open Graph type, article:published_time, JSON-LD or
 * microdata. An article declaration wins over any other type on the same page (a story page
 * often also lists a product it reviews).
 */
export function declaredType(doc: Document): 'article' | 'other' | null {
  const og = (doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '')
    .trim()
    .toLowerCase();
  if (og === 'article' || doc.querySelector('meta[property="article:published_time"]')) return 'article';
  if (
    doc.querySelector(
      '[itemtype*="schema.org/Article"], [itemtype*="schema.org/NewsArticle"], [itemtype*="schema.org/BlogPosting"]',
    )
  )
    return 'article';
  const ld = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  if (ARTICLE_TYPES.test(ld)) return 'article';
  if (og.startsWith('product') || og === 'profile' || OTHER_TYPES.test(ld)) return 'other';
  return null;
}

/** The most prose (chars) found in the paragraphs of any one container. */
export function largestProseCluster(doc: Document): number {
  return largestProseContainer(doc)?.chars ?? 0;
}

/** The container holding the most prose, and how much (chars); null when no paragraph counts. */
export function largestProseContainer(doc: Document): { element: Element; chars: number } | null {
  const prose: { p: Element; chars: number; furniture: Element | null }[] = [];
  /** Prose chars in the items of each list. */
  const listed = new Map<Element, number>();
  let all = 0;
  for (const p of Array.from(doc.querySelectorAll('p, pre'))) {
    if (p.closest('nav, footer')) continue;
    const text = collapse(p.textContent ?? '');
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    if (linkTextLength(p) / text.length > MAX_LINK_SHARE) continue;
    const item = p.closest('li');
    if (item) {
      const list = item.parentElement;
      if (list && !p.closest('header, aside')) listed.set(list, (listed.get(list) ?? 0) + text.length);
      continue;
    }
    prose.push({ p, chars: text.length, furniture: p.closest('header, aside') });
    all += text.length;
  }
  const body = bodyInFurniture(prose, all);
  const totals = new Map<Element, number>();
  for (const { p, chars, furniture } of prose) {
    if (furniture && furniture !== body) continue;
    const container = containerOf(p);
    if (container) totals.set(container, (totals.get(container) ?? 0) + chars);
  }
  // A story told as a list (ten tips, each a paragraph in an <li>) beside its own paragraphs: the
  // items count toward the container of those paragraphs (wcxb 4462, 0085). A list with no prose
  // beside it (a comment thread, a teaser grid) still makes no cluster.
  for (const [list, chars] of listed) {
    const container = containerOf(list);
    const own = container ? totals.get(container) : undefined;
    if (container && own !== undefined) totals.set(container, own + chars);
  }
  let best: { element: Element; chars: number } | null = null;
  for (const [element, chars] of totals) if (!best || chars > best.chars) best = { element, chars };
  return best;
}

/**
 * A <header> or <aside> that holds most of the page's prose is where the page put its body, not
 * a masthead or a sidebar: site builders name whole sections <header class="section_blog-post-content">
 * (Webflow's Relume classes, wcxb 0306, 0386, 4297) and some themes wrap the story in an <aside>
 * (wcxb 4459). Without this, those articles had no prose cluster and were refused as non-articles.
 */
function bodyInFurniture(
  prose: readonly { chars: number; furniture: Element | null }[],
  all: number,
): Element | null {
  const held = new Map<Element, number>();
  for (const { chars, furniture } of prose)
    if (furniture) held.set(furniture, (held.get(furniture) ?? 0) + chars);
  for (const [element, chars] of held) if (chars > all * BODY_SHARE) return element;
  return null;
}

/**
 * The element a paragraph's siblings live in. A paragraph alone in a wrapper
 * (`<div class="para"><p>…</p></div>`) belongs to the wrapper's parent, also when the wrapper
 * holds an empty slot beside it: `<div><p>…</p><div id="placement-post-p-3"></div></div>` around
 * every paragraph (wcxb 0267) made each one its own cluster.
 */
function containerOf(p: Element): Element | null {
  let node: Element = p;
  let parent = node.parentElement;
  while (parent && onlyFilledChild(parent, node)) {
    node = parent;
    parent = node.parentElement;
  }
  return parent;
}

/** Media that fills an element without text. */
const FILLED = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED']);

/** `child` is the one child of `parent` with text or media in it (the others are empty slots). */
function onlyFilledChild(parent: Element, child: Element): boolean {
  if (parent.childElementCount === 1) return true;
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling)
    if (sib !== child && !isEmptySlot(sib)) return false;
  return true;
}

/**
 * No text and no media anywhere inside (a script's source is not text). Stops at the first text
 * or picture, so a big sibling (the rest of the story) costs a step or two, not a read of its
 * whole text per paragraph.
 */
function isEmptySlot(el: Element): boolean {
  const tag = tagOf(el);
  if (FILLED.has(tag)) return false;
  if (INVISIBLE_TAGS.has(tag)) return true;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return false;
    if (node.nodeType === 1 && !isEmptySlot(node as Element)) return false;
  }
  return true;
}
