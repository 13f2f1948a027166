/**
 * "What was hidden": the panel lists every block the rules left out, by rule, with a preview;
 * "Show" puts one back into the view (its own markup, where it stood in the page); "Never hide on
 * this site" holds across reopening and reloading, for the view and for in-place hiding; a reset
 * undoes it. The popup counts what the open view left out.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { clickInPopup, readSync, waitForSync } from './lib/reading-view';
import { toggleFromToolbar } from './lib/session';
import { clickToolbar, closePopup } from './lib/toolbar';
import { VIEW_TAG } from './lib/view';

let s: ReadingSession;
before(async () => {
  s = await startReading();
});
after(async () => {
  await s?.close();
});

const view = (page: Page) => page.locator(VIEW_TAG);

/** The blocks shown back in the view: their text, and the text of the view block just before each. */
function restored(page: Page): Promise<{ text: string; links: number; after: string }[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return [...(root?.querySelectorAll('article .dc-restored') ?? [])].map((box) => ({
      text: (box.textContent ?? '').replace(/\s+/g, ' ').trim(),
      links: box.querySelectorAll('a[href]').length,
      after: (box.previousElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
    }));
  }, VIEW_TAG);
}

/** Opens the panel and waits until it is open (its content may still be on its way: extras.ts). */
async function openHidden(page: Page): Promise<void> {
  const button = view(page).getByRole('button', { name: /What was hidden/ });
  await button.click();
  await view(page)
    .locator('button[aria-expanded="true"]', { hasText: /What was hidden/ })
    .waitFor();
}

/** What of the view's extras (view-extras.js) is in the view: its stylesheet and the panels' content. */
function extrasInView(page: Page): Promise<{ sheets: number; fieldsets: number; hiddenList: number }> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return {
      sheets: root?.adoptedStyleSheets.length ?? 0,
      fieldsets: root?.querySelectorAll('fieldset').length ?? 0,
      hiddenList: root?.querySelectorAll('.hid').length ?? 0,
    };
  }, VIEW_TAG);
}

/** The row (li) of the panel whose preview contains `phrase`, and its rule section. */
const row = (page: Page, phrase: string) => view(page).locator('li', { hasText: phrase });
const section = (page: Page, heading: RegExp) =>
  view(page).locator('section', { has: page.locator('h3', { hasText: heading }) });

test('the panel lists what was hidden by rule; Show puts a block back where it stood, and takes it out again', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await toggleFromToolbar(s.browser, page, true);
  const label =
    (await view(page)
      .getByRole('button', { name: /What was hidden/ })
      .textContent()) ?? '';
  const count = Number(/\((\d+)\)/.exec(label)?.[1]);
  assert.ok(count >= 5, `the toolbar counts the hidden blocks: ${label}`);

  const popup = await clickToolbar(s.browser, page);
  const popupCount = await popup.waitFor(() => document.getElementById('removed-count')?.textContent ?? null);
  assert.match(popupCount, new RegExp(`^${count}\\b`), `the popup shows the same count: ${popupCount}`);
  await closePopup(s.browser, popup);

  assert.deepEqual(await restored(page), [], 'nothing shown back yet');
  assert.deepEqual(
    await extrasInView(page),
    { sheets: 1, fieldsets: 0, hiddenList: 0 },
    'the panels are not loaded before one is opened: one stylesheet, no panel content',
  );
  await openHidden(page);
  const loaded = await extrasInView(page);
  assert.ok(
    loaded.sheets === 2 && loaded.fieldsets >= 2 && loaded.hiddenList === 1,
    `opening a panel loads both panels and their stylesheet: ${JSON.stringify(loaded)}`,
  );
  assert.equal(await view(page).locator('.hid li').count(), count, 'one row per hidden block');
  for (const heading of [/Skip links/, /Subscription offers/, /Social links/, /Links to other stories/]) {
    assert.equal(await section(page, heading).count(), 1, `a section for ${heading}`);
  }
  assert.match(
    (await row(page, 'Become a fan!').textContent()) ?? '',
    /Follow us!/,
    'rows preview the block text',
  );

  await row(page, 'Become a fan!').getByRole('button', { name: 'Show' }).click();
  const shown = await restored(page);
  assert.equal(shown.length, 1);
  assert.match(shown[0]?.text ?? '', /Become a fan! Facebook Follow us! Twitter/);
  assert.ok((shown[0]?.links ?? 0) >= 4, 'the block itself (its links), not just its preview');
  assert.match(
    shown[0]?.after ?? '',
    /^"I'm not giving up lobster/,
    'it follows the last paragraph, as on the page',
  );
  assert.equal(
    await row(page, 'Become a fan!').getByRole('button', { name: 'Show' }).getAttribute('aria-pressed'),
    'true',
  );

  await row(page, 'Become a fan!').getByRole('button', { name: 'Show' }).click();
  assert.deepEqual(await restored(page), [], 'Show again takes it back out');
  await toggleFromToolbar(s.browser, page, false);
});

