/**
 * The sample news page through the reading view: what is in it, what is not, what it leaves
 * behind (nothing), and how it looks under a CSP that forbids every page style.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2eSession, startSession, toggleFromToolbar } from './lib/session';
import { squash, viewState } from './lib/view';

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

test('on the sample page every article paragraph is in the view and none of the clutter is', async () => {
  const { browser, page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  const paragraphs = (await page.locator('[data-article-paragraph]').allTextContents()).map(squash);
  assert.ok(paragraphs.length >= 10, 'the sample page marks its paragraphs');
  const headline = squash((await page.locator('h1').textContent()) ?? '');

  await toggleFromToolbar(browser, page, true);
  const view = await viewState(page);
  assert.equal(view.title, headline);
  assert.match(view.meta, /\d+ min read/);
  const missing = paragraphs.filter((p) => !view.articleText.includes(p));
  assert.deepEqual(missing, [], 'every article paragraph is in the view, word for word');
  const leaked = CLUTTER.filter((phrase) => view.allText.includes(phrase));
  assert.deepEqual(leaked, [], 'no clutter block reaches the view');
});

test('after on → off the page is exactly as it was: DOM, scroll position, typed form text', async () => {
  const { browser, page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  await page.locator('#search-input').pressSequentially('kelp farming');
  await page.locator('#comment-name').pressSequentially('Ada');
  await page.locator('#comment-text').pressSequentially('Good piece.\nMore like this, please.');
  await page.evaluate(() => window.scrollTo(0, 700));
  const before = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scrollY: window.scrollY,
  }));
  assert.ok(before.scrollY > 0, 'the page is scrolled');
  const typed = () =>
    page.evaluate(() =>
      ['#search-input', '#comment-name', '#comment-text'].map(
        (sel) => (document.querySelector(sel) as HTMLInputElement).value,
      ),
    );
  const typedBefore = await typed();

  await toggleFromToolbar(browser, page, true);
  const during = await page.evaluate(() => document.documentElement.outerHTML);
  assert.notEqual(
    during,
    before.html,
    'the open view is in the DOM (so the comparison below means something)',
  );
  await toggleFromToolbar(browser, page, false);

  const afterward = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scrollY: window.scrollY,
  }));
  assert.equal(afterward.scrollY, before.scrollY, 'scroll position unchanged');
  assert.deepEqual(await typed(), typedBefore, 'typed text is still in the form fields');
  assert.ok(
    afterward.html === before.html,
    'document.documentElement.outerHTML is byte-for-byte what it was',
  );
});

test('under a strict CSP (style-src none) the view is still styled', async () => {
  const { browser, page } = s;
  const response = await page.goto(s.server.url('/strict-csp/sample-article.html'));
  assert.match(response?.headers()['content-security-policy'] ?? '', /style-src 'none'/);
  const pageStyle = await page.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    // The page's own <style> sets a 0 body margin; under this CSP it must not apply.
    margin: getComputedStyle(document.body).marginTop,
  }));
  assert.notEqual(pageStyle.margin, '0px', 'the CSP really blocks page styles');

  await toggleFromToolbar(browser, page, true);
  const view = await page.evaluate(() => {
    const root = document.querySelector('declutter-reader')?.shadowRoot;
    const article = root?.querySelector('article.dc-article');
    const para = article?.querySelector('p');
    if (!article || !para) return null;
    return {
      font: getComputedStyle(para).fontFamily,
      width: article.getBoundingClientRect().width,
      viewport: window.innerWidth,
    };
  });
  assert.ok(view, 'the view has an article with paragraphs');
  assert.notEqual(view.font, pageStyle.font, `the view's text has its own font (page: ${pageStyle.font})`);
  assert.ok(
    view.width > 200 && view.width < Math.min(900, view.viewport * 0.8),
    `the text column is a readable width (${view.width}px of ${view.viewport}px)`,
  );
});
