/** isReadable: articles yes, listings and stubs no. Run under jsdom and linkedom. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProbablyReaderable } from '@mozilla/readability';
import { isReadable, largestProseCluster } from './readable.ts';
import { DOMS, PROSE, page, SAMPLE_URL, sampleHtml } from './test-doms.ts';

/** A section front: ten teasers, each a linked headline and a two-sentence blurb in its own box. */
function listing(): string {
  const teaser = (i: number) =>
    `<article class="teaser"><h2><a href="/story-${i}">Headline number ${i} about the harbor</a></h2>` +
    `<p>A long teaser blurb for story ${i}, written to be long enough that Readability's quick check counts it ` +
    `as a paragraph, since it runs past one hundred and forty characters of text in all.</p></article>`;
  return page(
    `<header><a href="/">The Daily Meridian</a></header><nav><a href="/world">World</a> <a href="/usa">USA</a></nav>` +
      `<main>${Array.from({ length: 10 }, (_, i) => teaser(i)).join('')}</main><footer><a href="/about">About</a></footer>`,
  );
}

for (const dom of DOMS) {
  describe(`isReadable (${dom.name})`, () => {
    it('is true on the sample article', () => {
      assert.equal(isReadable(dom.parse(sampleHtml(), SAMPLE_URL)), true);
    });

    it('is false on a home-page-like listing that Readability alone would accept', () => {
      const doc = dom.parse(listing());
      assert.equal(isProbablyReaderable(doc), true, 'the listing should fool the quick check');
      assert.equal(isReadable(doc), false);
    });

    it('is false on an empty page and on a page of short lines', () => {
      assert.equal(isReadable(dom.parse(page(''))), false);
      assert.equal(
        isReadable(dom.parse(page('<p>Opening hours</p><p>Monday to Friday, 9 to 5.</p>'))),
        false,
      );
    });

    it('counts paragraphs wrapped one per box toward their shared container', () => {
      const wrapped = `<div class="body">${[PROSE, PROSE].map((p) => `<div class="para"><p>${p}</p></div>`).join('')}</div>`;
      const doc = dom.parse(page(wrapped));
      assert.equal(largestProseCluster(doc), PROSE.length * 2);
      assert.equal(isReadable(doc), true);
    });
  });
}
