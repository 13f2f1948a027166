/**
 * A page that changes under us (e2e/pages/spa-news.html): a ticker rewritten and a rail rebuilt
 * every second, overlays added on top, stories swapped with history.pushState. The view stays
 * one view, on top and unchanged while open; closing gives back the page as it is *now*; a
 * client-side navigation closes the view; and nothing throws, in the page or in the extension.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HostileSession, openPopup, pageHealth, startHostileSession } from './lib/hostile-session';
import { closePopup, popupState } from './lib/toolbar';
import { viewState, waitForView } from './lib/view';

interface Spa {
  generation: number;
  pause(): void;
  resume(): void;
  tick(): void;
  overlay(onHtml: boolean): void;
  next(): void;
}
declare global {
  interface Window {
    spa: Spa;
  }
}

let s: HostileSession;
before(async () => {
  s = await startHostileSession();
  await s.page.goto(s.server.url('/spa-news.html'));
});
after(async () => {
  await s?.close();
});

async function openView(page: Page): Promise<void> {
  const popup = await openPopup(s.browser, page);
  await popup.click('#read');
  await waitForView(page, true);
}

async function closeView(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitForView(page, false);
}

/** What is painted at the middle of the window: our host (shadow content retargets to it) or not. */
const topmost = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}` : 'nothing';
  });

test('while the page re-renders every second and adds overlays, the view stays one, on top, unchanged', async () => {
  const { page } = s;
  await openView(page);
  const first = await viewState(page);
  assert.match(first.articleText, /the dredge arrived in the harbour/);
  const generation = await page.evaluate(() => window.spa.generation);
  // Overlays the page adds while we are open: one in <body> (hidden under us), one on <html>
  // itself, after our host, with the highest z-index there is.
  await page.evaluate(() => {
    window.spa.overlay(false);
    window.spa.overlay(true);
  });
  for (let i = 0; i < 8; i++) {
    const health = await pageHealth(page);
    assert.deepEqual(
      [health.views, health.openViews, health.pageHidden],
      [1, 1, true],
      `sample ${i}: one open view`,
    );
    assert.equal(
      (await viewState(page)).articleText,
      first.articleText,
      `sample ${i}: the view's text is unchanged`,
    );
    assert.equal(
      await topmost(page),
      'declutter-reader',
      `sample ${i}: the view is on top of the page's overlays`,
    );
    await page.waitForTimeout(200);
  }
  // The page re-renders on a 1 s timer, which a loaded machine stretches: wait for two more
  // generations (bounded) rather than assume them after a fixed time, then check them.
  await page
    .waitForFunction((g) => window.spa.generation >= g + 2, generation, { timeout: 10_000 })
    .catch(() => {});
  assert.ok(
    (await page.evaluate(() => window.spa.generation)) >= generation + 2,
    'the page kept re-rendering',
  );
  assert.equal((await pageHealth(page)).views, 1, 'still one view after the re-renders');
});

test('closing gives back the page as it is now (its latest re-render, its overlays), not as it was', async () => {
  const { page } = s;
  assert.equal((await viewState(page)).open, true, 'the view from the previous test is still open');
  await page.evaluate(() => window.spa.pause());
  const now = await page.evaluate(() => ({
    body: document.body.outerHTML,
    generation: window.spa.generation,
  }));
  await closeView(page);
  const after = await page.evaluate(() => ({
    body: document.body.outerHTML,
    rail: document.getElementById('rail')?.dataset.generation,
    overlays: [...document.querySelectorAll('.overlay')].map((o) => o.id),
  }));
  assert.equal(after.body, now.body, 'the body is exactly what the page made of it while the view was open');
  assert.equal(after.rail, String(now.generation), "the rail is the page's latest one");
  assert.deepEqual(
    after.overlays.sort(),
    ['overlay-body', 'overlay-html'],
    "the page's overlays are still there",
  );
  await page.evaluate(() => {
    for (const o of document.querySelectorAll('.overlay')) o.remove();
    window.spa.resume();
  });
});

test('clutter hidden in place, then rebuilt by the page: switching off leaves no attribute or sheet behind', async () => {
  const { page, browser } = s;
  const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);
  await page.evaluate(() => window.spa.pause());
  const popup = await openPopup(browser, page);
  await popupState(popup);
  await popup.click('#hide-clutter');
  await popup.waitFor(() => document.getElementById('hidden-count')?.textContent?.trim(), undefined, {
    what: 'the hidden count',
  });
  await closePopup(browser, popup);
  assert.equal(
    await page.evaluate(() => document.getElementById('rail')?.checkVisibility()),
    false,
    'the rail is hidden',
  );
  await page.evaluate(() => window.spa.resume());
  // The page rebuilds the rail from scratch: the node we marked is gone.
  const generation = await page.evaluate(() => window.spa.generation);
  await page.waitForFunction((g) => window.spa.generation > g, generation);

  const off = await openPopup(browser, page);
  await popupState(off);
  await off.click('#hide-clutter');
  await off.waitFor(() => !(document.getElementById('hide-clutter') as HTMLInputElement).checked);
  await closePopup(browser, off);
  await page.evaluate(() => window.spa.pause());
  const state = await page.evaluate(() => ({
    marked: document.querySelectorAll('[data-declutter-hidden]').length,
    sheets: document.adoptedStyleSheets.length,
    rail: document.getElementById('rail')?.dataset.generation,
    railShown: document.getElementById('rail')?.checkVisibility(),
    generation: window.spa.generation,
  }));
  await page.evaluate(() => window.spa.resume());
  assert.equal(state.marked, 0, 'no element keeps our attribute');
  assert.equal(state.sheets, sheets, 'our stylesheet is gone');
  assert.equal(state.rail, String(state.generation), "the rail is the page's current one");
  assert.equal(state.railShown, true, 'and it is shown');
});

test('a client-side navigation (pushState) closes the view; the next view shows the new story; popstate closes it too', async () => {
  const { page } = s;
  await openView(page);
  // A jump within the same document (#anchor) is not a navigation away from the article.
  await page.evaluate(() => {
    location.hash = 'story';
  });
  await page.waitForTimeout(800);
  assert.equal((await viewState(page)).open, true, 'a hash change leaves the view open');

  await page.evaluate(() => window.spa.next());
  await waitForView(page, false, 3000);
  assert.equal((await pageHealth(page)).pageHidden, false, 'the page is usable');
  assert.match(page.url(), /story=2/);

  await openView(page);
  assert.match(
    (await viewState(page)).articleText,
    /every forty minutes instead of every hour/,
    'the new story',
  );
  await page.evaluate(() => history.back());
  await waitForView(page, false, 3000);
  await page.waitForFunction(() => !location.search.includes('story=2'));
  assert.match(
    (await page.locator('#story-body').textContent()) ?? '',
    /the dredge arrived/,
    'the page shows story 1 again',
  );
});

test('nothing threw: no uncaught error in the page, none from the extension anywhere', () => {
  assert.equal(describe(s.errors.uncaught()), '', 'no uncaught exception');
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension');
});
