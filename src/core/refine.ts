/**
 * A second chance when Readability picks the wrong block. On some pages its scoring settles on a
 * footer, a disclosure box or a forum header (or returns nothing) while the page plainly holds an
 * article: many long, link-poor paragraphs side by side. When its result is far smaller than that
 * prose cluster, we narrow a fresh clone to the cluster's container and let Readability clean
 * just that; if it still fails, the container's own content is the article.
 */
import { largestProseContainer } from './readable.ts';

/** Below this much prose (chars) a page has no cluster worth overruling Readability for. */
const MIN_CLUSTER_CHARS = 500;
/** Readability's text must reach this share of the cluster's paragraph text to stand; a short real article beside a long FAQ block (wcxb 4759: 991 vs 2716 chars) stays. */
const MIN_SHARE = 0.25;

/** Readability's result (`resultChars` of text) misses most of the page's largest prose cluster. */
export function missesProse(resultChars: number, clusterChars: number): boolean {
  return clusterChars >= MIN_CLUSTER_CHARS && resultChars < clusterChars * MIN_SHARE;
}

/**
 * Replaces the body of `doc` (a clone, never the live page) with the content of its largest prose
 * cluster's container and returns a copy of that content, taken before Readability rewrites
 * `doc`. Null when the page has no cluster. The container itself is left out so a class on it
 * that Readability reads as "unlikely" (sidebar, comment…) cannot drop the whole article.
 */
export function narrowToProse(
  doc: Document,
  pick: (doc: Document) => Element | null = proseCluster,
): Element | null {
  const best = pick(doc);
  const body = doc.body;
  if (!best || !body || best === body) return null;
  body.replaceChildren(...Array.from(best.childNodes));
  const copy = doc.createElement('div');
  for (const node of Array.from(body.childNodes)) copy.append(node.cloneNode(true));
  // The copy stands in for Readability's output, which never holds these. Left in, a script's
  // source counts as words: an inline analytics call made a byline read as a story paragraph
  // (wcxb 0010), so nothing above it was judged.
  for (const el of Array.from(copy.querySelectorAll('script, style, noscript, template'))) el.remove();
  return copy;
}

function proseCluster(doc: Document): Element | null {
  const best = largestProseContainer(doc);
  return best && best.chars >= MIN_CLUSTER_CHARS ? best.element : null;
}
