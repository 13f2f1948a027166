/**
 * The sample news page through the reading view: what is in it, what is not, what it leaves
 * behind (nothing), and how it looks under a CSP that forbids every page style.
 * Run by e2e/sample-article.test.ts (Chromium) and e2e/firefox/sample-article.test.ts (Firefox).
 */
import assert from 'node:assert/strict';
import { type PageDriver, type Scenario, squash } from './driver';
import { viewState } from './view-probe';

/** One phrase from each clutter block of the sample page. */
export const CLUTTER = [
  'Skip to',
  'Special Offer',
  'Subscribe in print or digital',
  'Become a fan',
  'Follow us',
  'See our feeds',
  "Editors' picks",
];

const paragraphTexts = (d: PageDriver): Promise<string[]> =>
  d.evaluate(() =>
    [...document.querySelectorAll('[data-article-paragraph]')].map((el) => el.textContent ?? ''),
  );

export const sampleArticleScenarios: Scenario[] = [
  {
    name: 'on the sample page every article paragraph is in the view and none of the clutter is',
    async run(d) {
      await d.goto(d.pageUrl('/sample-article.html'));
      const paragraphs = (await paragraphTexts(d)).map(squash);
      assert.ok(paragraphs.length >= 10, 'the sample page marks its paragraphs');
      const headline = squash(await d.evaluate(() => document.querySelector('h1')?.textContent ?? ''));

      await d.toggleView(true);
      const view = await viewState(d);
      assert.equal(view.title, headline);
      assert.match(view.meta, /\d+ min read/);
      const missing = paragraphs.filter((p) => !view.articleText.includes(p));
      assert.deepEqual(missing, [], 'every article paragraph is in the view, word for word');
      const leaked = CLUTTER.filter((phrase) => view.allText.includes(phrase));
      assert.deepEqual(leaked, [], 'no clutter block reaches the view');
    },
  },
  {
    name: 'after on → off the page is exactly as it was: DOM, scroll position, typed form text',
    async run(d) {
      await d.goto(d.pageUrl('/sample-article.html'));
      await d.type('#search-input', 'kelp farming');
      await d.type('#comment-name', 'Ada');
      await d.type('#comment-text', 'Good piece.\nMore like this, please.');
      // Firefox scrolls a typed-in field's caret into view on a later refresh, which can land after
      // our scrollTo (then the page sits at the comment box): scroll until it holds for two frames.
      for (let tries = 0; ; tries++) {
        const held = await d.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              window.scrollTo(0, 700);
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === 700)));
            }),
        );
        if (held) break;
        assert.ok(tries < 20, 'the page stays where it was scrolled');
      }
      const pageState = () =>
        d.evaluate(() => ({ html: document.documentElement.outerHTML, scrollY: window.scrollY }));
      const before = await pageState();
      assert.ok(before.scrollY > 0, 'the page is scrolled');
      const typed = () =>
        d.evaluate(() =>
          ['#search-input', '#comment-name', '#comment-text'].map(
            (sel) => (document.querySelector(sel) as HTMLInputElement).value,
          ),
        );
      const typedBefore = await typed();
      assert.deepEqual(
        typedBefore,
        ['kelp farming', 'Ada', 'Good piece.\nMore like this, please.'],
        'the typing reached the fields',
      );

      await d.toggleView(true);
      const during = await d.evaluate(() => document.documentElement.outerHTML);
      assert.notEqual(
        during,
        before.html,
        'the open view is in the DOM (so the comparison below means something)',
      );
      await d.toggleView(false);

      const afterward = await pageState();
      assert.equal(afterward.scrollY, before.scrollY, 'scroll position unchanged');
      assert.deepEqual(await typed(), typedBefore, 'typed text is still in the form fields');
      assert.ok(
        afterward.html === before.html,
        'document.documentElement.outerHTML is byte-for-byte what it was',
      );
    },
  },
  {
    name: 'under a strict CSP (style-src none) the view is still styled',
    async run(d) {
      const { headers } = await d.goto(d.pageUrl('/strict-csp/sample-article.html'));
      assert.match(headers['content-security-policy'] ?? '', /style-src 'none'/);
      const pageStyle = await d.evaluate(() => ({
        font: getComputedStyle(document.body).fontFamily,
        // The page's own <style> sets a 0 body margin; under this CSP it must not apply.
        margin: getComputedStyle(document.body).marginTop,
      }));
      assert.notEqual(pageStyle.margin, '0px', 'the CSP really blocks page styles');

      await d.toggleView(true);
      const view = await d.evaluate(() => {
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
      assert.notEqual(
        view.font,
        pageStyle.font,
        `the view's text has its own font (page: ${pageStyle.font})`,
      );
      assert.ok(
        view.width > 200 && view.width < Math.min(900, view.viewport * 0.8),
        `the text column is a readable width (${view.width}px of ${view.viewport}px)`,
      );
    },
  },
];
