/**
 * Right to left: an Arabic article reads right to left in the view whatever the UI language, and
 * with Chromium in Arabic the popup and the view's toolbar are in Arabic and mirrored, while an
 * English article in that browser still reads left to right.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { startReading } from './lib/reading-browser';
import { toggleFromToolbar } from './lib/session';
import { clickToolbar, closePopup, popupState } from './lib/toolbar';
import { VIEW_TAG, viewState } from './lib/view';

interface Layout {
  page: { lang: string | null; dir: string | null };
  articleDirection: string;
  paragraphAlign: string;
  toolbarDirection: string;
  /** The close button is at the right end of the toolbar. */
  closeOnRight: boolean;
  uiLang: string | null;
}

function layout(page: Page): Promise<Layout> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const main = root?.querySelector('main.dc-page');
    const p = root?.querySelector('article.dc-article p');
    const bar = root?.querySelector('.bar');
    const close = root?.querySelector('.close')?.getBoundingClientRect();
    const first = root?.querySelector('.bar button')?.getBoundingClientRect();
    if (!main || !p || !bar || !close || !first) throw new Error('the view is missing parts');
    return {
      page: { lang: main.getAttribute('lang'), dir: main.getAttribute('dir') },
      articleDirection: getComputedStyle(p).direction,
      paragraphAlign: getComputedStyle(p).textAlign,
      toolbarDirection: getComputedStyle(bar).direction,
      closeOnRight: close.x > first.x,
      uiLang: root?.querySelector('.dc-root')?.getAttribute('lang') ?? null,
    };
  }, VIEW_TAG);
}

test('the Arabic sample reads right to left in the view (English UI)', async () => {
  const s = await startReading();
  try {
    const page = s.browser.page;
    await page.goto(s.server.url('/arabic-article.html'));
    await toggleFromToolbar(s.browser, page, true);
    const view = await viewState(page);
    assert.equal(view.title, 'تعاونية نسائية تعيد الحياة إلى بساتين النخيل في واحة صغيرة');
    assert.match(
      view.meta,
      /صحيفة المدار · .+ · \d+ min read/,
      'site, date, reading time (in the UI language)',
    );
    const got = await layout(page);
    assert.deepEqual(got.page, { lang: 'ar', dir: 'rtl' }, "the view carries the article's lang and dir");
    assert.equal(got.articleDirection, 'rtl');
    assert.equal(got.paragraphAlign, 'start', 'text starts at the right, as the direction says');
    assert.equal(got.toolbarDirection, 'ltr', 'the toolbar follows the (English) UI');
    assert.ok(got.closeOnRight, 'close at the end of an LTR toolbar: the right');
  } finally {
    await s.close();
  }
});

test('with Chromium in Arabic, the popup and the toolbar are Arabic and mirrored; an English article stays LTR', async () => {
  const s = await startReading({ args: ['--lang=ar'], env: { LANGUAGE: 'ar', LANG: 'ar_EG.UTF-8' } });
  try {
    const page = s.browser.page;
    await page.goto(s.server.url('/sample-article.html'));
    const popup = await clickToolbar(s.browser, page);
    const state = await popupState(popup);
    assert.equal(state.readText, 'فتح عرض القراءة', 'the popup speaks Arabic');
    const mirrored = await popup.evaluate(() => {
      const icon = document.querySelector('.brand img')?.getBoundingClientRect();
      const name = document.querySelector('.brand span')?.getBoundingClientRect();
      const label = document.querySelector('#hide-row span')?.getBoundingClientRect();
      const box = document.querySelector('#hide-clutter')?.getBoundingClientRect();
      return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.body).direction,
        iconRightOfName: Boolean(icon && name && icon.x > name.x),
        checkboxRightOfLabel: Boolean(box && label && box.x > label.x),
      };
    });
    assert.deepEqual(
      mirrored,
      { lang: 'ar', dir: 'rtl', direction: 'rtl', iconRightOfName: true, checkboxRightOfLabel: true },
      'the popup is right to left: its icon and its checkbox sit on the right',
    );
    await closePopup(s.browser, popup);

    await toggleFromToolbar(s.browser, page, true);
    const got = await layout(page);
    assert.equal(got.uiLang, 'ar');
    assert.equal(got.toolbarDirection, 'rtl', 'the toolbar mirrors');
    assert.ok(!got.closeOnRight, 'close at the end of an RTL toolbar: the left');
    assert.deepEqual(got.page, { lang: 'en', dir: 'auto' }, 'the English article keeps its own language');
    assert.equal(got.articleDirection, 'ltr', 'and reads left to right');
    assert.match((await viewState(page)).meta, /قراءة في \d+ دقيقة/, 'reading time in the UI language');
  } finally {
    await s.close();
  }
});
