/**
 * Restarts, with the real shortcut (xdotool on a headed Chromium): the browser stops an idle
 * service worker and the next key press must wake it and work; the extension is reloaded (as an
 * update does) while a view is open and the page must be left usable, with the orphaned view
 * gone and the next toggle opening exactly one view.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describe } from './lib/hostile-errors';
import { type HeadedSession, keysUnavailable, startHeadedSession } from './lib/hostile-keys';
import { extensionsPage, pageHealth, popupSays, reloadExtension, stopWorker } from './lib/hostile-session';
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

/** Is a service worker of ours running right now? */
async function workerRunning(h: HeadedSession): Promise<boolean> {
  const { targetInfos } = (await h.browser.cdp.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string }[];
  };
  return targetInfos.some(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.browser.extensionId}/`),
  );
}

test('the service worker is stopped: the popup still works, the next shortcut wakes it and toggles', {
  skip,
}, async () => {
  assert.ok(s);
  const { page, browser } = s;
  await page.goto(s.server.url('/sample-article.html'));
  await stopWorker(browser);
  assert.equal(await workerRunning(s), false, 'no worker running');

  assert.match((await popupSays(browser, page)).readText ?? '', /open/i, 'the popup needs no worker');
  await s.press(page);
  await waitForView(page, true);
  assert.equal(await workerRunning(s), true, 'the key press started the worker');
  await stopWorker(browser);
  await s.press(page);
  await waitForView(page, false);
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension');
});

test('the extension is reloaded while the view is open: the orphaned view closes, the page is usable, the next toggle opens one view', {
  skip,
}, async () => {
  assert.ok(s);
  const { page, browser } = s;
  const extensions = await extensionsPage(browser);
  await page.goto(s.server.url('/sample-article.html'));
  await s.press(page);
  await waitForView(page, true);

  await reloadExtension(browser, extensions);
  // The old content script can't be reached any more; it must notice by itself and clean up.
  await waitForView(page, false, 3000);
  const health = await pageHealth(page);
  assert.deepEqual([health.views, health.bodyInert], [0, false], 'no orphaned view, the page is not inert');
  // The page is usable: a field on it takes focus and text.
  await page.locator('#comment-name').fill('still usable');
  assert.equal(await page.locator('#comment-name').inputValue(), 'still usable');

  await s.press(page);
  await waitForView(page, true);
  assert.equal((await pageHealth(page)).views, 1, 'exactly one view after the reload');
  await s.press(page);
  await waitForView(page, false);
  await extensions.close();
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension, old or new');
});
