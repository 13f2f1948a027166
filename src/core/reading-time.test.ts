import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readingMinutes } from './reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 7}`).join(' ');

describe('readingMinutes', () => {
  it('is at least one minute', () => {
    assert.equal(readingMinutes(''), 1);
    assert.equal(readingMinutes('Short.'), 1);
  });

  it('counts words at about 230 a minute', () => {
    assert.equal(readingMinutes(words(230)), 1);
    assert.equal(readingMinutes(words(2300)), 10);
    assert.equal(readingMinutes(words(920)), 4);
  });

  it("counts contractions and hyphenated words once: it's, kelp-and-carrot", () => {
    assert.equal(readingMinutes(`${"it's kelp-and-carrot ".repeat(230)}`), 2);
  });

  it('counts Chinese and Japanese by characters, at about 500 a minute', () => {
    assert.equal(readingMinutes('海'.repeat(5000)), 10);
    assert.equal(readingMinutes('かな'.repeat(1000)), 4);
  });

  it('adds mixed scripts together', () => {
    assert.equal(readingMinutes(`${words(1150)} ${'字'.repeat(2500)}`), 10);
  });
});
