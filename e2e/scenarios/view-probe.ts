/**
 * Reading the reading view from the page side, through any PageDriver: the host, its open shadow
 * root, the page state. The functions handed to evaluate run in the page, so they take
 * everything they need as their argument.
 */
import type { PageDriver } from './driver';

export const VIEW_TAG = 'declutter-reader';

export interface ViewState {
  open: boolean;
  /** The host is the last child of <html>, as the contract says. */
  hostIsLast: boolean;
  pageHidden: boolean;
  title: string;
  meta: string;
  byline: string;
  /** Text of article.dc-article. */
  articleText: string;
  /** Text of everything in the shadow root. */
  allText: string;
}

export function viewState(d: Pick<PageDriver, 'evaluate'>): Promise<ViewState> {
  return d.evaluate((tag) => {
    const host = document.querySelector(tag);
    const root = host?.shadowRoot ?? null;
    const text = (sel: string) => root?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      open: Boolean(root?.querySelector('[role="dialog"]')),
      hostIsLast: host !== null && document.documentElement.lastElementChild === host,
      pageHidden: getComputedStyle(document.body).contentVisibility === 'hidden',
      title: text('h1.dc-title'),
      meta: text('.dc-meta'),
      byline: text('.dc-byline'),
      articleText: text('article.dc-article'),
      // Rendered text only: a <style> of ours would otherwise count as "text in the view".
      allText: root
        ? [...root.querySelectorAll('*')]
            .filter((el) => !el.closest('style, script'))
            .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE))
            .map((n) => n.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
        : '',
    };
  }, VIEW_TAG);
}

/** Waits until the view is open (a dialog in our host's shadow root) or fully gone. */
export function waitForView(d: Pick<PageDriver, 'waitFor'>, open: boolean, timeout = 10_000): Promise<void> {
  return d.waitFor(
    ([tag, want]) => {
      const host = document.querySelector(tag);
      const isOpen = Boolean(host?.shadowRoot?.querySelector('[role="dialog"]'));
      return want ? isOpen : !host && getComputedStyle(document.body).contentVisibility !== 'hidden';
    },
    [VIEW_TAG, open] as [string, boolean],
    timeout,
  );
}
