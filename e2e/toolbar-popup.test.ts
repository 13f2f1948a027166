/**
 * The toolbar button and its popup, in real Chromium: the button toggles the view, the switch
 * hides clutter in place, and pages we can't or shouldn't read get a message, not a dead button.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2eSession, startSession } from './lib/session';
import { clickToolbar, closePopup, popupState } from './lib/toolbar';
import { onPage, viewState, waitForView } from './lib/view';
import { visibility } from './scenarios/clutter-visibility';

/** One phrase from each clutter block of the sample page. */
const CLUTTER = [
  'Skip to',
  'Special Offer',
  'Subscribe in print or digital',
  'Become a fan',
  'Follow us',
  'See our feeds',
  "Editors' picks",
];

let s: E2eSession;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

test('a real toolbar click opens the popup; its button turns the reading view on, and again off', async () => {
  const { browser, page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  assert.equal((await viewState(page)).open, false);

  const popup = await clickToolbar(browser, page);
  const first = await popupState(popup);
  assert.match(first.readText ?? '', /open/i, 'the popup offers to open the view');
  assert.match(first.shortcut, /Alt\+Shift\+D/, 'the popup shows the shortcut');
  await popup.click('#read');
  await waitForView(page, true);
  const opened = await viewState(page);
  assert.ok(opened.hostIsLast, '<declutter-reader> is the last child of <html>');
  assert.ok(
    opened.pageHidden,
    'the page beneath is skipped (content-visibility: hidden) while the view is open',
  );
  assert.ok(opened.articleText.length > 1000, 'the view shows the article');

  const again = await clickToolbar(browser, page);
  assert.match((await popupState(again)).readText ?? '', /close/i, 'the popup now offers to close the view');
  await again.click('#read');
  await waitForView(page, false);
  const closed = await viewState(page);
  assert.equal(closed.open, false);
  assert.equal(closed.pageHidden, false, 'the page is shown again on close');
});

test('the popup switch hides the clutter blocks on the live page, shows how many, and brings them back', async () => {
  const { browser, page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  const paragraphs = await page.locator('[data-article-paragraph]').count();
  assert.ok(paragraphs > 5);
  const everyone = Object.fromEntries(CLUTTER.map((p) => [p, true]));
  assert.deepEqual(
    await visibility(onPage(page), CLUTTER),
    everyone,
    'before: every clutter block is rendered',
  );

  const popup = await clickToolbar(browser, page);
  const initial = await popupState(popup);
  assert.ok(initial.switchShown && !initial.switchOn, 'the switch is shown, off');
  await popup.click('#hide-clutter');
  const on = await popup.waitFor(() => {
    const count = document.getElementById('hidden-count')?.textContent ?? '';
    return (document.getElementById('hide-clutter') as HTMLInputElement).checked && /\d/.test(count)
      ? count
      : null;
  });
  const marked = await page.locator('[data-declutter-hidden]').count();
  assert.ok(
    marked >= 4,
    `at least the skip links, offer, picks and social blocks are marked (got ${marked})`,
  );
  assert.match(on, new RegExp(`\\b${marked}\\b`), `the popup shows the count of hidden blocks: "${on}"`);
  const nobody = Object.fromEntries(CLUTTER.map((p) => [p, false]));
  assert.deepEqual(await visibility(onPage(page), CLUTTER), nobody, 'on: no clutter block is rendered');
  const shownParagraphs = await page
    .locator('[data-article-paragraph]')
    .evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
  assert.equal(shownParagraphs, paragraphs, 'on: every article paragraph is still rendered');

  await popup.click('#hide-clutter');
  await popup.waitFor(() => !(document.getElementById('hide-clutter') as HTMLInputElement).checked);
  assert.deepEqual(await visibility(onPage(page), CLUTTER), everyone, 'off: every clutter block is back');
  assert.equal(await page.locator('[data-declutter-hidden]').count(), 0, 'off: no marker attribute is left');
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'off: the sheet is gone');
  await closePopup(browser, popup);
});

test('on a page that is not an article the popup says so instead of offering the button', async () => {
  const { browser, page } = s;
  await page.goto(s.server.url('/not-article.html'));
  const popup = await clickToolbar(browser, page);
  const state = await popupState(popup);
  assert.match(state.message ?? '', /no article/i);
  assert.equal(state.readText, null, 'no reading-view button');
  await closePopup(browser, popup);
  assert.equal((await viewState(page)).open, false);
});

test('on a browser page (chrome://version) the popup shows a message instead of a dead button', async () => {
  const { browser, page } = s;
  await page.goto('chrome://version/');
  const popup = await clickToolbar(browser, page);
  const state = await popupState(popup);
  assert.match(state.message ?? '', /can.t run/i);
  assert.equal(state.readText, null, 'no reading-view button');
  assert.equal(state.switchShown, false, 'no clutter switch');
  await closePopup(browser, popup);
});
