import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, normalize } from './settings';

test('empty or corrupt storage gives the defaults', () => {
  assert.deepEqual(normalize(undefined), DEFAULTS);
  assert.deepEqual(normalize('garbage'), DEFAULTS);
  assert.deepEqual(
    normalize({ fontSize: 'huge', theme: 'neon', width: Number.NaN, neverHide: [1] }),
    DEFAULTS,
  );
});

test('valid values are kept, out-of-range ones fall back one by one', () => {
  const s = normalize({ version: 1, font: 'sans', fontSize: 24, lineHeight: 9, theme: 'sepia' });
  assert.equal(s.font, 'sans');
  assert.equal(s.fontSize, 24);
  assert.equal(s.lineHeight, DEFAULTS.lineHeight);
  assert.equal(s.theme, 'sepia');
});

test('v0 font size strings are migrated', () => {
  assert.equal(normalize({ fontSize: '22px' }).fontSize, 22);
});

test('per-site never-hide lists survive only when well formed', () => {
  assert.deepEqual(normalize({ version: 1, neverHide: { 'a.test': ['social-links'] } }).neverHide, {
    'a.test': ['social-links'],
  });
  assert.deepEqual(normalize({ version: 1, neverHide: { 'a.test': 'social' } }).neverHide, {});
});
