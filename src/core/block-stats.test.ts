/**
 * block-stats builds each block's collapsed text piece by piece (no regex per block). These tests
 * hold it to the plain definition, collapse() of the block's visible text with a space at every
 * block boundary, on tricky whitespace and on the whole sample page, under jsdom and linkedom.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageUrlOf, statsCache } from './block-stats.ts';
import { DOMS, page, SAMPLE_URL, sampleHtml } from './test-doms.ts';
import { BLOCK_TAGS, collapse, INVISIBLE_TAGS, isElement, isText, tagOf } from './text.ts';

/** The reference: raw visible text, blocks padded with spaces, links left out when `plain`. */
function rawText(node: Node, plain: boolean): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (isText(child)) out += plain ? ` ${child.nodeValue ?? ''}` : (child.nodeValue ?? '');
    else if (isElement(child)) {
      const tag = tagOf(child);
      if (INVISIBLE_TAGS.has(tag)) continue;
      const inner = plain && tag === 'A' && child.hasAttribute('href') ? '' : rawText(child, plain);
      out += BLOCK_TAGS.has(tag) ? ` ${inner} ` : inner;
    }
  }
  return out;
}

const TRICKY = page(`
<div id="a">  Leading <b>bold</b>trailing\u00a0 nbsp <i> spaced </i> end  </div>
<div id="b"><span></span><span> </span>word<span>glued</span> <em></em> next</div>
<div id="c"><p>one</p><p>two</p>three<a href="/x">link</a>four <a href="/y"> spaced link </a>.</div>
<div id="d">before<script>ignored()</script><style>.x{}</style>after\t\n<br>line<br/>end</div>
<div id="e"><a href="/z"><svg><title>Icon title</title></svg></a><a href="#top">Back\u2003to top</a></div>
<ul id="f"><li> a </li><li>b<ul><li>  c  </li></ul></li></ul>
`);

function checkAll(doc: Document): number {
  const stats = statsCache(pageUrlOf(doc));
  let checked = 0;
  for (const el of doc.body.querySelectorAll('*')) {
    if (INVISIBLE_TAGS.has(tagOf(el)) || el.closest('script,style,noscript,template,svg')) continue;
    const s = stats(el);
    const isLink = tagOf(el) === 'A' && el.hasAttribute('href');
    assert.equal(s.text, collapse(rawText(el, false)), `text of <${el.tagName}> ${el.id}`);
    assert.equal(s.plainText, isLink ? '' : collapse(rawText(el, true)), `plain text of <${el.tagName}>`);
    checked++;
  }
  return checked;
}

for (const dom of DOMS) {
  describe(`block-stats text (${dom.name})`, () => {
    it('equals collapse() of the visible text on tricky whitespace, links and invisible children', () => {
      const doc = dom.parse(TRICKY);
      assert.ok(checkAll(doc) > 20);
      const stats = statsCache(pageUrlOf(doc));
      const a = doc.getElementById('a') as Element;
      assert.equal(stats(a).text, 'Leading boldtrailing nbsp spaced end');
      const c = doc.getElementById('c') as Element;
      assert.equal(stats(c).text, 'one two threelinkfour spaced link .');
      assert.equal(stats(c).plainText, 'one two three four .');
    });

    it('equals collapse() of the visible text for every element of the sample page', () => {
      assert.ok(checkAll(dom.parse(sampleHtml(), SAMPLE_URL)) > 100);
    });

    it('gives a link its visible text only, and tells in-page links from others', () => {
      const doc = dom.parse(TRICKY, SAMPLE_URL);
      const stats = statsCache(pageUrlOf(doc));
      const links = stats(doc.getElementById('e') as Element).links;
      assert.deepEqual(
        links.map((l) => [l.text, l.inPage]),
        [
          ['', false],
          ['Back to top', true],
        ],
      );
    });
  });
}