test('"Never hide on this site" holds after reopening and reloading, in the view and in place; reset undoes it', async () => {
  const page = s.browser.page;
  const url = s.server.url('/sample-article.html');
  await page.goto(url);
  await toggleFromToolbar(s.browser, page, true);
  await openHidden(page);
  await section(page, /Subscription offers/)
    .getByRole('button', { name: 'Never hide on this site' })
    .click();
  const offer = (list: { text: string; after: string }[]) =>
    list.filter((b) => b.text.includes('Special Offer'));
  let shown = offer(await restored(page));
  assert.equal(shown.length, 1, 'the offer is back in the view at once');
  assert.match(
    shown[0]?.after ?? '',
    /^Not everyone is convinced/,
    'between the paragraphs it stood between',
  );
  const stored = await waitForSync(s.browser, (v) =>
    JSON.stringify(v.neverHide ?? null).includes('subscription-offer'),
  );
  assert.deepEqual(stored.neverHide, { '127.0.0.1': ['subscription-offer'] }, 'remembered for this site');

  await toggleFromToolbar(s.browser, page, false);
  await toggleFromToolbar(s.browser, page, true);
  assert.equal(offer(await restored(page)).length, 1, 'reopened: still shown');
  await page.reload();
  await toggleFromToolbar(s.browser, page, true);
  shown = offer(await restored(page));
  assert.equal(shown.length, 1, 'after a reload: still shown');
  await toggleFromToolbar(s.browser, page, false);

  // In-place hiding skips the rule on this site too.
  const popup = await clickToolbar(s.browser, page);
  await clickInPopup(popup, '#hide-clutter');
  await popup.waitFor(() => /\d/.test(document.getElementById('hidden-count')?.textContent ?? ''));
  const visible = await page.evaluate(() => ({
    offer: (document.querySelector('.offer-box') as HTMLElement).checkVisibility(),
    social: (document.querySelector('.fan-box') as HTMLElement).checkVisibility(),
  }));
  assert.deepEqual(
    visible,
    { offer: true, social: false },
    'hiding in place leaves the offer, hides the rest',
  );
  await clickInPopup(popup, '#hide-clutter');
  await closePopup(s.browser, popup);

  await toggleFromToolbar(s.browser, page, true);
  await openHidden(page);
  await view(page).getByRole('button', { name: 'Reset choices for this site' }).click();
  assert.deepEqual(offer(await restored(page)), [], 'reset: the offer is out of the view again');
  await waitForSync(s.browser, (v) => JSON.stringify(v.neverHide ?? null) === '{}');
  assert.deepEqual((await readSync(s.browser)).neverHide, {}, 'reset: nothing remembered for the site');
  await toggleFromToolbar(s.browser, page, false);
  await toggleFromToolbar(s.browser, page, true);
  assert.deepEqual(offer(await restored(page)), [], 'reset holds after reopening');
});
