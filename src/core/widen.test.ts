/** widen: finding the container of an article Readability kept only one section of. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMS, PROSE, page } from './test-doms.ts';
import { keptProse, proseChars, widerContainer } from './widen.ts';

/** One section per plant; each paragraph differs, as a real article's do. */
const para = (title: string) => `${title}: ${PROSE} (${title})`;
const section = (title: string) =>
  `<section><div class="inner"><h2>${title}</h2><p>${para(title)}</p></div></section>`;
const teasers = Array.from(
  { length: 6 },
  (_, i) => `<li><a href="/story/${i}">Another story from the archive, number ${i}, worth a click</a></li>`,
).join('');

for (const dom of DOMS) {
  /** Readability's output as extract sees it: a detached element holding what it kept. */
  const output = (doc: Document, html: string): Element => {
    const div = doc.createElement('div');
    const parsed = dom.parse(page(`<div id="out">${html}</div>`)).getElementById('out')!;
    for (const node of Array.from(parsed.childNodes)) div.append(doc.importNode(node, true));
    return div;
  };

  describe(`widerContainer (${dom.name})`, () => {
    it('finds the wrapper of all sections when Readability kept one of them', () => {
      const doc = dom.parse(
        page(
          `<nav><ul>${teasers}</ul></nav><main><div id="story">${section('Snake plant')}${section('ZZ plant')}${section('Spider plant')}</div></main><footer><p>© Meridian</p></footer>`,
        ),
      );
      const wide = widerContainer(doc, output(doc, `<h2>Snake plant</h2><p>${para('Snake plant')}</p>`));
      assert.ok(wide);
      assert.equal(wide.element.id, 'story');
      assert.equal(
        wide.chars,
        para('Snake plant').length + para('ZZ plant').length + para('Spider plant').length,
      );
    });

    it('keeps Readability’s result when it already holds the article', () => {
      const doc = dom.parse(
        page(`<main><div id="story">${section('Snake plant')}${section('ZZ plant')}</div></main>`),
      );
      const all = output(doc, `<p>${para('Snake plant')}</p><p>${para('ZZ plant')}</p>`);
      assert.equal(widerContainer(doc, all), null);
    });

    it('does not climb into a link-heavy page frame for a little more prose', () => {
      const menus = `<div class="menu"><ul>${teasers}${teasers}${teasers}</ul></div>`;
      const doc = dom.parse(
        page(
          `<div id="frame">${menus}<div id="story"><p>${para('a')}</p></div>${menus}<div><p>${para('b')}</p><p>${para('c')}</p></div></div>`,
        ),
      );
      assert.equal(widerContainer(doc, output(doc, `<p>${para('a')}</p>`)), null);
    });

    it('ignores excerpts of other stories in <article>s, even in the same wrapper classes (wcxb 0296)', () => {
      const teaser = (t: string) =>
        `<article class="post"><h3><a href="/${t}">${t}</a></h3><p>${para(t)}</p><a href="/${t}">Read More</a></article>`;
      const doc = dom.parse(
        page(
          `<div class="box" id="page"><div class="box col"><p>${para('a')}</p></div><div class="box col"><h2>Latest News</h2>${teaser('b')}${teaser('c')}${teaser('d')}</div></div>`,
        ),
      );
      assert.equal(widerContainer(doc, output(doc, `<p>${para('a')}</p>`)), null);
    });

    it('ignores prose in asides, footers and forms (a comment box is not the missing part)', () => {
      const doc = dom.parse(
        page(
          `<div id="page"><div id="story"><p>${para('a')}</p></div><aside><p>${para('b')}</p><p>${para('c')}</p></aside><form><p>${para('d')}</p></form></div>`,
        ),
      );
      assert.equal(widerContainer(doc, output(doc, `<p>${para('a')}</p>`)), null);
    });
  });

  describe(`keptProse (${dom.name})`, () => {
    it('finds the kept paragraphs in a layout table, also when Readability dropped a link inside one', () => {
      const doc = dom.parse(
        page(
          `<table><tbody><tr><td><p><a href="#n">Skip to next paragraph</a> ${para('a')}</p><p>${para('b')}</p></td></tr></tbody></table>`,
        ),
      );
      const kept = keptProse(doc, output(doc, `<p>${para('a')}</p><p>${para('b')}</p>`));
      assert.equal(kept, `Skip to next paragraph ${para('a')}`.length + para('b').length);
    });

    it('is zero when Readability kept a block without the page’s prose (a product grid)', () => {
      const doc = dom.parse(page(`<div><p>${para('a')}</p><p>${para('b')}</p></div><ul>${teasers}</ul>`));
      assert.equal(keptProse(doc, output(doc, `<ul>${teasers}</ul>`)), 0);
    });
  });

  describe(`proseChars (${dom.name})`, () => {
    it('counts long, link-poor blocks only', () => {
      const doc = dom.parse(page(`<div id="r"><p>${PROSE}</p><p>Short line.</p><ul>${teasers}</ul></div>`));
      assert.equal(proseChars(doc.getElementById('r')!), PROSE.length);
    });
  });
}
