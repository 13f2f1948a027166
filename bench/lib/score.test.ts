import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countTokens,
  median,
  missingTokens,
  normalizeForMatch,
  overlap,
  quantile,
  snippetRate,
  tokenize,
  tokenRecall,
  wordPrf,
} from './score.ts';

test('tokenize lower-cases \\w+ words in any script and drops punctuation', () => {
  assert.deepEqual(tokenize("Don't  PANIC — it's 42_b!"), ['don', 't', 'panic', 'it', 's', '42_b']);
  assert.deepEqual(tokenize('Ünïcode Привет 東京'), ['ünïcode', 'привет', '東京']);
  assert.deepEqual(tokenize(' \n\t'), []);
});

test('overlap counts the multiset intersection', () => {
  const a = countTokens(['a', 'a', 'a', 'b']);
  const b = countTokens(['a', 'b', 'b', 'c']);
  assert.equal(overlap(a, b), 2);
  assert.equal(overlap(b, a), 2);
});

test('wordPrf: precision over output tokens, recall over reference tokens', () => {
  // output: the cat sat the (4 tokens); reference: the cat sat on the mat (6 tokens)
  const { precision, recall, f1 } = wordPrf('The cat sat, the', 'the cat sat on the mat');
  assert.equal(precision, 1);
  assert.equal(recall, 4 / 6);
  assert.ok(Math.abs(f1 - (2 * (4 / 6)) / (1 + 4 / 6)) < 1e-12);
  const leaky = wordPrf('the cat sat on the mat subscribe now', 'the cat sat on the mat');
  assert.equal(leaky.recall, 1);
  assert.equal(leaky.precision, 6 / 8);
});

test('wordPrf follows evaluate.py on empty inputs', () => {
  assert.deepEqual(wordPrf('', ''), { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(wordPrf('something', ''), { precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(wordPrf('', 'reference text'), { precision: 0, recall: 0, f1: 0 });
});

test('snippetRate is case-insensitive and collapses whitespace; no snippets counts as 1', () => {
  const text = 'Intro\n\n  Protein continues to\tdominate.\nSubscribe';
  assert.equal(snippetRate(text, ['protein CONTINUES to dominate', 'not here']), 0.5);
  assert.equal(snippetRate(text, ['subscribe']), 1);
  assert.equal(snippetRate(text, []), 1);
  assert.equal(normalizeForMatch('  A \n B '), 'a b');
});

test('tokenRecall and missingTokens show what the output lost', () => {
  assert.equal(tokenRecall('alpha beta', 'alpha beta gamma gamma'), 0.5);
  assert.equal(tokenRecall('anything', ''), 1);
  assert.deepEqual(missingTokens('alpha beta', 'alpha beta gamma gamma delta'), ['gamma', 'delta']);
});

test('median and quantile interpolate', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(quantile([0, 10], 0.95), 9.5);
  assert.ok(Number.isNaN(median([])));
});
