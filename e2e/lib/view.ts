/**
 * The view probes of e2e/scenarios/view-probe.ts for suites that hold a Playwright Page rather
 * than a PageDriver: the same page-side code, one copy.
 */
import type { Page } from 'playwright-core';
import * as probe from '../scenarios/view-probe';

export { VIEW_TAG, type ViewState } from '../scenarios/view-probe';

/** The part of a PageDriver the probes use, over a Playwright Page. */
export const onPage = (page: Page) => ({
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    page.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown),
  waitFor: async <A>(fn: (arg: A) => unknown, arg: A, timeout = 10_000) => {
    await page.waitForFunction(fn as (a: unknown) => unknown, arg as unknown, { timeout });
  },
});

export const viewState = (page: Page): Promise<probe.ViewState> => probe.viewState(onPage(page));
export const waitForView = (page: Page, open: boolean, timeout = 10_000): Promise<void> =>
  probe.waitForView(onPage(page), open, timeout);
