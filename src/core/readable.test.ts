/** isReadable: articles yes, listings and stubs no. Run under jsdom and linkedom. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProbablyReaderable } from '@mozilla/readability';
import { declaredType, isReadable, largestProseCluster } from './readable.ts';
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
      const wrapped = `<div class="body">${[PROSE, PROSE, PROSE, PROSE].map((p) => `<div class="para"><p>${p}</p></div>`).join('')}</div>`;
      const doc = dom.parse(page(wrapped));
      assert.equal(largestProseCluster(doc), PROSE.length * 4);
      assert.equal(isReadable(doc), true);
    });

    it('counts a paragraph whose wrapper also holds an empty ad slot toward the shared container (wcxb 0267)', () => {
      const box = (p: string, i: number) =>
        `<div><p>${p}</p><div id="placement-post-p-${i}"><script>slot(${i})</script></div></div>`;
      const doc = dom.parse(page(`<div class="body">${[PROSE, PROSE, PROSE].map(box).join('')}</div>`));
      assert.equal(largestProseCluster(doc), PROSE.length * 3);
      const pictured = dom.parse(
        page(
          `<div class="body">${[PROSE, PROSE].map((p) => `<div><p>${p}</p><img src="/a.jpg"></div>`).join('')}</div>`,
        ),
      );
      assert.equal(
        largestProseCluster(pictured),
        PROSE.length,
        'a picture beside it makes the wrapper a box of its own',
      );
    });

    it('reads the story in a <header> or <aside> that holds most of the page prose (wcxb 0306, 4459)', () => {
      const story = [PROSE, PROSE, PROSE, PROSE, PROSE].map((p) => `<p>${p}</p>`).join('');
      for (const tag of ['header', 'aside']) {
        const doc = dom.parse(page(`<${tag} class="section_blog-post-content"><div>${story}</div></${tag}>`));
        assert.equal(largestProseCluster(doc), PROSE.length * 5, tag);
        assert.equal(isReadable(doc), true, tag);
      }
    });

    it('still skips a masthead or sidebar that holds less than half the prose', () => {
      const side = `<aside><div>${[PROSE, PROSE].map((p) => `<p>${p}</p>`).join('')}</div></aside>`;
      const doc = dom.parse(
        page(`<div class="body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>${side}`),
      );
      assert.equal(largestProseCluster(doc), PROSE.length * 3, 'the sidebar is not the cluster');
      const onlySide = dom.parse(page(`<div class="body"><p>${PROSE}</p></div>${side}`));
      assert.equal(largestProseCluster(onlySide), PROSE.length * 2, 'the sidebar holds two thirds');
      const footer = dom.parse(
        page(`<footer><div>${[PROSE, PROSE, PROSE].map((p) => `<p>${p}</p>`).join('')}</div></footer>`),
      );
      assert.equal(largestProseCluster(footer), 0, 'a footer never holds the story');
    });

    it('counts a story told as a list toward the paragraphs beside it (wcxb 4462)', () => {
      const items = [PROSE, PROSE, PROSE, PROSE].map((p) => `<li><h2>Tip</h2><p>${p}</p></li>`).join('');
      const intro = `<p>${PROSE}</p><p>${PROSE}</p>`;
      assert.equal(isReadable(dom.parse(page(`<div>${intro}</div>`))), false, 'the intro alone is too short');
      const story = dom.parse(page(`<div class="entry-content">${intro}<ol>${items}</ol></div>`));
      assert.equal(largestProseCluster(story), PROSE.length * 6);
      assert.equal(isReadable(story), true);
      const thread = dom.parse(page(`<div class="entry-content"><h2>Comments</h2><ol>${items}</ol></div>`));
      assert.equal(largestProseCluster(thread), 0, 'a list with no prose beside it is no cluster');
      assert.equal(isReadable(thread), false);
    });

    it('takes less prose from a page that declares itself an article', () => {
      const body = `<div>${[PROSE, PROSE].map((p) => `<p>${p}</p>`).join('')}</div>`;
      assert.equal(isReadable(dom.parse(page(body))), false, 'two paragraphs, undeclared');
      const og = dom.parse(page(body, '<title>T</title><meta property="og:type" content="article">'));
      assert.equal(declaredType(og), 'article');
      assert.equal(isReadable(og), true);
      const ld = dom.parse(
        page(body, '<title>T</title><script type="application/ld+json">{"@type": "NewsArticle"}</script>'),
      );
      assert.equal(declaredType(ld), 'article');
      assert.equal(isReadable(ld), true);
    });

    it('is false on a product page or forum thread with a long description', () => {
      const body = `<div>${[PROSE, PROSE, PROSE, PROSE, PROSE].map((p) => `<p>${p}</p>`).join('')}</div>`;
      assert.equal(isReadable(dom.parse(page(body))), true, 'undeclared, enough prose');
      const product = dom.parse(page(body, '<title>T</title><meta property="og:type" content="product">'));
      assert.equal(declaredType(product), 'other');
      assert.equal(isReadable(product), false);
      const forum = dom.parse(
        page(
          body,
          '<title>T</title><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>',
        ),
      );
      assert.equal(isReadable(forum), false);
    });
  });
}
