/**
 * Restarts, with the real shortcut (xdotool on a headed Chromium): the browser stops an idle
 * service worker and the next key press must wake it and work; the extension is reloaded (as an
 * update does) while a view is open and the page must be left usable, with the orphaned view
 * gone and the next toggle opening exactly one view; and reloaded while clutter is hidden in
 * place (and a view is open): the orphaned script gives the page back exactly as it was, and the
 * new script's switch and view work.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HeadedSession, keysUnavailable, startHeadedSession } from './lib/hostile-keys';
import {
  extensionsPage,
  openPopup,
  pageHealth,
  popupSays,
  reloadExtension,
  stopWorker,
} from './lib/hostile-session';
import { closePopup, popupState } from './lib/toolbar';
import { onPage, waitForView } from './lib/view';
import { visibility } from './scenarios/clutter-visibility';
import { CLUTTER } from './scenarios/sample-article';

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
  assert.deepEqual([health.views, health.pageHidden], [0, false], 'no orphaned view, the page is not hidden');
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

/** Our footprint of in-place hiding: marked elements and adopted sheets. */
const hidingFootprint = (page: Page) =>
  page.evaluate(() => ({
    marked: document.querySelectorAll('[data-declutter-hidden]').length,
    sheets: document.adoptedStyleSheets.length,
  }));

/** Flips the popup's clutter switch; returns the count it shows once on ('' when off). */
async function flipSwitch(h: HeadedSession, page: Page, on: boolean): Promise<string> {
  const popup = await openPopup(h.browser, page);
  try {
    await popupState(popup);
    await popup.click('#hide-clutter');
    return await popup.waitFor(
      (want) => {
        const checked = (document.getElementById('hide-clutter') as HTMLInputElement).checked;
        const count = document.getElementById('hidden-count')?.textContent ?? '';
        if (checked !== want) return null;
        return want ? (/\d/.test(count) ? count : null) : '-';
      },
      on,
      { what: `the switch ${on ? 'on' : 'off'}` },
    );
  } finally {
    await closePopup(h.browser, popup);
  }
}

test('the extension is reloaded while clutter is hidden in place and a view is open: the page is given back exactly, the new switch and view work', {
  skip,
}, async () => {
  assert.ok(s);
  const { page, browser } = s;
  const extensions = await extensionsPage(browser);
  await page.goto(s.server.url('/sample-article.html'));
  const original = await page.evaluate(() => document.documentElement.outerHTML);
  const everyone = Object.fromEntries(CLUTTER.map((p) => [p, true]));
  const nobody = Object.fromEntries(CLUTTER.map((p) => [p, false]));

  const count = await flipSwitch(s, page, true);
  const hidden = await hidingFootprint(page);
  assert.ok(hidden.marked >= 4 && hidden.sheets === 1, `blocks are hidden (${JSON.stringify(hidden)})`);
  assert.match(count, new RegExp(`\\b${hidden.marked}\\b`), `the popup counts them: "${count}"`);
  assert.deepEqual(await visibility(onPage(page), CLUTTER), nobody, 'no clutter block is rendered');
  await s.press(page);
  await waitForView(page, true);

  await reloadExtension(browser, extensions);
  // Nothing can reach the old script: it must notice by itself and take everything back off.
  await page
    .waitForFunction(
      () =>
        !document.querySelector('declutter-reader') &&
        !document.querySelector('[data-declutter-hidden]') &&
        document.adoptedStyleSheets.length === 0,
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  assert.deepEqual(
    await hidingFootprint(page),
    { marked: 0, sheets: 0 },
    'no mark and no sheet of ours is left',
  );
  assert.deepEqual(
    [(await pageHealth(page)).views, (await pageHealth(page)).pageHidden],
    [0, false],
    'no orphaned view, the page is not hidden',
  );
  assert.deepEqual(
    await visibility(onPage(page), CLUTTER),
    everyone,
    'every clutter block is rendered again',
  );
  assert.equal(
    await page.evaluate(() => document.documentElement.outerHTML),
    original,
    'the page is exactly as it was before hiding',
  );

  // The new content script's switch and view work, and switching off gives the page back again.
  const again = await flipSwitch(s, page, true);
  assert.match(
    again,
    new RegExp(`\\b${hidden.marked}\\b`),
    `the new switch hides as many blocks: "${again}"`,
  );
  assert.deepEqual(await visibility(onPage(page), CLUTTER), nobody, 'the new switch hides the clutter');
  await s.press(page);
  await waitForView(page, true);
  assert.equal((await pageHealth(page)).views, 1, 'exactly one view after the reload');
  await s.press(page);
  await waitForView(page, false);
  await flipSwitch(s, page, false);
  assert.deepEqual(await hidingFootprint(page), { marked: 0, sheets: 0 });
  assert.equal(
    await page.evaluate(() => document.documentElement.outerHTML),
    original,
    'and exactly as it was',
  );
  await extensions.close();
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension, old or new');
});
