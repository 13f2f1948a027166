/**
 * extract: the reading-view article of a page, without touching the page.
 *
 *   doc ─clone─▶ findClutter + remove (clone only) ─▶ Readability ─▶ findClutter on its output
 *       ─▶ DOMPurify, once, DOM to DOM ─▶ Extraction { article: metadata, text, removed[]; content }
 *   extract() adds the content's markup as Article.html; the content script appends the DOM.
 *
 * Readability rewrites the document it is given, so it only ever sees the clone. DOMPurify needs
 * a window (a cloned Document has none), so it is bound to the original document's window.
 */
import { Readability } from '@mozilla/readability';
import { removeRepeats } from './dedupe.ts';
import { type ClutterHit, findClutter, toRemoval } from './find-clutter.ts';
import { articleLanguage, cloneForReading } from './media.ts';
import { largestProseCluster } from './readable.ts';
import { readingMinutes } from './reading-time.ts';
import { missesProse, narrowToProse } from './refine.ts';
import { type SafeFragment, sanitizeArticle, serializeSafe } from './sanitize.ts';
import { blockText } from './text.ts';
import { trimHead } from './trim-head.ts';
import { trimTail } from './trim-tail.ts';
import type { Article, Removal } from './types.ts';
import { proseChars, WIDE_RETRY_SHARE, widerContainer } from './widen.ts';

export interface ExtractOptions {
  /** Apply the clutter rules before and after Readability (default true). */
  clutter?: boolean;
  /** Filled with where the time went, for the speed benchmark; omit it and nothing is timed. */
  timings?: ExtractTimings;
}

/** Milliseconds per step of one extract() call. */
export interface ExtractTimings {
  clone: number;
  /** Both clutter passes, the dedupe, head and tail trims, and the prose checks that decide on a retry. */
  rules: number;
  readability: number;
  /** DOMPurify, every call. */
  sanitize: number;
  /** Text, metadata and the rest. */
  other: number;
}

export function emptyTimings(): ExtractTimings {
  return { clone: 0, rules: 0, readability: 0, sanitize: 0, other: 0 };
}

/**
 * Adds the time since the previous lap to `step` (no step: restarts the clock, after a pause);
 * a no-op without a timings object.
 */
function stopwatch(timings: ExtractTimings | undefined): (step?: keyof ExtractTimings) => void {
  if (!timings) return () => {};
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    if (step) timings[step] += now - last;
    last = now;
  };
}

/** The article as the reading view takes it: metadata, and the sanitized content as DOM. */
export interface Extraction {
  article: Omit<Article, 'html'>;
  content: SafeFragment;
}

/** The article of `doc`, with its content as sanitized markup (plain data: crosses messages and JSON). */
export function extract(doc: Document, opts: ExtractOptions = {}): Article | null {
  const extraction = extractContent(doc, opts);
  if (!extraction) return null;
  return { ...extraction.article, html: serializeSafe(extraction.content) };
}

/**
 * The article of `doc` with its content as a sanitized fragment, ready to append: what the
 * content script shows. Sanitized once, on DOM, so no markup is serialized or parsed on the way.
 */
