/**
 * findClutter on the sample page and on edge cases: what it reports, what it leaves, and that it
 * only reads the DOM. Run under jsdom and linkedom.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findClutter, toRemoval } from './find-clutter.ts';
import { DOMS, PROSE, page, SAMPLE_URL, sampleHtml } from './test-doms.ts';

/** The sample page's clutter, in document order: rule and the block's id or class. */
const SAMPLE_CLUTTER = [
  ['skip-link', 'skip-links'],
  ['skip-link', 'skip-para'],
  ['teaser-rail', 'story-inset'],
  ['subscription-offer', 'offer-box'],
  ['teaser-rail', 'picks'],
  ['social-links', 'fan-box'],
  ['comments', 'comments'],
  ['ad-slot', 'ad-slot'],
  ['teaser-rail', 'most-read'],
  ['newsletter-signup', 'newsletter'],
  ['cookie-consent', 'cookie-notice'],
];

function serialize(doc: Document): string {
  // XMLSerializer is in both DOMs and reads without changing anything.
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (win?.XMLSerializer) return new win.XMLSerializer().serializeToString(doc);
  return String(doc);
}

for (const dom of DOMS) {
  describe(`findClutter (${dom.name})`, () => {
    it('finds exactly the sample page clutter, each block once, in document order', () => {
      const doc = dom.parse(sampleHtml(), SAMPLE_URL);
      const hits = findClutter(doc);
      assert.deepEqual(
        hits.map((h) => [h.rule, h.element.id || h.element.getAttribute('class')]),
        SAMPLE_CLUTTER,
      );
    });

    it('never reports an article paragraph, or a block holding one', () => {
      const doc = dom.parse(sampleHtml(), SAMPLE_URL);
      const paragraphs = Array.from(doc.querySelectorAll('[data-article-paragraph]'));
      assert.equal(paragraphs.length, 15);
      for (const hit of findClutter(doc)) {
        for (const p of paragraphs) assert.ok(!hit.element.contains(p), `${hit.rule} took a paragraph`);
      }
    });

    it('reports the seed clutter text with rule, group and reason', () => {
      const hits = findClutter(dom.parse(sampleHtml(), SAMPLE_URL));
      const expect: Array<[string, string, string]> = [
        ['Skip to: Content', 'skip-link', 'skip-link'],
        ['Skip to: Site Navigation', 'skip-link', 'skip-link'],
        ['Skip to: Search', 'skip-link', 'skip-link'],
        ['Skip to next paragraph', 'skip-link', 'skip-link'],
        ['Subscribe in print or digital', 'subscription-offer', 'offer'],
        ['Special Offer', 'subscription-offer', 'offer'],
        ["Editors' picks", 'teaser-rail', 'related'],
        ['Become a fan!', 'social-links', 'social'],
        ['See our feeds!', 'social-links', 'social'],
      ];
      for (const [snippet, rule, group] of expect) {
        const hit = hits.find((h) => h.text.includes(snippet));
        assert.ok(hit, `nothing reported "${snippet}"`);
        assert.equal(hit.rule, rule);
        assert.equal(hit.group, group);
        assert.ok(hit.reason.length > 10);
      }
    });

    it('does not change the document', () => {
      const doc = dom.parse(sampleHtml(), SAMPLE_URL);
      const before = serialize(doc);
      const count = doc.getElementsByTagName('*').length;
      findClutter(doc);
      assert.equal(doc.getElementsByTagName('*').length, count);
      assert.equal(serialize(doc), before);
    });

    it('skips the descendants of a hit and never reports the root element', () => {
      const doc = dom.parse(
        page(
          `<div id="root"><div id="outer"><p id="inner"><a href="#a">Skip to content</a></p><p><a href="#b">Skip to search</a></p></div><p>${PROSE}</p></div>`,
        ),
      );
      assert.deepEqual(
        findClutter(doc).map((h) => h.element.id),
        ['outer'],
      );
      const outer = doc.getElementById('outer')!;
      assert.deepEqual(
        findClutter(outer).map((h) => h.element.id),
        ['inner', ''],
      );
    });

    it('cuts the preview text to about 120 characters', () => {
      const links = Array.from(
        { length: 12 },
        (_, i) => `<li><a href="/s${i}">Story number ${i} of the day</a></li>`,
      );
      const doc = dom.parse(page(`<p>${PROSE}</p><div><h3>Most read</h3><ol>${links.join('')}</ol></div>`));
      const [hit] = findClutter(doc);
      assert.ok(hit);
      assert.ok(hit.text.length <= 120, hit.text);
      assert.ok(hit.text.endsWith('…'));
    });

    it('finds nothing in an empty page or a page of prose', () => {
      assert.deepEqual(findClutter(dom.parse(page(''))), []);
      assert.deepEqual(
        findClutter(dom.parse(page(`<article><h1>Title</h1><p>${PROSE}</p><p>${PROSE}</p></article>`))),
        [],
      );
    });

    it('leaves a page wrapper alone even when it is short and full of links', () => {
      const doc = dom.parse(
        page(
          `<div><h1>Related</h1><a href="/a">One story about a thing</a> <a href="/b">Another story here</a></div>`,
        ),
      );
      assert.deepEqual(findClutter(doc), []);
    });
  });
}

describe('toRemoval', () => {
  it('keeps the data and drops the element', () => {
    const [hit] = findClutter(
      DOMS[0]!.parse(page(`<p><a href="#main">Skip to main content</a></p><p>${PROSE}</p>`)),
    );
    assert.ok(hit);
    const removal = toRemoval(hit);
    assert.deepEqual(Object.keys(removal).sort(), ['group', 'reason', 'rule', 'text']);
    assert.equal(removal.text, 'Skip to main content');
    assert.equal(JSON.parse(JSON.stringify(removal)).rule, 'skip-link');
  });
});
