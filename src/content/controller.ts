/**
 * What the content script does for each message. All state of the tab lives here (the service
 * worker keeps none): the view, the in-place hiding, the cached article and the settings.
 */

import { emptyTimings } from '../core/extract';
import { findClutter } from '../core/find-clutter';
import { isReadable } from '../core/readable';
import { t } from '../shared/i18n';
import type { ArticleExport, TabStatus, ToggleResult, ToggleTimings } from '../shared/protocol';
import { neverHideOn } from '../shared/settings';
import { createArticleCache } from './article-cache';
import type { ClutterHider } from './clutter-hider';
import { loadExtras } from './extras';
import { articleInFrame } from './frame-hint';
import { createLiveSettings } from './live-settings';
import { dismissNotice, showNotice } from './notice';
import { guardOpenView } from './open-guard';
import { createReaderView } from './reader-view';
import { needsExtras } from './view-build';

/** Past this many elements a parse could freeze the tab for seconds: refuse with a message. */
const MAX_ELEMENTS = 150_000;
/**
 * Past this many elements, extraction and rendering each take a good part of a second (a page
 * with a 20,000-comment thread): the page gets a turn between the steps of extraction and before
 * rendering, so its input and frames are never held up for all of them at once (issue 7: no
 * freeze over a second on 100,000 elements).
 */
const YIELD_ABOVE = 20_000;
/**
 * A turn for the page's own tasks. 1 ms, not 0: Chromium runs a 0 ms timeout ahead of the page's
 * timers that are already due, so the page would get no turn (measured with a heartbeat timer in
 * the page, bench/huge-page.ts).
 */
const pageTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));
/** Less article text than this is a teaser or a listing, not something to read. */
const MIN_ARTICLE_CHARS = 250;

/** An instant comparable across the page, the content script and the service worker. */
const now = (): number => performance.timeOrigin + performance.now();

export function createController(doc: Document) {
  const settings = createLiveSettings();
  const site = doc.location.hostname;
  const view = createReaderView(doc, settings, site);
  const skipped = () => neverHideOn(settings.current, site);
  // In-place hiding comes with the extras, on its first switch-on: until then nothing is hidden.
  let hider: ClutterHider | null = null;
  // A changed page gets a fresh extraction: the view kept for the old one is released at once.
  const article = createArticleCache(doc, () => view.forget());
  let removedCount = 0;

  // "Never hide on this site" chosen in the view applies to in-place hiding at once too.
  settings.subscribe(() => hider?.on && hider.hide());

  function status(): TabStatus {
    return {
      readable: isReadable(doc),
      inFrame: articleInFrame(doc),
      viewOpen: view.isOpen,
      hideClutter: hider?.on ?? false,
      hiddenCount: hider?.count ?? 0,
      ...(view.isOpen ? { viewRemoved: removedCount } : {}),
    };
  }

  function refuse(reason: 'not-article' | 'too-large' | 'error', key: string): ToggleResult {
    const message = t(key);
    showNotice(doc, message);
    return { ok: false, reason, message };
  }

  /** "No article here", or where it is when it seems to be in a frame we don't read. */
  function notAnArticle(): ToggleResult {
    return refuse('not-article', articleInFrame(doc) ? 'noticeInFrame' : 'noticeNotArticle');
  }

  async function toggleView(): Promise<ToggleResult> {
    const receivedAt = now();
    if (view.isOpen) {
      view.close();
      return { ok: true, open: false };
    }
    const cached = article.fresh;
    // Counting walks the whole page: only an extraction needs the count (a cached article was
    // made from this same page, which passed the check then).
    const elements = cached ? 0 : doc.getElementsByTagName('*').length;
    if (elements > MAX_ELEMENTS) return refuse('too-large', 'noticeTooLarge');
    const big = elements > YIELD_ABOVE;
    // What the popup checks before it offers the button: the shortcut must not open a view of a
    // home page's teasers either. (A fresh cached article passed this check when it was made.)
    if (!cached && !isReadable(doc)) return notAnArticle();
    const extractTimings = cached ? undefined : emptyTimings();
    let result: ReturnType<typeof article.get>;
    try {
      result = big ? await article.getPaced(pageTurn, extractTimings) : article.get(extractTimings);
    } catch (error) {
      console.error('Declutter: extraction failed', error);
      return refuse('error', 'noticeError');
    }
    if (!result || result.article.text.length < MIN_ARTICLE_CHARS) return notAnArticle();
    dismissNotice();
    if (big) await pageTurn();
    // Loading started when the script arrived; by now it has (almost always) finished.
    await settings.ready;
    // Blocks this site never hides are in the view from the start: they come with its extras.
    if (needsExtras(result.article.removed, settings.current, site)) await loadExtras().catch(() => {});
    const renderStartAt = now();
    view.open(result);
    guardOpenView(doc, view);
    removedCount = result.article.removed.length;
    const timings: ToggleTimings = { receivedAt, cached, renderStartAt, renderEndAt: now() };
    if (extractTimings) timings.extract = extractTimings;
    return { ok: true, open: true, timings };
  }

  async function setHideClutter(on: boolean): Promise<TabStatus> {
    if (on) {
      hider ??= (await loadExtras()).createClutterHider(doc, { findClutter }, skipped);
      hider.hide();
    } else hider?.show();
    return status();
  }

  function exportArticle(): ArticleExport | null {
    const result = article.get();
    if (!result) return null;
    return { ...result.article, url: doc.location.href, html: view.html(result) };
  }

  return { status, toggleView, setHideClutter, exportArticle };
}
