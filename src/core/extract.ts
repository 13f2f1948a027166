/**
 * extract: the reading-view article of a page, without touching the page.
 *
 *   doc ─clone─▶ findClutter + remove (clone only) ─▶ Readability ─▶ findClutter on its output
 *       ─▶ DOMPurify ─▶ Article { html, text, metadata, removed[] }
 *
 * Readability rewrites the document it is given, so it only ever sees the clone. DOMPurify needs
 * a window (a cloned Document has none), so it is bound to the original document's window.
 */
import { Readability } from '@mozilla/readability';
import { type ClutterHit, findClutter, toRemoval } from './find-clutter.ts';
import { readingMinutes } from './reading-time.ts';
import { sanitizeHtml, sanitizeNodeToFragment } from './sanitize.ts';
import { blockText } from './text.ts';
import type { Article, Removal } from './types.ts';

export interface ExtractOptions {
  /** Apply the clutter rules before and after Readability (default true). */
  clutter?: boolean;
}

export function extract(doc: Document, opts: ExtractOptions = {}): Article | null {
  const win = doc.defaultView;
  if (!win) throw new Error('extract needs a document that has a window (DOMPurify binds to it)');
  const useRules = opts.clutter !== false;
  const clone = doc.cloneNode(true) as Document;
  const removed: Removal[] = [];

  if (useRules) removed.push(...removeHits(findClutter(clone)));
  // The identity serializer hands back Readability's own element, so the second clutter pass
  // and DOMPurify work on DOM instead of re-parsing a string.
  const result = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  const content = result?.content;
  if (!result || !content) return null;
  // Readability keeps small blocks it scores as content (a skip link in a paragraph, a promo
  // inside the story body): the same rules take them out of its output.
  if (useRules) removed.push(...removeHits(findClutter(content)));

  // Readability's wrapper <div id="readability-content"> is not content: keep what is inside it.
  const body = clone.createDocumentFragment();
  body.append(...Array.from(content.childNodes));
  const text = blockText(sanitizeNodeToFragment(body, win));
  if (text.length === 0) return null;
  return {
    title: result.title?.trim() || doc.title.trim(),
    byline: result.byline?.trim() || null,
    siteName: result.siteName?.trim() || null,
    publishedTime: result.publishedTime?.trim() || null,
    lang: result.lang?.trim() || doc.documentElement.getAttribute('lang')?.trim() || null,
    dir: directionOf(result.dir) ?? directionOf(doc.documentElement.getAttribute('dir')),
    excerpt: result.excerpt?.trim() || null,
    html: sanitizeHtml(body, win),
    text,
    readingMinutes: readingMinutes(text),
    removed,
  };
}

function removeHits(hits: ClutterHit[]): Removal[] {
  for (const hit of hits) hit.element.remove();
  return hits.map(toRemoval);
}

function directionOf(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}
