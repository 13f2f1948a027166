/**
 * While the reading view is open the page goes on living, and three things would otherwise
 * leave a stale view over it, or a hidden page under a view nobody can reach:
 * - it navigates itself (history.pushState, back/forward): the view shows the old story;
 * - it stacks an overlay over everything (z-index max, appended after our host);
 * - the extension is reloaded or updated: this content script is orphaned, and the new one
 *   can't see or close our view.
 * So the view is in the top layer (above any z-index; reader-view.ts puts it there), and one
 * cheap check runs while it is open (never while closed): a different URL (the #fragment aside)
 * or a dead runtime closes it.
 */
import { dropCoverSheets, VIEW_TAG } from './page-cover';
import { runtimeAlive } from './runtime-alive';

const CHECK_MS = 300;

interface Closable {
  readonly isOpen: boolean;
  close(): void;
}

const withoutHash = (href: string): string => href.split('#')[0] ?? href;

let stopGuard: (() => void) | null = null;

/** Call right after the view opened (its host is the last child of <html>). */
export function guardOpenView(doc: Document, view: Closable): void {
  const win = doc.defaultView;
  const host = doc.documentElement.lastElementChild;
  if (!win || host?.localName !== VIEW_TAG) return;
  const start = withoutHash(win.location.href);
  // One guard per page: the previous open's guard stops here. Left running, a guard whose view
  // was closed and reopened within one check saw an open view and kept its timer and listener
  // forever (bench:memory counted one more listener per on/off cycle).
  stopGuard?.();
  const stop = (): void => {
    win.clearInterval(timer);
    win.removeEventListener('popstate', check);
    if (stopGuard === stop) stopGuard = null;
  };
  stopGuard = stop;
  const check = (): void => {
    const stale = withoutHash(win.location.href) !== start || !runtimeAlive();
    if (view.isOpen && !stale) return;
    stop();
    if (!view.isOpen) return;
    try {
      view.close();
    } catch {
      // An orphaned script's close may reach for a dead extension API: clean up by hand.
      host.remove();
      dropCoverSheets(doc);
    }
  };
  const timer = win.setInterval(check, CHECK_MS);
  win.addEventListener('popstate', check);
}
