/**
 * Pages Declutter can run on but shouldn't open a view for, and what it says instead:
 * - not an article (a home page, search results, a web app): the popup says "no article found
 *   here" and still offers clutter hiding; the shortcut shows a short notice, not an empty view;
 * - too large (more elements than controller.ts's MAX_ELEMENTS): a clear message, quickly;
 * - the article lives in a frame (same-origin, cross-origin, a frameset): the top document is
 *   read, and the person is told the article is in a frame.
 * The shortcut's path is the worker's toggle-view message (what background/index.ts sends).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import {
  type HostileSession,
  openPopup,
  pageHealth,
  popupSays,
  startHostileSession,
  toggleFromWorker,
} from './lib/hostile-session';
import { closePopup, popupState } from './lib/toolbar';
import { viewState, waitForView } from './lib/view';

let s: HostileSession;
before(async () => {
  s = await startHostileSession();
});
after(async () => {
  await s?.close();
});

interface Refusal {
  ok: boolean;
  reason?: string;
  message?: string;
}

/** The shortcut's toggle on `page` (activeTab granted by a toolbar click first). */
async function shortcutToggle(page: Page): Promise<Refusal> {
  const [reply] = await toggleFromWorker(s.browser, page);
  return reply as Refusal;
}

/** Our notice in the page: its text, and that no view (or hidden page) came with it. */
async function noticeShown(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('declutter-notice'));
  const health = await pageHealth(page);
  assert.equal(health.views, 0, 'no view, not even an empty one');
  assert.equal(health.pageHidden, false, 'the page stays usable');
  return health.noticeText;
}

const NOT_ARTICLE = /no article found/i;

for (const [name, path] of [
  ["a news site's home page", '/not-article.html'],
  ['search results', '/gen/search.html'],
  ["a web app's inbox", '/gen/app.html'],
] as const) {
  test(`${name}: the popup says "no article found here" and offers clutter hiding; the shortcut shows a notice`, async () => {
    const { page, browser } = s;
    await page.goto(s.server.url(path));
    const popup = await popupSays(browser, page);
    assert.match(popup.message ?? '', /no article found here/i);
    assert.equal(popup.readText, null, 'no reading-view button');
    assert.equal(popup.switchShown, true, 'the clutter switch is still there');

    const reply = await shortcutToggle(page);
    assert.deepEqual([reply.ok, reply.reason], [false, 'not-article']);
    assert.match(await noticeShown(page), NOT_ARTICLE);
    assert.match(reply.message ?? '', NOT_ARTICLE);
  });
}

test('a page beyond the element limit: a clear message, quickly, from the popup and the shortcut', async () => {
  const { page, browser } = s;
  await page.goto(s.server.url('/gen/huge-lite-160000.html'), { timeout: 30_000 });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(elements > 150_000, `the page has ${elements} elements`);

  const started = Date.now();
  const reply = await shortcutToggle(page);
  const took = Date.now() - started;
  assert.deepEqual([reply.ok, reply.reason], [false, 'too-large']);
  assert.match(await noticeShown(page), /too large/i);
  assert.ok(took < 5000, `refused in ${took} ms, not after a long parse`);

  const popup = await openPopup(browser, page);
  const state = await popupState(popup);
  if (state.readText) {
    await popup.click('#read');
    await popup.waitFor(() => !document.getElementById('message')?.hidden, undefined, { what: 'a message' });
  }
  assert.match((await popupState(popup)).message ?? '', /too large/i, 'the popup says why');
  await closePopup(browser, popup);
});

test('a big page under the limit (30,000 elements) opens in steps: the article is in the view, and closing gives the page back exactly', async () => {
  const { page } = s;
  await page.goto(s.server.url('/gen/huge-lite-30000.html'), { timeout: 30_000 });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  // Over controller.ts's YIELD_ABOVE (the paced path), under MAX_ELEMENTS.
  assert.ok(elements > 20_000 && elements < 150_000, `the page has ${elements} elements`);
  const original = await page.evaluate(() => document.documentElement.outerHTML);
  await popupSays(s.browser, page); // activeTab, as a toolbar click grants it

  const [opened] = (await toggleFromWorker(s.browser, page)) as { ok: boolean; open?: boolean }[];
  assert.deepEqual([opened?.ok, opened?.open], [true, true]);
  await waitForView(page, true);
  const view = await viewState(page);
  assert.match(view.title, /A very long thread/);
  assert.ok(view.articleText.length > 3000, `the story is in the view (${view.articleText.length} chars)`);
  assert.doesNotMatch(view.articleText, /reader\d+ \d+ min ago/, 'the comment thread is not');

  await toggleFromWorker(s.browser, page);
  await waitForView(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
});

const IN_FRAME = /inside a frame/i;

for (const [name, path] of [
  ['an article in a same-origin iframe', '/frames-iframe.html'],
  ['an article in a cross-origin iframe', '/frames-cross.html'],
  ['a page made of frames (frameset)', '/frames-frameset.html'],
] as const) {
  test(`${name}: the top document is read, and the person is told the article is in a frame`, async () => {
    const { page, browser } = s;
    await page.goto(s.server.url(path));
    await page.waitForFunction(() => [...document.querySelectorAll('iframe, frame')].length > 0);
    const popup = await popupSays(browser, page);
    assert.match(popup.message ?? '', IN_FRAME, 'the popup says the article is in a frame');
    assert.equal(popup.readText, null);

    const reply = await shortcutToggle(page);
    assert.deepEqual([reply.ok, reply.reason], [false, 'not-article']);
    assert.match(reply.message ?? '', IN_FRAME);
    assert.match(await noticeShown(page), IN_FRAME, 'the notice says so too');
  });
}

test('no error from the extension on any of these pages', () => {
  assert.equal(describe(s.errors.ours()), '');
});
