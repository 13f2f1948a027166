/**
 * The reading view: one host element appended to <html>, an open shadow root, our stylesheet.
 * While open, <body> is `inert` (out of the focus order and the accessibility tree).
 * Closing removes exactly what opening added, so the page's DOM is as it was.
 */
import type { Extraction } from '../core/extract';
import { importSafe } from '../core/sanitize';
import { t } from '../shared/i18n';
import { h, shadowHost } from './dom';
import { VIEW_CSS } from './view-styles';

export const VIEW_TAG = 'declutter-reader';

export interface ReaderView {
  readonly isOpen: boolean;
  open(extraction: Extraction): void;
  close(): void;
}

export function createReaderView(doc: Document, onClose: () => void = () => {}): ReaderView {
  let host: HTMLElement | null = null;
  /**
   * The view last built, kept while closed: reopening the same (cached) extraction appends it
   * again instead of building it anew.
   */
  let built: { extraction: Extraction; host: HTMLElement; root: ShadowRoot } | null = null;
  let bodyWasInert = false;
  let returnFocus: HTMLElement | null = null;

  function close(): void {
    if (!host) return;
    host.remove();
    host = null;
    if (!bodyWasInert) doc.body?.removeAttribute('inert');
    returnFocus?.focus({ preventScroll: true });
    returnFocus = null;
    onClose();
  }

  function build(extraction: Extraction): NonNullable<typeof built> {
    const view = shadowHost(doc, VIEW_TAG, VIEW_CSS);
    view.root.append(buildView(doc, extraction, close));
    // Keys pressed in the view are ours: page shortcuts (j/k, space to page) must not see them.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      view.host.addEventListener(type, (e) => e.stopPropagation());
    }
    view.root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') close();
    });
    return { extraction, ...view };
  }

  function open(extraction: Extraction): void {
    if (host) return;
    if (built?.extraction !== extraction) built = build(extraction);
    const active = doc.activeElement;
    returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
    bodyWasInert = doc.body?.hasAttribute('inert') ?? false;
    doc.body?.setAttribute('inert', '');
    doc.documentElement.append(built.host);
    host = built.host;
    built.root.querySelector<HTMLElement>('.dc-root')?.focus({ preventScroll: true });
  }

  return {
    get isOpen() {
      return host !== null;
    },
    open,
    close,
  };
}

function buildView(doc: Document, { article, content }: Extraction, close: () => void): HTMLElement {
  const closeButton = h(
    doc,
    'button',
    { type: 'button', class: 'dc-close', 'aria-label': t('viewClose') },
    '✕',
  );
  closeButton.addEventListener('click', close);
  const meta = [
    article.publishedTime && formatDate(article.publishedTime),
    t('viewMinutes', String(article.readingMinutes)),
  ]
    .filter(Boolean)
    .join(' · ');
  const body = h(doc, 'article', { class: 'dc-article' });
  if (article.lang) body.setAttribute('lang', article.lang);
  if (article.dir) body.setAttribute('dir', article.dir);
  // Sanitized once by extract (a SafeFragment comes from sanitize.ts only): copied in, not re-parsed.
  body.append(importSafe(content, doc));
  return h(
    doc,
    'div',
    { class: 'dc-root', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dc-title', tabindex: '-1' },
    h(doc, 'div', { class: 'dc-toolbar' }, closeButton),
    h(
      doc,
      'main',
      { class: 'dc-page', ...(article.dir ? { dir: article.dir } : {}) },
      h(
        doc,
        'header',
        {},
        article.siteName ? h(doc, 'p', { class: 'dc-site' }, article.siteName) : null,
        h(doc, 'h1', { class: 'dc-title', id: 'dc-title' }, article.title),
        article.byline ? h(doc, 'p', { class: 'dc-byline' }, article.byline) : null,
        h(doc, 'p', { class: 'dc-meta' }, meta),
      ),
      body,
    ),
  );
}

/** A page's date as the reader's locale writes it; the raw string if it doesn't parse. */
function formatDate(raw: string): string {
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}