export function extractContent(doc: Document, opts: ExtractOptions = {}): Extraction | null {
  const steps = extractSteps(doc, opts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * extractContent in steps: it pauses (yields) after the first clutter pass and after Readability,
 * so a caller on a huge page can give the page a turn between them (the content script does; see
 * controller.ts). The clone is taken first, so the steps read one state of the page.
 */
export function* extractSteps(
  doc: Document,
  opts: ExtractOptions = {},
): Generator<void, Extraction | null, void> {
  const win = doc.defaultView;
  if (!win) throw new Error('extract needs a document that has a window (DOMPurify binds to it)');
  const lap = stopwatch(opts.timings);
  const useRules = opts.clutter !== false;
  const clone = cloneForReading(doc);
  const removed: Removal[] = [];
  lap('clone');

  if (useRules) removed.push(...removeHits(findClutter(clone)));
  lap('rules');
  yield;
  lap();
  // The identity serializer hands back Readability's own element, so the second clutter pass
  // and DOMPurify work on DOM instead of re-parsing a string.
  let result = parseClone(clone);
  lap('readability');
  // Readability sometimes settles on a footer or nothing while the page holds an article: retry
  // on the page's largest prose cluster (see refine.ts). Or it keeps one section of an article
  // split over several: retry on the container of them all (see widen.ts).
  const cluster = largestProseCluster(doc);
  const first = result?.content;
  const short = missesProse(result?.length ?? 0, cluster);
  const wide = !short && first ? widerContainer(doc, first) : null;
  // A result with next to no paragraphs (a link table, a product grid) is also a miss.
  const misses = short || (!wide && !!first && missesProse(proseChars(first), cluster));
  // The checks read the live page's prose: clutter-rule work, timed before `yield; lap()` drops it.
  lap('rules');
  if (misses || wide) {
    const narrow = cloneForReading(doc);
    const narrowRemoved = useRules ? removeHits(findClutter(narrow)) : [];
    const copy = narrowToProse(
      narrow,
      wide && first ? (d) => widerContainer(d, first)?.element ?? null : undefined,
    );
    if (copy) {
      const retry = parseClone(narrow);
      // The retry is judged by its prose, as the first try was: inside the cluster's container
      // Readability can settle on the same ranking table again (wcxb 0267), long in text but
      // holding no paragraph of the story.
      const useCopy =
        !retry?.content ||
        (wide
          ? proseChars(retry.content) < wide.chars * WIDE_RETRY_SHARE
          : missesProse(proseChars(retry.content), cluster));
      result = useCopy
        ? { ...(retry ?? result ?? NO_METADATA), content: copy, length: copy.textContent?.length ?? 0 }
        : retry;
      removed.splice(0, removed.length, ...narrowRemoved);
    }
    lap('readability');
  }
  yield;
  lap();
  const root = result?.content;
  if (!result || !root) return null;
  // Readability keeps small blocks it scores as content (a skip link in a paragraph, a promo
  // inside the story body): the same rules take them out of its output.
  if (useRules) removed.push(...removeHits(findClutter(root)));
  // A block the page prints twice (a copy for another screen size) is read once.
  if (useRules) removed.push(...removeRepeats(root));
  // What follows the story's last paragraph: tag lists, author boxes, share prompts.
  if (useRules) removed.push(...trimTail(root));
  // What precedes its first paragraph: menus, date lines, disclosures.
  if (useRules) removed.push(...trimHead(root));
  lap('rules');

  // Readability's wrapper <div id="readability-content"> is not content: keep what is inside it.
  const body = clone.createDocumentFragment();
  body.append(...Array.from(root.childNodes));
  lap('other');
  const content = sanitizeArticle(body, win);
  lap('sanitize');
  const text = blockText(content);
  lap('other');
  if (text.length === 0) return null;
  return {
    article: {
      title: result.title?.trim() || doc.title.trim(),
      byline: result.byline?.trim() || null,
      siteName: result.siteName?.trim() || null,
      publishedTime: result.publishedTime?.trim() || null,
      ...articleLanguage(body, result, doc),
      excerpt: result.excerpt?.trim() || null,
      text,
      readingMinutes: readingMinutes(text),
      removed,
    },
    content,
  };
}

type Parsed = ReturnType<Readability<Element>['parse']>;
/** Metadata of a result built without Readability's (its parse returned null on both tries). */
const NO_METADATA: NonNullable<Parsed> = {
  title: null,
  content: null,
  textContent: null,
  length: 0,
  excerpt: null,
  byline: null,
  dir: null,
  siteName: null,
  lang: null,
  publishedTime: null,
};

function parseClone(clone: Document) {
  return new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
}

function removeHits(hits: ClutterHit[]): Removal[] {
  for (const hit of hits) hit.element.remove();
  return hits.map(toRemoval);
}
