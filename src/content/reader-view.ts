/**
 * The reading view: one host element appended to <html>, an open shadow root, our stylesheet.
 * While open, one sheet on the document skips the page under the view (out of the focus order,
 * the accessibility tree and printing; see page-cover.ts). Closing removes exactly what opening
 * added, so the page's DOM is as it was, and scrolls the page to where the person stopped reading.
 *
 *   open:  build (in memory) → read the page's place → insert (top layer) → scroll the view there → focus
 *   close: read the view's place → remove → scroll the page there → focus back
 */
import type { Extraction } from '../core/extract';
import { serializeSafe } from '../core/sanitize';
import { t } from '../shared/i18n';
import { stepped } from '../shared/settings';
import { shadowHost } from './dom';
import type { LiveSettings } from './live-settings';
import { coverPage, type PageCover, VIEW_TAG } from './page-cover';
import { type Pair, pairAt, pairBlocks, scrollToLine } from './place';
import { type BuiltView, buildView } from './view-build';
import { handleKeys } from './view-keys';
import { VIEW_CSS } from './view-styles';

export interface ReaderView {
  readonly isOpen: boolean;
  open(extraction: Extraction): void;
  close(): void;
  /** The article body's markup as extracted (blocks shown from "What was hidden" are not the article). */
  html(extraction: Extraction): string;
  /** The page changed: drop the view kept for reopening (when it closes, if it is open). */
  forget(): void;
}

/** A view built for one extraction, kept while closed: reopening the cached article re-appends it. */
interface Built extends BuiltView {
  extraction: Extraction;
  host: HTMLElement;
}

interface Open {
  view: Built;
  /** The view's scrollTop once placed: any other value means the person scrolled. */
  startTop: number;
  /**
   * The person did something that scrolls (wheel, key, pointer). A changed scrollTop alone is not
   * enough: scroll anchoring moves it when an image above the reading place finishes loading.
   */
  moved?: true;
  cover: PageCover;
  returnFocus: HTMLElement | null;
  unsubscribe(): void;
}

export function createReaderView(doc: Document, settings: LiveSettings, site: string): ReaderView {
  let state: Open | null = null;
  let built: Built | null = null;
  let forgetOnClose = false;
  const win = doc.defaultView as Window;
  // One sheet per page, rewritten at each open: the page's size is in it.
  const coverSheet = new CSSStyleSheet();

  function close(): void {
    if (!state) return;
    const s = state;
    state = null;
    const { root, body, toolbar, host } = s.view;
    const line = toolbar.el.getBoundingClientRect().bottom;
    const place =
      s.moved && Math.abs(root.scrollTop - s.startTop) > 2
        ? pairAt(pairBlocks(body, doc), 'view', line)
        : undefined;
    s.unsubscribe();
    toolbar.closePanel();
    host.remove();
    // Scrolled in the view: the page goes to the same line. Otherwise it goes back where it was.
    s.cover.lift({ restoreScroll: !place });
    if (place) scrollToLine(place.live, 0);
    s.returnFocus?.focus({ preventScroll: true });
    if (forgetOnClose) built = null;
    forgetOnClose = false;
  }

  function build(extraction: Extraction): Built {
    const { host, root } = shadowHost(doc, VIEW_TAG, VIEW_CSS);
    const view = buildView(doc, extraction, { settings, site, shadow: root, close });
    root.append(view.root);
    // Keys, wheels and pointers in the view are ours: page shortcuts (j/k, space to page) and
    // scroll hijackers must not see them.
    for (const type of ['keydown', 'keyup', 'keypress', 'wheel', 'pointerdown'] as const) {
      host.addEventListener(type, (e) => {
        e.stopPropagation();
        if (state) state.moved = true;
      });
    }
    handleKeys(root, view.root, {
      closePanel: view.toolbar.closePanel,
      close,
      fontStep(direction) {
        settings.set({ fontSize: stepped(settings.current, 'fontSize', direction) });
        view.toolbar.announce(t('viewFontSize', String(settings.current.fontSize)));
      },
    });
    return { ...view, extraction, host };
  }

  function open(extraction: Extraction): void {
    if (state) return;
    if (built?.extraction !== extraction) built = build(extraction);
    const view = built;
    view.sync(settings.current);

    // The page's place, read before anything is written: only if it is scrolled into the article.
    let place: Pair | undefined;
    if (win.scrollY > 0) {
      const pairs = pairBlocks(view.body, doc);
      if ((pairs[0]?.live.getBoundingClientRect().top ?? 0) < 0) place = pairAt(pairs, 'live', 0);
    }
    const active = doc.activeElement;
    const cover = coverPage(doc, coverSheet);
    // Blocks far below the fold are laid out when scrolled to (content-visibility in VIEW_CSS),
    // except in a view opened at a place: that place is measured through everything above it.
    view.root.toggleAttribute('data-placed', place !== undefined);
    doc.documentElement.append(view.host);
    toTopLayer(view.host);
    // Only a placed view needs its layout now; otherwise it is laid out once, in the next frame
    // (a fresh box scrolls from 0).
    if (place) scrollToLine(place.view, view.toolbar.el.getBoundingClientRect().bottom, view.root);
    state = {
      view,
      startTop: place ? view.root.scrollTop : 0,
      cover,
      returnFocus: active instanceof HTMLElement && active !== doc.body ? active : null,
      unsubscribe: settings.subscribe(view.sync),
    };
    view.root.focus({ preventScroll: true });
  }

  return {
    get isOpen() {
      return state !== null;
    },
    open,
    close,
    html: (extraction) => serializeSafe(extraction.content),
    forget() {
      if (state) forgetOnClose = true;
      else built = null;
    },
  };
}

/**
 * Into the top layer (above any z-index of the page), before anything reads the view's layout:
 * moving a laid-out host there lays the whole view out a second time.
 */
function toTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    host.popover = 'manual';
    host.showPopover();
  } catch {
    // Not in the top layer: it still has the highest z-index.
  }
}
