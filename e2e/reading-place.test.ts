/**
 * Keeping your place: the view opens at the paragraph that was at the top of the page, and
 * closing it brings the page to the paragraph the person had scrolled to in the view (or leaves
 * the page where it was if they did not scroll).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { firstVisible, viewParagraphs } from './lib/reading-view';
import { toggleFromToolbar } from './lib/session';

let s: ReadingSession;
before(async () => {
  s = await startReading();
});
after(async () => {
  await s?.close();
});

/** Scrolls the page so its paragraph `index` (0-based) starts at the top of the viewport. */
function scrollPageTo(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const p = document.querySelectorAll('[data-article-paragraph]')[i] as HTMLElement;
    window.scrollTo({ top: p.getBoundingClientRect().top + window.scrollY, behavior: 'instant' });
    return window.scrollY;
  }, index);
}

/** Scrolls the view with the mouse wheel, as a reader does, until paragraph `index` is at its top. */
async function wheelViewTo(page: Page, index: number): Promise<void> {
  await page.mouse.move(640, 500);
  for (let i = 0; i < 20; i++) {
    const { tops, bars } = await viewParagraphs(page);
    const delta = (tops[index] ?? 0) - bars - 12;
    if (Math.abs(delta) < 4) return;
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(150);
  }
}

test('the view opens at the 5th paragraph when the page was there; closing after scrolling to the 9th shows the 9th', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await scrollPageTo(page, 4);
  assert.equal(await firstVisible(page, 'page', 0), 4, 'the page shows the 5th paragraph at the top');

  await toggleFromToolbar(s.browser, page, true);
  const opened = await viewParagraphs(page);
  assert.equal(await firstVisible(page, 'view', opened.bars), 4, 'the view opens at the 5th paragraph');
  const gap = (opened.tops[4] ?? 0) - opened.bars;
  assert.ok(gap >= 0 && gap < 40, `the 5th paragraph sits just under the toolbar (${gap}px)`);

  await wheelViewTo(page, 8);
  const scrolled = await viewParagraphs(page);
  assert.equal(await firstVisible(page, 'view', scrolled.bars), 8, 'the reader scrolled the view to the 9th');

  await toggleFromToolbar(s.browser, page, false);
  assert.equal(await firstVisible(page, 'page', 0), 8, 'the page now shows the 9th paragraph at the top');
  const top = await page.evaluate(
    () => document.querySelectorAll('[data-article-paragraph]')[8]?.getBoundingClientRect().top,
  );
  assert.ok(
    top !== undefined && top >= 0 && top < 40,
    `the 9th paragraph starts at the top of the page (${top}px)`,
  );
});

test('closing a view that was not scrolled leaves the page exactly where it was', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  const before = await scrollPageTo(page, 4);
  await toggleFromToolbar(s.browser, page, true);
  await page.waitForTimeout(300);
  await toggleFromToolbar(s.browser, page, false);
  assert.equal(await page.evaluate(() => window.scrollY), before);
});

test('a page scrolled to its very bottom, or scrolled inside its <body>, is where it was after the view closes', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  // Skipping the page while the view is open can shorten it: a margin collapsing through <body>
  // no longer does. The bottom is where that shows.
  const bottom = await page.evaluate(() => {
    document.body.style.cssText = 'margin:0;padding:0;border:0';
    const spacer = document.createElement('div');
    spacer.style.cssText = 'margin-top:300px;height:1px';
    document.body.prepend(spacer);
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    return window.scrollY;
  });
  assert.ok(bottom > 500, 'the page scrolls');
  await toggleFromToolbar(s.browser, page, true);
  await page.waitForTimeout(300);
  await toggleFromToolbar(s.browser, page, false);
  assert.equal(await page.evaluate(() => window.scrollY), bottom, 'at the bottom, as before');

  // A page whose <body> is the scroller (an app shell): skipped, its scroll range is gone.
  await page.goto(s.server.url('/sample-article.html'));
  const inBody = await page.evaluate(() => {
    document.documentElement.style.cssText = 'overflow:hidden;height:100%';
    document.body.style.cssText = 'overflow:auto;height:100%;margin:0';
    document.body.scrollTop = 600;
    return document.body.scrollTop;
  });
  assert.equal(inBody, 600, '<body> scrolls');
  await toggleFromToolbar(s.browser, page, true);
  await page.waitForTimeout(300);
  await toggleFromToolbar(s.browser, page, false);
  assert.equal(await page.evaluate(() => document.body.scrollTop), 600, '<body> is scrolled where it was');
});
