/**
 * In-place hiding on a page that keeps rebuilding its clutter (e2e/pages/spa-clutter.html): the
 * "follow us" bar is thrown away and rebuilt every second, an offer box arrives late, and a storm
 * adds elements every frame. While the switch is on every new clutter block is hidden too, the
 * popup's count stays the number of hidden blocks on the page, nothing loops (the page counts
 * every write of our attribute), and switching off stops the watching.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HostileSession, openPopup, startHostileSession } from './lib/hostile-session';
import { closePopup, type PopupState, popupState } from './lib/toolbar';

interface Rebuild {
  generation: number;
  marks: number;
  pause(): void;
  resume(): void;
  tick(): void;
  offer(): void;
  storm(ms: number): Promise<number>;
}
declare global {
  interface Window {
    rebuild: Rebuild;
  }
}

let s: HostileSession;
before(async () => {
  s = await startHostileSession();
  await s.page.goto(s.server.url('/spa-clutter.html'));
});
after(async () => {
  await s?.close();
});

/** Flips the popup's clutter switch and returns what the popup says once it has answered. */
async function flipSwitch(page: Page, on: boolean): Promise<PopupState> {
  const popup = await openPopup(s.browser, page);
  try {
    await popupState(popup);
    await popup.click('#hide-clutter');
    await popup.waitFor(
      (want) => (document.getElementById('hide-clutter') as HTMLInputElement).checked === want,
      on,
      { what: `the switch ${on ? 'on' : 'off'}` },
    );
    if (on) {
      await popup.waitFor(() => document.getElementById('hidden-count')?.textContent?.trim(), undefined, {
        what: 'the hidden count',
      });
    }
    return await popupState(popup);
  } finally {
    await closePopup(s.browser, popup);
  }
}

/** The hidden count the popup shows right now. */
async function popupCount(page: Page): Promise<string> {
  const popup = await openPopup(s.browser, page);
  try {
    return (await popupState(popup)).hiddenCount;
  } finally {
    await closePopup(s.browser, popup);
  }
}

/** Is the element with `id` rendered, and does it carry our attribute? */
const shown = (page: Page, id: string) =>
  page.evaluate((i) => {
    const el = document.getElementById(i);
    return {
      exists: Boolean(el),
      visible: el?.checkVisibility() ?? false,
      marked: el?.hasAttribute('data-declutter-hidden') ?? false,
    };
  }, id);

/** Waits (bounded) until the bar has been rebuilt at least `times` more times, and says so. */
async function rebuilt(page: Page, times: number): Promise<number> {
  const from = await page.evaluate(() => window.rebuild.generation);
  await page
    .waitForFunction((g) => window.rebuild.generation >= g, from + times, { timeout: 15_000 })
    .catch(() => {});
  const now = await page.evaluate(() => window.rebuild.generation);
  assert.ok(now >= from + times, `the page rebuilt its bar ${times} times (generation ${from} → ${now})`);
  return now;
}

test('rebuilt and late clutter is hidden while the switch is on, and the count stays right', async () => {
  const { page } = s;
  await page.evaluate(() => window.rebuild.pause());
  const on = await flipSwitch(page, true);
  assert.equal(on.switchOn, true);
  assert.match(on.hiddenCount, /\b1\b/, 'one block hidden: the follow-us bar');
  assert.equal((await shown(page, 'fans')).visible, false, 'the bar is hidden');
  await page.evaluate(() => window.rebuild.resume());

  // The page throws the bar away and builds a new one, twice: each new one is hidden too.
  await rebuilt(page, 2);
  await page
    .waitForFunction(() => !document.getElementById('fans')?.checkVisibility(), undefined, { timeout: 5_000 })
    .catch(() => {});
  const bar = await shown(page, 'fans');
  assert.deepEqual(bar, { exists: true, visible: false, marked: true }, 'the rebuilt bar is hidden');

  // A late offer box slotted into the story.
  await page.evaluate(() => window.rebuild.offer());
  await page
    .waitForFunction(() => !document.getElementById('offer')?.checkVisibility(), undefined, {
      timeout: 5_000,
    })
    .catch(() => {});
  assert.deepEqual(await shown(page, 'offer'), { exists: true, visible: false, marked: true });
  // Thrown-away bars are not counted: the bar and the offer box.
  await page.evaluate(() => window.rebuild.pause());
  assert.match(await popupCount(page), /\b2\b/, 'the popup counts the two blocks on the page now');
  await page.evaluate(() => window.rebuild.resume());
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length),
    2,
    'and only those two are marked',
  );
});

test('a page that adds elements every frame: no attribute is rewritten, nothing loops, the page keeps its frames', async () => {
  const { page } = s;
  await page.evaluate(() => window.rebuild.pause());
  const before = await page.evaluate(() => window.rebuild.marks);
  const frames = await page.evaluate(() => window.rebuild.storm(2000));
  assert.ok(frames > 5, `the storm ran its frames (${frames})`);
  const during = await page.evaluate(() => window.rebuild.marks);
  assert.equal(during - before, 0, 'not one write of our attribute while the page churned non-clutter');
  assert.deepEqual(
    [
      (await shown(page, 'fans')).visible,
      (await shown(page, 'offer')).visible,
      (await shown(page, 'counter')).visible,
    ],
    [false, false, true],
    'the clutter stays hidden, the churned counter stays shown',
  );

  // One rebuild: exactly one new mark (the new bar); the old bar left with the page's nodes.
  await page.evaluate(() => window.rebuild.tick());
  await page.waitForFunction((m) => window.rebuild.marks > m, during, { timeout: 5_000 }).catch(() => {});
  // Then quiet: give a stray loop every chance to show (frames pass, the count must hold).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(
    (await page.evaluate(() => window.rebuild.marks)) - during,
    1,
    'one write for the one rebuilt bar, then none',
  );
  await page.evaluate(() => window.rebuild.resume());
});

test('switching off shows everything and stops watching: the next rebuilt bar and a new offer stay visible', async () => {
  const { page } = s;
  const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);
  const off = await flipSwitch(page, false);
  assert.equal(off.switchOn, false);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length), 0);
  assert.equal(
    await page.evaluate(() => document.adoptedStyleSheets.length),
    sheets - 1,
    'our sheet is gone',
  );

  await rebuilt(page, 1);
  await page.evaluate(() => {
    document.getElementById('offer')?.remove();
    window.rebuild.offer();
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await shown(page, 'fans'), { exists: true, visible: true, marked: false });
  assert.deepEqual(await shown(page, 'offer'), { exists: true, visible: true, marked: false });
});

test('nothing threw: no uncaught error in the page, none from the extension anywhere', () => {
  assert.equal(describe(s.errors.uncaught()), '', 'no uncaught exception');
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension');
});
