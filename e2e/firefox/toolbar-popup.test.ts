/**
 * The toolbar button and its popup in Firefox ESR (the Chromium side is e2e/toolbar-popup.test.ts):
 * the button toggles the view, the switch hides clutter in place, pages we can't or shouldn't
 * read get a message, and the extension's storage works under its Gecko id.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadPrivilegedPage } from '../lib/firefox-browser';
import { type FirefoxSession, startFirefoxSession, toggleFromToolbar } from '../lib/firefox-driver';
import {
  clickToolbar,
  closePopup,
  popupClick,
  popupGone,
  popupState,
  popupWaitFor,
} from '../lib/firefox-popup';
import { visibility } from '../scenarios/clutter-visibility';
import { CLUTTER } from '../scenarios/sample-article';
import { viewState, waitForView } from '../scenarios/view-probe';

let s: FirefoxSession;
before(async () => {
  s = await startFirefoxSession();
});
after(async () => {
  await s?.close();
});

test('firefox: the toolbar button opens the popup; its button turns the reading view on, and again off', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/sample-article.html'));
  assert.equal((await viewState(driver)).open, false);

  await clickToolbar(ff, ff.page);
  const first = await popupState(ff);
  assert.match(first.readText ?? '', /open/i, 'the popup offers to open the view');
  assert.match(first.shortcut, /Alt\+Shift\+D/, 'the popup shows the shortcut');
  await popupClick(ff, 'read');
  await waitForView(driver, true);
  await popupGone(ff);
  const opened = await viewState(driver);
  assert.ok(opened.hostIsLast, '<declutter-reader> is the last child of <html>');
  assert.ok(
    opened.pageHidden,
    'the page beneath is skipped (content-visibility: hidden) while the view is open',
  );
  assert.ok(opened.articleText.length > 1000, 'the view shows the article');

  await clickToolbar(ff, ff.page);
  assert.match((await popupState(ff)).readText ?? '', /close/i, 'the popup now offers to close the view');
  await popupClick(ff, 'read');
  await waitForView(driver, false);
  await popupGone(ff);
  const closed = await viewState(driver);
  assert.equal(closed.open, false);
  assert.equal(closed.pageHidden, false, 'the page is shown again on close');
});

test('firefox: the popup switch hides the clutter blocks on the live page, shows how many, and brings them back', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/sample-article.html'));
  const paragraphs = await driver.evaluate(
    () => document.querySelectorAll('[data-article-paragraph]').length,
  );
  assert.ok(paragraphs > 5);
  const everyone = Object.fromEntries(CLUTTER.map((p) => [p, true]));
  assert.deepEqual(await visibility(driver, CLUTTER), everyone, 'before: every clutter block is rendered');

  await clickToolbar(ff, ff.page);
  const initial = await popupState(ff);
  assert.ok(initial.switchShown && !initial.switchOn, 'the switch is shown, off');
  await popupClick(ff, 'hide-clutter');
  const on = await popupWaitFor(ff, (doc) => {
    const count = doc.getElementById('hidden-count')?.textContent ?? '';
    return (doc.getElementById('hide-clutter') as HTMLInputElement).checked && /\d/.test(count)
      ? count
      : null;
  });
  const marked = await driver.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length);
  assert.ok(
    marked >= 4,
    `at least the skip links, offer, picks and social blocks are marked (got ${marked})`,
  );
  assert.match(on, new RegExp(`\\b${marked}\\b`), `the popup shows the count of hidden blocks: "${on}"`);
  const nobody = Object.fromEntries(CLUTTER.map((p) => [p, false]));
  // The content script adopts its sheet into the page from Firefox's content-script sandbox
  // (Xray wrappers); this is where that would fail.
  assert.deepEqual(await visibility(driver, CLUTTER), nobody, 'on: no clutter block is rendered');
  const shownParagraphs = await driver.evaluate(
    () =>
      [...document.querySelectorAll('[data-article-paragraph]')].filter((el) => el.checkVisibility()).length,
  );
  assert.equal(shownParagraphs, paragraphs, 'on: every article paragraph is still rendered');

  await popupClick(ff, 'hide-clutter');
  await popupWaitFor(ff, (doc) => !(doc.getElementById('hide-clutter') as HTMLInputElement).checked);
  assert.deepEqual(await visibility(driver, CLUTTER), everyone, 'off: every clutter block is back');
  assert.equal(
    await driver.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length),
    0,
    'off: no marker attribute is left',
  );
  assert.equal(await driver.evaluate(() => document.adoptedStyleSheets.length), 0, 'off: the sheet is gone');
  await closePopup(ff);
});

test('firefox: on a page that is not an article the popup says so instead of offering the button', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/not-article.html'));
  await clickToolbar(ff, ff.page);
  const state = await popupState(ff);
  assert.match(state.message ?? '', /no article/i);
  assert.equal(state.readText, null, 'no reading-view button');
  await closePopup(ff);
  assert.equal((await viewState(driver)).open, false);
});

test('firefox: on a browser page (about:robots) the popup shows a message instead of a dead button', async () => {
  const { ff } = s;
  await loadPrivilegedPage(ff, 'about:robots');
  await clickToolbar(ff, ff.page);
  const state = await popupState(ff);
  assert.match(state.message ?? '', /can.t run/i);
  assert.equal(state.readText, null, 'no reading-view button');
  assert.equal(state.switchShown, false, 'no clutter switch');
  await closePopup(ff);
});

declare const browser: {
  storage: {
    sync: { set(o: object): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> };
  };
};

/** The open view's theme, font and background colour. */
const viewLook = (d: FirefoxSession['driver']) =>
  d.evaluate(() => {
    const root = document
      .querySelector('declutter-reader')
      ?.shadowRoot?.querySelector<HTMLElement>('.dc-root');
    return root
      ? {
          theme: root.dataset.theme,
          font: root.dataset.font,
          background: getComputedStyle(root).backgroundColor,
        }
      : null;
  });

