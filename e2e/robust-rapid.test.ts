/**
 * Rapid and concurrent use: 30 toggles in a second (the worker's message path and the real key
 * held down), the popup button and the shortcut at once, two tabs at once. Whatever the order
 * the messages land in, a page never has two views, never a hidden page without a view, and
 * the next toggle still works.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HeadedSession, keysUnavailable, startHeadedSession } from './lib/hostile-keys';
import {
  brokenStates,
  openPopup,
  pageHealth,
  popupSays,
  toggleFromWorker,
  watchInvariants,
} from './lib/hostile-session';
import { closePopup, popupState } from './lib/toolbar';
import { waitForView } from './lib/view';

const skip = await keysUnavailable();

let s: HeadedSession | undefined;
before(async () => {
  if (skip) return;
  s = await startHeadedSession();
});
after(async () => {
  await s?.close();
});

/** A fresh article page with the activeTab grant (a toolbar click) and the invariant watch. */
async function freshPage(h: HeadedSession, page: Page, tag: string): Promise<void> {
  await page.goto(h.server.url(`/sample-article.html?${tag}`));
  await popupSays(h.browser, page);
  await watchInvariants(page);
}

/** Waits for the page to settle, then checks it is in one of the two good states. */
async function settled(page: Page, what: string): Promise<boolean> {
  await page.waitForTimeout(300);
  const health = await pageHealth(page);
  assert.ok(health.views <= 1, `${what}: at most one view (${health.views})`);
  assert.equal(
    health.pageHidden,
    health.views === 1,
    `${what}: the page is hidden exactly while a view is open`,
  );
  const { broken, maxViews } = await brokenStates(page);
  assert.deepEqual(broken, [], `${what}: never a broken state on the way`);
  assert.ok(maxViews <= 1, `${what}: never two views at once`);
  return health.views === 1;
}

/** One more toggle flips the state: the page is not stuck. */
async function stillToggles(h: HeadedSession, page: Page, open: boolean): Promise<void> {
  await h.press(page);
  await waitForView(page, !open);
  await h.press(page);
  await waitForView(page, open);
}

test('30 toggle messages at once from the worker, each injecting the script as the shortcut does: one view or none, never broken', {
  skip,
}, async () => {
  assert.ok(s);
  const { page, browser } = s;
  await freshPage(s, page, 'burst');
  await page.reload(); // no content script yet; the activeTab grant survives a reload
  await watchInvariants(page);
  const replies = await toggleFromWorker(browser, page, 30);
  const opened = replies.filter((r) => (r as { open?: boolean }).open === true).length;
  console.log(`# 30 toggles at once: ${opened} answered "open", ${30 - opened} "closed"`);
  assert.equal(replies.length, 30);
  assert.deepEqual(
    replies.filter((r) => typeof r === 'string' || !(r as { ok?: boolean }).ok),
    [],
    'every toggle was answered, none failed',
  );
  const open = await settled(page, 'after 30 messages');
  await stillToggles(s, page, open);
});

test('the real shortcut held down (30 presses in about a second): one view or none, never broken', {
  skip,
}, async () => {
  assert.ok(s);
  const { page } = s;
  await freshPage(s, page, 'held');
  await s.press(page, 30, 30);
  const open = await settled(page, 'after 30 key presses');
  await stillToggles(s, page, open);
});

test('the popup button and the shortcut at the same moment: one view or none', { skip }, async () => {
  assert.ok(s);
  const { page, browser } = s;
  await freshPage(s, page, 'both');
  const popup = await openPopup(browser, page);
  await popupState(popup);
  await Promise.all([popup.click('#read'), toggleFromWorker(browser, page, 1, { front: false })]);
  await closePopup(browser, popup);
  const open = await settled(page, 'popup and shortcut together');
  await stillToggles(s, page, open);
});

test('two tabs toggled at once: each gets its own view, and closes its own', { skip }, async () => {
  assert.ok(s);
  const { page, browser } = s;
  const other = await browser.context.newPage();
  try {
    await freshPage(s, page, 'tab-1');
    await freshPage(s, other, 'tab-2');
    await Promise.all([
      toggleFromWorker(browser, page, 1, { front: false }),
      toggleFromWorker(browser, other, 1, { front: false }),
    ]);
    await waitForView(page, true);
    await waitForView(other, true);
    assert.equal(await settled(page, 'tab 1'), true);
    assert.equal(await settled(other, 'tab 2'), true);
    await Promise.all([
      toggleFromWorker(browser, page, 1, { front: false }),
      toggleFromWorker(browser, other, 1, { front: false }),
    ]);
    await waitForView(page, false);
    await waitForView(other, false);
  } finally {
    await other.close();
  }
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension');
});
