/** dedupe: later word-for-word copies of a run of blocks go, the first stays. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRepeats, removeRepeats } from './dedupe.ts';
import { DOMS, flat, PROSE, page } from './test-doms.ts';

const SECOND = 'And a second paragraph that the page prints twice as well.';

for (const dom of DOMS) {
  const root = (html: string): Element =>
    dom.parse(page(`<div id="root">${html}</div>`)).getElementById('root')!;

  describe(`removeRepeats (${dom.name})`, () => {
    it('removes a second copy of a run of paragraphs and keeps the first in place', () => {
      const two = `<p>${PROSE}</p><p>${SECOND}</p>`;
      const r = root(
        `<h2>Costs</h2><div>${two}</div><div class="m">${two}</div><p>The end of it, for now.</p>`,
      );
      const removed = removeRepeats(r);
      assert.equal(removed.length, 2);
      assert.equal(removed[0]?.rule, 'repeated-block');
      assert.equal(flat(r.textContent), flat(`Costs${PROSE}${SECOND}The end of it, for now.`));
    });

    it('keeps one paragraph taken up again in a later section (readability basic-tags-cleaning)', () => {
      const r = root(
        `<div><p>${PROSE}</p><p>${SECOND}</p></div><h2>Foo</h2><div><p>Another section, and then it says:</p><p>${PROSE}</p></div>`,
      );
      assert.deepEqual(findRepeats(r), []);
    });

    it('keeps a repeat beside the first copy: a refrain, a filler page (readability test pages)', () => {
      const r = root(`<div><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`);
      assert.deepEqual(findRepeats(r), []);
    });

    it('keeps short lines and headings that repeat by design, and blocks that only share words (wcxb 0051)', () => {
      const q = '<h3>How could an event planner bring this trend into future events?</h3>';
      const r = root(
        `<p>Learn more</p>${q}<div><p>${PROSE}</p></div><p>Learn more</p>${q}<div><p>${PROSE.replace('Tuesday', 'Friday')}</p></div>`,
      );
      assert.deepEqual(findRepeats(r), []);
    });
  });
}