test('firefox: reading settings chosen in the popup change the open view at once and are remembered', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/sample-article.html'));
  await toggleFromToolbar(ff, true);
  const before = await viewLook(driver);
  assert.ok(before, 'the view is open');
  assert.notEqual(before.theme, 'dark');

  await clickToolbar(ff, ff.page);
  await popupState(ff);
  await ff.inPopup((doc) => doc.querySelector<HTMLElement>('#settings summary')?.click());
  // One choice at a time, as a hand makes them: each is saved before the next.
  for (const [name, value] of [
    ['theme', 'dark'],
    ['font', 'sans'],
  ] as const) {
    const picked = await ff.inPopup(
      (doc, [n, v]: [string, string]) => {
        const input = doc.querySelector<HTMLInputElement>(`input[name="dc-${n}"][value="${v}"]`);
        input?.click();
        return Boolean(input);
      },
      [name, value] as [string, string],
    );
    assert.ok(picked, `the popup offers ${name} ${value}`);
    await driver.waitFor(
      ([n, v]: [string, string]) =>
        document.querySelector('declutter-reader')?.shadowRoot?.querySelector<HTMLElement>('.dc-root')
          ?.dataset[n] === v,
      [name, value] as [string, string],
    );
  }
  const after = await viewLook(driver);
  assert.notEqual(after?.background, before.background, 'the open view repainted in the dark theme');
  await closePopup(ff);

  const stored = await ff.inExtension(() => browser.storage.sync.get(null));
  assert.equal(stored.theme, 'dark', 'saved to storage.sync');
  assert.equal(stored.font, 'sans');
  await toggleFromToolbar(ff, false);
  await toggleFromToolbar(ff, true);
  assert.deepEqual(await viewLook(driver), after, 'a view opened afterwards uses the saved settings');
  await toggleFromToolbar(ff, false);
});

test('firefox: storage.sync works for the add-on (it needs the Gecko id the manifest patch sets)', async () => {
  const stored = await s.ff.inExtension(async () => {
    await browser.storage.sync.set({ e2eProbe: 'kept' });
    const { e2eProbe } = await browser.storage.sync.get('e2eProbe');
    return e2eProbe;
  });
  assert.equal(stored, 'kept');
});

test("firefox: the view's own panels load on first use (the event page injects view-extras.js) and work", async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/sample-article.html'));
  await toggleFromToolbar(ff, true);
  const panels = () =>
    driver.evaluate(() => {
      const root = document.querySelector('declutter-reader')?.shadowRoot;
      const box = root?.querySelector<HTMLElement>('#dc-panel-settings');
      return {
        fieldsets: root?.querySelectorAll('fieldset').length ?? 0,
        open: root?.querySelector('button.settings')?.getAttribute('aria-expanded') ?? null,
        // From the panels' own stylesheet, which comes with them.
        position: box && !box.hidden ? getComputedStyle(box).position : null,
      };
    });
  assert.deepEqual(await panels(), { fieldsets: 0, open: 'false', position: null }, 'nothing loaded yet');

  // Clicks as the page would: the view's own listeners (content script) run the same.
  const click = (selector: string) =>
    driver.evaluate(
      (sel: string) =>
        document.querySelector('declutter-reader')?.shadowRoot?.querySelector<HTMLElement>(sel)?.click(),
      selector,
    );
  const attribute = ([sel, name, value]: [string, string, string]) =>
    document.querySelector('declutter-reader')?.shadowRoot?.querySelector(sel)?.getAttribute(name) === value;

  await click('button.settings');
  await driver.waitFor(attribute, ['button.settings', 'aria-expanded', 'true']);
  const loaded = await panels();
  assert.ok(loaded.fieldsets >= 2, `the settings panel has its controls: ${JSON.stringify(loaded)}`);
  assert.equal(loaded.position, 'absolute', 'and its stylesheet');

  await click('input[name="dc-theme"][value="sepia"]');
  await driver.waitFor(attribute, ['.dc-root', 'data-theme', 'sepia']);
  await toggleFromToolbar(ff, false);
});
