/**
 * Is this page an article worth a reading view? Readability's own quick check, plus one guard it
 * lacks: the prose must sit together. A home page or section listing often has several teaser
 * paragraphs long enough for isProbablyReaderable, but each in its own teaser box; an article has
 * its paragraphs side by side in one body.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { collapse } from './text.ts';

/** Paragraph text (chars) that must share one parent before we call a page an article. */
const MIN_CLUSTER_CHARS = 600;
/** A paragraph counts toward a cluster from this length on; shorter ones are captions, labels, teaser stubs. */
const MIN_PARAGRAPH_CHARS = 80;
/** A paragraph that is mostly link text is a teaser or a link list, not prose. */
const MAX_LINK_SHARE = 0.3;

export function isReadable(doc: Document): boolean {
  if (!doc.body) return false;
  return isProbablyReaderable(doc) && largestProseCluster(doc) >= MIN_CLUSTER_CHARS;
}

/** The most prose (chars) found in the paragraphs of any one container. */
export function largestProseCluster(doc: Document): number {
  return largestProseContainer(doc)?.chars ?? 0;
}

/** The container holding the most prose, and how much (chars); null when no paragraph counts. */
export function largestProseContainer(doc: Document): { element: Element; chars: number } | null {
  const totals = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p, pre'))) {
    const text = collapse(p.textContent ?? '');
    if (text.length < MIN_PARAGRAPH_CHARS || p.closest('li, nav, header, footer, aside')) continue;
    let linkChars = 0;
    for (const a of Array.from(p.querySelectorAll('a'))) linkChars += collapse(a.textContent ?? '').length;
    if (linkChars / text.length > MAX_LINK_SHARE) continue;
    const container = containerOf(p);
    if (container) totals.set(container, (totals.get(container) ?? 0) + text.length);
  }
  let best: { element: Element; chars: number } | null = null;
  for (const [element, chars] of totals) if (!best || chars > best.chars) best = { element, chars };
  return best;
}

/**
 * The element a paragraph's siblings live in. A paragraph alone in a wrapper
 * (`<div class="para"><p>…</p></div>`) belongs to the wrapper's parent.
 */
function containerOf(p: Element): Element | null {
  let node: Element = p;
  let parent = node.parentElement;
  while (parent && parent.childElementCount === 1) {
    node = parent;
    parent = node.parentElement;
  }
  return parent;
}
