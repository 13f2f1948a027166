/** Reading the reading view from the page side: the host, its open shadow root, the page state. */
import type { Page } from 'playwright-core';

export const VIEW_TAG = 'declutter-reader';

export interface ViewState {
  open: boolean;
  /** The host is the last child of <html>, as the contract says. */
  hostIsLast: boolean;
  bodyInert: boolean;
  title: string;
  meta: string;
  byline: string;
  /** Text of article.dc-article. */
  articleText: string;
  /** Text of everything in the shadow root. */
  allText: string;
}

export function viewState(page: Page): Promise<ViewState> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const root = host?.shadowRoot ?? null;
    const text = (sel: string) => root?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      open: Boolean(root?.querySelector('[role="dialog"]')),
      hostIsLast: host !== null && document.documentElement.lastElementChild === host,
      bodyInert: document.body.hasAttribute('inert'),
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
export async function waitForView(page: Page, open: boolean, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ([tag, want]) => {
      const host = document.querySelector(tag as string);
      const isOpen = Boolean(host?.shadowRoot?.querySelector('[role="dialog"]'));
      return want ? isOpen : !host && !document.body.hasAttribute('inert');
    },
    [VIEW_TAG, open] as const,
    { timeout },
  );
}

/** Whitespace-collapsed text, so page and view text compare regardless of source formatting. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
