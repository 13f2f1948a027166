/**
 * Pictures, code, tables and captions in the reading view (issue 3 item 5), in real Chromium
 * where page scripts run and a <noscript> is text: every picture of e2e/pages/media-article.html
 * shows at its real address (lazy ones and the <noscript> fallback included), code keeps its lines
 * and scrolls sideways instead of wrapping, the table keeps its caption and header cells, pictures
 * fit the column, captions are styled as captions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { startReading } from './lib/reading-browser';
import { toggleFromToolbar } from './lib/session';
import { VIEW_TAG } from './lib/view';

const FIXTURE = readFileSync(new URL('./pages/media-article.html', import.meta.url), 'utf8');
/** The paths of the pictures the reader should see, from the fixture's data-expect-src hooks. */
const EXPECTED = Array.from(
  FIXTURE.matchAll(/data-expect-src="([^"]+)"/g),
  (m) => new URL(m[1] ?? '').pathname,
);

test('the media article: pictures, code, table and captions survive into the view', async () => {
  const s = await startReading({ viewport: { width: 900, height: 900 } });
  try {
    const page = s.browser.page;
    await page.goto(s.server.url('/media-article.html'));
    await toggleFromToolbar(s.browser, page, true);
    const got = await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const main = root?.querySelector('main.dc-page');
      const article = root?.querySelector('article.dc-article');
      const pre = article?.querySelector('pre');
      const table = article?.querySelector('table');
      const caption = article?.querySelector('figcaption');
      if (!main || !article || !pre || !table || !caption) throw new Error('the view is missing parts');
      const width = article.getBoundingClientRect().width;
      const pres = getComputedStyle(pre);
      return {
        lang: main.getAttribute('lang'),
        dir: main.getAttribute('dir'),
        noscriptIsText: document.querySelector('noscript')?.childElementCount === 0,
        imgs: Array.from(article.querySelectorAll('img'), (img) => ({
          src: img.getAttribute('src') ?? '',
          fits: img.getBoundingClientRect().width <= width + 0.5,
        })),
        sources: Array.from(article.querySelectorAll('picture source'), (s) => s.getAttribute('srcset')),
        pre: {
          text: pre.textContent ?? '',
          whiteSpace: pres.whiteSpace,
          scrolls: pres.overflowX === 'auto' && pre.scrollWidth > pre.clientWidth,
        },
        table: {
          caption: table.querySelector('caption')?.textContent ?? null,
          headers: table.querySelectorAll('th').length,
          fits: table.getBoundingClientRect().width <= width + 0.5,
        },
        figcaptions: article.querySelectorAll('figure > figcaption').length,
        captionFont: getComputedStyle(caption).fontSize,
        bodyFont: getComputedStyle(article.querySelector('p') ?? article).fontSize,
      };
    }, VIEW_TAG);

    assert.equal(got.lang, 'en-GB', 'the language stated on <article>');
    assert.equal(got.dir, 'ltr');
    assert.ok(got.noscriptIsText, 'page scripts run here: <noscript> is text, as for readers');
    const origin = new URL(s.server.url('/')).origin;
    const shown = got.imgs.map((img) => img.src);
    for (const path of EXPECTED)
      assert.ok(shown.includes(origin + path), `no picture at ${path}: ${shown.join(' ')}`);
    assert.equal(got.imgs.length, EXPECTED.length, 'no placeholders or duplicates');
    assert.ok(
      got.imgs.every((img) => img.fits),
      'every picture fits the column',
    );
    assert.deepEqual(got.sources, [
      `${origin}/media/storm-surge-800.webp 800w, ${origin}/media/storm-surge-1600.webp 1600w`,
    ]);

    assert.match(
      got.pre.text,
      /^import csv\n\nFEED_URL = .+\nFLOOD_LEVEL_M = 5\.2\n\n\ndef flood_readings\(path\):\n {4}with open/,
    );
    assert.equal(got.pre.whiteSpace, 'pre', 'code lines are never re-wrapped');
    assert.ok(got.pre.scrolls, 'a long code line scrolls sideways');

    assert.match(got.table.caption ?? '', /^Highest and lowest readings by season/);
    assert.equal(got.table.headers, 8);
    assert.ok(got.table.fits, 'the table stays inside the column (it scrolls if wider)');
    assert.equal(got.figcaptions, 4);
    assert.ok(
      Number.parseFloat(got.captionFont) < Number.parseFloat(got.bodyFont),
      'captions are set smaller',
    );
  } finally {
    await s.close();
  }
});
