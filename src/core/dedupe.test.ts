/** dedupe: later word-for-word copies of a block go, the first stays. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRepeats, removeRepeats } from './dedupe.ts';
import { DOMS, flat, PROSE, page } from './test-doms.ts';

for (const dom of DOMS) {
  const root = (html: string): Element =>
    dom.parse(page(`<div id="root">${html}</div>`)).getElementById('root')!;

  describe(`removeRepeats (${dom.name})`, () => {
    it('removes the second copy of a paragraph and keeps the first in place', () => {
      const r = root(
        `<h2>Costs</h2><p>${PROSE}</p><div class="m"><p>${PROSE}</p></div><p>The end of it, for now.</p>`,
      );
      const removed = removeRepeats(r);
      assert.equal(removed.length, 1);
      assert.equal(removed[0]?.rule, 'repeated-block');
      assert.equal(flat(r.textContent), flat(`Costs${PROSE}The end of it, for now.`));
    });

    it('keeps a repeat beside the first copy: a refrain, a filler page (readability test pages)', () => {
      const r = root(`<div><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`);
      assert.deepEqual(findRepeats(r), []);
    });

    it('keeps short lines and headings that repeat by design, and blocks that only share words (wcxb 0051)', () => {
      const q = '<h3>How could an event planner bring this trend into future events?</h3>';
      const r = root(
        `<p>Learn more</p>${q}<p>${PROSE}</p><p>Learn more</p>${q}<p>${PROSE.replace('Tuesday', 'Friday')}</p>`,
      );
      assert.deepEqual(findRepeats(r), []);
    });
  });
}
