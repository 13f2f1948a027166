/**
 * What the content script does for each message. All state of the tab lives here (the service
 * worker keeps none): the view, the in-place hiding and the cached article.
 */

import { emptyTimings } from '../core/extract';
import { isReadable } from '../core/readable';
import { t } from '../shared/i18n';
import type { TabStatus, ToggleResult, ToggleTimings } from '../shared/protocol';
import { createArticleCache } from './article-cache';
import { createClutterHider } from './clutter-hider';
import { dismissNotice, showNotice } from './notice';
import { createReaderView } from './reader-view';

/** Past this many elements a parse could freeze the tab for seconds: refuse with a message. */
const MAX_ELEMENTS = 150_000;
/** Less article text than this is a teaser or a listing, not something to read. */
const MIN_ARTICLE_CHARS = 250;

/** An instant comparable across the page, the content script and the service worker. */
const now = (): number => performance.timeOrigin + performance.now();

export function createController(doc: Document) {
  const view = createReaderView(doc);
  const hider = createClutterHider(doc);
  const article = createArticleCache(doc);

  function status(): TabStatus {
    return {
      readable: isReadable(doc),
      viewOpen: view.isOpen,
      hideClutter: hider.on,
      hiddenCount: hider.count,
    };
  }

  function refuse(reason: 'not-article' | 'too-large' | 'error', key: string): ToggleResult {
    const message = t(key);
    showNotice(doc, message);
    return { ok: false, reason, message };
  }

  function toggleView(): ToggleResult {
    const receivedAt = now();
    if (view.isOpen) {
      view.close();
      return { ok: true, open: false };
    }
    if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return refuse('too-large', 'noticeTooLarge');
    const cached = article.fresh;
    const extractTimings = cached ? undefined : emptyTimings();
    let result: ReturnType<typeof article.get>;
    try {
      result = article.get(extractTimings);
    } catch (error) {
      console.error('Declutter: extraction failed', error);
      return refuse('error', 'noticeError');
    }
    if (!result || result.article.text.length < MIN_ARTICLE_CHARS)
      return refuse('not-article', 'noticeNotArticle');
    dismissNotice();
    const renderStartAt = now();
    view.open(result);
    const timings: ToggleTimings = { receivedAt, cached, renderStartAt, renderEndAt: now() };
    if (extractTimings) timings.extract = extractTimings;
    return { ok: true, open: true, timings };
  }

  function setHideClutter(on: boolean): TabStatus {
    if (on) hider.hide();
    else hider.show();
    return status();
  }

  return { status, toggleView, setHideClutter };
}
