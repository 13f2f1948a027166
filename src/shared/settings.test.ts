import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, LIMITS, neverHideOn, normalize, stepped, withNeverHide } from './settings';

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

test('one bad site entry loses only itself', () => {
  const s = normalize({
    version: 1,
    neverHide: { 'a.test': ['ads', 'ads'], 'b.test': 'social', 'c.test': [] },
  });
  assert.deepEqual(s.neverHide, { 'a.test': ['ads'] });
  assert.deepEqual(normalize({ version: 1, neverHide: ['a.test'] }).neverHide, {});
});

test('an unknown schema version or a non-object is no reason to fail', () => {
  assert.deepEqual(normalize([1, 2]), DEFAULTS);
  assert.equal(normalize({ version: 'x', fontSize: 30 }).fontSize, 30);
  assert.equal(normalize({ version: 99, theme: 'dark' }).theme, 'dark');
});

test('a step stays inside the limits and free of float noise', () => {
  const s = normalize({ version: 1, lineHeight: 1.6, fontSize: 40 });
  assert.equal(stepped(s, 'lineHeight', 1), 1.7);
  assert.equal(stepped(normalize({ version: 1, lineHeight: 2.2 }), 'lineHeight', 1), LIMITS.lineHeight.max);
  assert.equal(stepped(s, 'fontSize', 1), LIMITS.fontSize.max, 'no step past the largest size');
  assert.equal(stepped(normalize({ version: 1, fontSize: 12 }), 'fontSize', -1), LIMITS.fontSize.min);
  assert.equal(stepped(DEFAULTS, 'width', -1), DEFAULTS.width - LIMITS.width.step);
});

test('never-hide choices are added and removed per site; a site left with none is dropped', () => {
  let s = structuredClone(DEFAULTS);
  s = { ...s, neverHide: withNeverHide(s, 'a.test', 'ads', true) };
  s = { ...s, neverHide: withNeverHide(s, 'a.test', 'social-links', true) };
  s = { ...s, neverHide: withNeverHide(s, 'b.test', 'ads', true) };
  assert.deepEqual(neverHideOn(s, 'a.test'), ['ads', 'social-links']);
  s = { ...s, neverHide: withNeverHide(s, 'a.test', 'ads', false) };
  s = { ...s, neverHide: withNeverHide(s, 'a.test', 'social-links', false) };
  assert.deepEqual(s.neverHide, { 'b.test': ['ads'] });
  assert.deepEqual(neverHideOn(s, 'c.test'), []);
});
