/**
 * extract end to end on the sample page and small pages. jsdom only: DOMPurify needs a window,
 * which linkedom does not provide.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { extract, extractContent } from './extract.ts';
import { serializeSafe } from './sanitize.ts';
import { flat, PAGE_URL, PROSE, page, SAMPLE_URL, sampleHtml } from './test-doms.ts';
import type { Removal } from './types.ts';

const SEED_CLUTTER = [
  'Skip to',
  'Special Offer',
  'Subscribe in print or digital',
  'Weekly review of global news and ideas',
  'Become a fan',
  'Follow us',
  'See our feeds',
  "Editors' picks",
];

function sample(): JSDOM {
  return new JSDOM(sampleHtml(), { url: SAMPLE_URL });
}

describe('extract on the sample page', () => {
  const dom = sample();
  const doc = dom.window.document;
  const article = extract(doc);

  it('returns the article with its metadata', () => {
    assert.ok(article);
    assert.equal(article.title, 'As Gulf of Maine warms, lobstermen plant a new crop: kelp');
    assert.equal(article.byline, 'By Staff writer / October 19, 2013');
    assert.equal(article.siteName, 'The Daily Meridian');
    assert.equal(article.publishedTime, '2013-10-19T06:00:00-04:00');
    assert.equal(article.lang, 'en');
    assert.equal(article.dir, null);
    assert.match(article.excerpt ?? '', /^Rising water temperatures/);
    assert.ok(article.readingMinutes >= 3 && article.readingMinutes <= 5, String(article.readingMinutes));
  });

  it('keeps every article paragraph, in order', () => {
    assert.ok(article);
    const text = flat(article.text);
    let from = 0;
    const paragraphs = Array.from(doc.querySelectorAll('[data-article-paragraph]'));
    assert.equal(paragraphs.length, 15);
    for (const p of paragraphs) {
      const at = text.indexOf(flat(p.textContent), from);
      assert.ok(at >= 0, `missing or out of order: ${flat(p.textContent).slice(0, 60)}`);
      from = at;
    }
  });

  it('keeps the standfirst, the subheads and the lead picture with its caption and credit', () => {
    assert.ok(article);
    assert.match(article.text, /A market of unlikely buyers/);
    assert.match(article.text, /Hedging against the water/);
    assert.match(article.text, /Photo: Dana Whitcomb\/Meridian staff/);
    assert.match(article.html, /<img [^>]*src="http:\/\/127\.0\.0\.1\/sample-photo\.svg"/);
    assert.match(article.html, /<figcaption>/);
  });

  it('drops the seed clutter from text and html', () => {
    assert.ok(article);
    for (const snippet of SEED_CLUTTER) {
      assert.ok(!article.text.includes(snippet), `text still has "${snippet}"`);
      assert.ok(!article.html.includes(snippet), `html still has "${snippet}"`);
    }
  });

  it('lists every removed block with its rule and reason', () => {
    assert.ok(article);
    const expect: Array<[string, string]> = [
      ['Skip to: Content', 'skip-link'],
      ['Skip to: Site Navigation', 'skip-link'],
      ['Skip to: Search', 'skip-link'],
      ['Skip to next paragraph', 'skip-link'],
      ['Special Offer', 'subscription-offer'],
      ['Subscribe in print or digital', 'subscription-offer'],
      ['Become a fan', 'social-links'],
      ['Follow us', 'social-links'],
      ['See our feeds', 'social-links'],
      ["Editors' picks", 'teaser-rail'],
    ];
    for (const [snippet, rule] of expect) {
      const removal: Removal | undefined = article.removed.find((r) => r.text.includes(snippet));
      assert.ok(removal, `no removal for "${snippet}"`);
      assert.equal(removal.rule, rule);
      assert.ok(removal.reason.length > 10);
    }
    // Plain data: survives a message round trip.
    assert.deepEqual(JSON.parse(JSON.stringify(article.removed)), article.removed);
  });

  it('outputs only sanitized html: no scripts, forms, inline styles or handlers', () => {
    assert.ok(article);
    assert.doesNotMatch(article.html, /<script|<form|<input|<textarea|<button|<style|\sstyle=|\son\w+=/i);
  });

  it('never changes the page it reads', () => {
    const fresh = sample();
    const before = fresh.serialize();
    const count = fresh.window.document.getElementsByTagName('*').length;
    assert.ok(extract(fresh.window.document));
    assert.equal(fresh.window.document.getElementsByTagName('*').length, count);
    assert.equal(fresh.serialize(), before);
  });

  it('shows why the rules exist: without them the skip link and the offer leak through Readability', () => {
    const bare = extract(sample().window.document, { clutter: false });
    assert.ok(bare);
    assert.deepEqual(bare.removed, []);
    assert.match(bare.text, /Skip to next paragraph/);
    assert.match(bare.text, /Special Offer/);
  });
});

describe('extract on small pages', () => {
  const doc = (html: string) => new JSDOM(html, { url: PAGE_URL }).window.document;

  it('returns null when there is no article', () => {
    assert.equal(extract(doc(page(''))), null);
  });

  it('reads lang and dir from the page', () => {
    const rtl = doc(
      `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>خبر</title></head><body><article><h1>خبر</h1><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`,
    );
    const article = extract(rtl);
    assert.ok(article);
    assert.equal(article.lang, 'ar');
    assert.equal(article.dir, 'rtl');
  });

  it('makes links and images absolute and strips script in the content', () => {
    const article = extract(
      doc(
        page(
          `<article><h1>Headline</h1><p>${PROSE} <a href="/more">More</a> <a href="javascript:alert(1)">click</a></p><p><img src="pic.png" onerror="alert(1)" alt="A picture"> ${PROSE}</p><p>${PROSE}</p></article>`,
        ),
      ),
    );
    assert.ok(article);
    assert.match(article.html, /href="http:\/\/127\.0\.0\.1\/more"/);
    assert.match(article.html, /src="http:\/\/127\.0\.0\.1\/pic\.png"/);
    assert.doesNotMatch(article.html, /javascript:|onerror/i);
  });

  it('needs the window of the page', () => {
    const detached = doc(page(`<p>${PROSE}</p>`)).implementation.createHTMLDocument('x');
    assert.throws(() => extract(detached), /window/);
  });
});

describe('extractContent', () => {
  it('is extract without the markup: the same article, its content as sanitized DOM', () => {
    const fromHtml = extract(new JSDOM(sampleHtml(), { url: SAMPLE_URL }).window.document);
    const dom = extractContent(new JSDOM(sampleHtml(), { url: SAMPLE_URL }).window.document);
    assert.ok(fromHtml && dom);
    const { html, ...rest } = fromHtml;
    assert.deepEqual(dom.article, rest);
    assert.equal(serializeSafe(dom.content), html);
    assert.equal(dom.content.querySelector('script, style, form, [onerror], [style]'), null);
  });

  it('fills the timings it is given, and only then', () => {
    const timings = { clone: 0, rules: 0, readability: 0, sanitize: 0, other: 0 };
    assert.ok(extractContent(new JSDOM(sampleHtml(), { url: SAMPLE_URL }).window.document, { timings }));
    for (const [step, ms] of Object.entries(timings)) assert.ok(ms >= 0, step);
    assert.ok(timings.readability > 0, 'Readability took some time');
  });
});
