/**
 * What the view renders when it opens (issue 6: a cheap open). Paragraphs far below the fold are
 * laid out only when they come near the screen (content-visibility), yet they are all there: in
 * the DOM, found by Tab, printed, and rendered once scrolled to. A view opened at a place lays out
 * everything, since that place is measured through all that is above it. And the view is in the
 * top layer as soon as it is in the page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { toggleFromToolbar } from './lib/session';
import { VIEW_TAG } from './lib/view';

let s: ReadingSession;
before(async () => {
  // A short window: most of the sample article's 21 paragraphs are well below the fold.
  s = await startReading({ viewport: { width: 900, height: 400 } });
});
after(async () => {
  await s?.close();
});

interface Paragraphs {
  count: number;
  /** Their computed content-visibility values, deduplicated. */
  visibility: string[];
  /**
   * How many are exactly the placeholder's height (4 lines): their text has not been laid out.
   * (A laid-out paragraph can be 4 lines too, but the sample article's are mostly longer.)
   */
  placeholders: number;
}

/** The view's article paragraphs: how they are set, and how many have not been laid out. */
function paragraphs(page: Page): Promise<Paragraphs> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const all = [...(root?.querySelectorAll('article [data-article-paragraph]') ?? [])];
    const visibility = new Set<string>();
    let placeholders = 0;
    for (const p of all) {
      const css = getComputedStyle(p);
      visibility.add(css.contentVisibility);
      const line = Number.parseFloat(css.lineHeight);
      if (Math.abs(p.getBoundingClientRect().height - 4 * line) < 0.5) placeholders++;
    }
    return { count: all.length, visibility: [...visibility], placeholders };
  }, VIEW_TAG);
}

/** Resolves after the page's next two frames (content-visibility decides per frame). */
function frames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Scrolls the view to its end, as End or a long wheel does, and lets it render. */
async function scrollViewToEnd(page: Page): Promise<void> {
  await page.evaluate((tag) => {
    const box = document.querySelector(tag)?.shadowRoot?.querySelector('.dc-root');
    if (box) box.scrollTop = box.scrollHeight;
  }, VIEW_TAG);
  await frames(page);
}

test('opened at the top: far paragraphs are laid out only when scrolled to, and when printing', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await toggleFromToolbar(s.browser, page, true);
  assert.equal(
    await page.evaluate((tag) => document.querySelector(tag)?.matches(':popover-open'), VIEW_TAG),
    true,
    'the view is in the top layer',
  );
  await frames(page);
  const opened = await paragraphs(page);
  assert.ok(opened.count >= 12, `the article's paragraphs are all in the view (${opened.count})`);
  assert.deepEqual(opened.visibility, ['auto']);
  assert.ok(
    opened.placeholders >= opened.count - 3,
    `all but the first few are not laid out yet (${opened.placeholders} of ${opened.count})`,
  );
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual((await paragraphs(page)).visibility, ['visible'], 'printing lays out every paragraph');
  await page.emulateMedia({ media: 'screen' });
  await scrollViewToEnd(page);
  const scrolled = await paragraphs(page);
  assert.ok(
    scrolled.placeholders < opened.placeholders - 1,
    `scrolled to, the last ones are laid out (${scrolled.placeholders} left of ${opened.placeholders})`,
  );
  await toggleFromToolbar(s.browser, page, false);
});

test('opened at a place, the whole article is laid out (the place is measured through it); reopened at the top, far paragraphs wait again', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await page.evaluate(() => {
    const p = document.querySelectorAll('[data-article-paragraph]')[12] as HTMLElement;
    window.scrollTo({ top: p.getBoundingClientRect().top + window.scrollY, behavior: 'instant' });
  });
  await toggleFromToolbar(s.browser, page, true);
  await frames(page);
  const placed = await paragraphs(page);
  assert.deepEqual(placed.visibility, ['visible']);
  assert.ok(placed.placeholders < placed.count / 2, `laid out (${placed.placeholders} look unlaid)`);
  await toggleFromToolbar(s.browser, page, false);

  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await toggleFromToolbar(s.browser, page, true);
  await frames(page);
  assert.deepEqual(
    (await paragraphs(page)).visibility,
    ['auto'],
    'reopened at the top: laid out when scrolled to',
  );
  await toggleFromToolbar(s.browser, page, false);
});
