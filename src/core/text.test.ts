import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMS, page } from './test-doms.ts';
import { blockText, collapse, collapsedLength, preview, visibleText } from './text.ts';

describe('collapse and preview', () => {
  it('collapses whitespace, including no-break spaces', () => {
    assert.equal(collapse('  a \n\t b\u00a0\u00a0c  '), 'a b c');
  });

  it('collapsedLength is the length collapse gives, for every kind of space', () => {
    // Every UTF-16 unit \s matches, plus letters, a surrogate pair, and runs at both ends.
    const spaces = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) =>
      /\s/.test(ch),
    );
    const alphabet = [...spaces, 'a', 'é', '.', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let j = next() % 30; j > 0; j--) text += alphabet[next() % alphabet.length];
      assert.equal(collapsedLength(text), collapse(text).length, JSON.stringify(text));
    }
    assert.equal(collapsedLength(''), 0);
    assert.equal(collapsedLength(' \u3000 '), 0);
  });

  it('cuts at a word boundary with an ellipsis', () => {
    const out = preview('word '.repeat(60), 120);
    assert.ok(out.length <= 120);
    assert.match(out, /word…$/);
    assert.equal(preview('short text'), 'short text');
  });
});

for (const dom of DOMS) {
  describe(`text of a DOM (${dom.name})`, () => {
    const doc = dom.parse(
      page(
        '<div id="t"><h2>Title</h2><p>One <em>two</em>\nthree</p><script>var x = 1;</script><ul><li>a</li><li>b</li></ul></div>',
      ),
    );
    const t = doc.getElementById('t')!;

    it('visibleText keeps words apart at block edges and skips scripts', () => {
      assert.equal(visibleText(t), 'Title One two three a b');
    });

    it('blockText puts a blank line between blocks', () => {
      assert.equal(blockText(t), 'Title\n\nOne two three\n\na\n\nb');
    });
  });
}
