import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownText } from './markdown-text.ts';
import { tokenize } from './score.ts';

test('markdownText drops the metadata preamble, URLs and tags, and keeps the words', () => {
  const md =
    '```json\n{\n  "title": "Post",\n  "author": "Jane"\n}\n```\n\nFirst [kelp farms](https://example.com/kelp) grow. ![A dredge](/img/d.jpg)\n\n<sup>1</sup> See https://example.org/x\n\n## Background';
  assert.deepEqual(tokenize(markdownText(md)), [
    'first',
    'kelp',
    'farms',
    'grow',
    'a',
    'dredge',
    '1',
    'see',
    'background',
  ]);
});
