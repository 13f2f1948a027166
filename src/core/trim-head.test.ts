/** trim-head: menus, date lines and disclosures above the story's first paragraph. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMS, flat, PROSE, page } from './test-doms.ts';
import { findHead, trimHead } from './trim-head.ts';

const ARTICLE = `<p>${PROSE}</p><p>${PROSE}</p>`;
const MENU =
  '<ul><li><a href="/a">About</a></li><li><a href="/b">Blog</a></li><li><a href="/c">Contact</a></li></ul>';

for (const dom of DOMS) {
  const root = (html: string): Element =>
    dom.parse(page(`<div id="root">${html}</div>`)).getElementById('root')!;

  describe(`findHead (${dom.name})`, () => {
    it('takes a menu list, a date line, a reading time and a disclosure above the first paragraph', () => {
      const r = root(
        `<h1>Harbor moorings</h1>${MENU}<p>Published June 23, 2025 10:39AM</p><p>7 min read</p>` +
          '<p>Products are chosen independently by our editors. Purchases made through our links may earn us a commission.</p>' +
          ARTICLE,
      );
      assert.deepEqual(
        findHead(r).map((h) => h.reason),
        ['menu', 'date', 'date', 'disclosure'],
      );
      trimHead(r);
      assert.equal(flat(r.textContent), flat(`Harbor moorings${PROSE}${PROSE}`));
    });

    it('takes a disclosure long enough to pass for a paragraph, not a paragraph about affiliate marketing (wcxb 0500)', () => {
      const note =
        '<p>Editorial Note: Talk Android may contain affiliate links on some articles. If you make a purchase through these links, we will earn a commission at no extra cost to you.</p>';
      const about =
        '<p>Affiliate marketing pays a creator a commission for each sale made through their links; you earn a commission only when a reader buys, which is why so many blogs now carry such links.</p>';
      const r = root(`<h1>Smart lamps</h1>${note}${about}${ARTICLE}`);
      assert.deepEqual(
        findHead(r).map((h) => h.reason),
        ['disclosure'],
      );
    });

    it('keeps the title, a dek, a heading with a date and a line that introduces what follows', () => {
      const r = root(
        '<h1>Harbor moorings</h1><p>The committee votes on the outer channel survey.</p><h2>March 11, 2019</h2>' +
          '<p>Posted on the harbor forum on 2025-07-09:</p>' +
          ARTICLE,
      );
      assert.deepEqual(findHead(r), []);
    });

    it('never looks below the first paragraph: a list of links or a date inside the story stays', () => {
      const r = root(`${ARTICLE}${MENU}<p>June 9, 2025</p><p>${PROSE}</p>`);
      assert.deepEqual(findHead(r), []);
    });

    it('trims nothing on a page without a story paragraph', () => {
      assert.deepEqual(findHead(root(`${MENU}<p>June 9, 2025</p>`)), []);
    });
  });
}
