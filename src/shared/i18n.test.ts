/**
 * The locales: every language has every message with the same placeholders, and every key the
 * code asks for exists (a missing one would show as its raw key).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUTTER_RULES } from '../core/clutter-rules';
import { FONTS, THEMES } from './settings';

const SRC = new URL('..', import.meta.url).pathname;
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales = Object.fromEntries(
  readdirSync(join(SRC, '_locales')).map((l) => [
    l,
    JSON.parse(readFileSync(join(SRC, '_locales', l, 'messages.json'), 'utf8')) as Messages,
  ]),
);
const en = locales.en as Messages;

test('the UI speaks at least English, German, French, Spanish and Arabic', () => {
  for (const l of ['en', 'de', 'fr', 'es', 'ar']) assert.ok(locales[l], `_locales/${l}`);
});

test('every locale has exactly the English keys, placeholders and $NAMES$', () => {
  for (const [l, messages] of Object.entries(locales)) {
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), `${l}: same keys`);
    for (const [key, { message, placeholders }] of Object.entries(en)) {
      const other = messages[key];
      assert.deepEqual(other?.placeholders, placeholders, `${l}.${key}: same placeholders`);
      const names = (m: string) => (m.match(/\$[A-Z_]+\$/g) ?? []).sort();
      assert.deepEqual(names(other?.message ?? ''), names(message), `${l}.${key}: uses its placeholders`);
      assert.ok(other?.message.trim(), `${l}.${key}: not empty`);
    }
  }
});

test('each locale names its own language and direction (the UI is mirrored from these)', () => {
  for (const [l, messages] of Object.entries(locales)) {
    assert.equal(messages.uiLang?.message, l);
    assert.equal(messages.uiDir?.message, l === 'ar' ? 'rtl' : 'ltr');
  }
});

/** Every .ts file under `dir`, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );
}

test('every message the code asks for exists', () => {
  const code = ['content', 'popup', 'shared', 'background'].flatMap((d) => sources(join(SRC, d))).join('\n');
  const html = readFileSync(join(SRC, 'popup', 'popup.html'), 'utf8');
  const literal = [
    ...code.matchAll(/\bt\('([A-Za-z_]+)'/g),
    ...html.matchAll(/data-i18n="([A-Za-z_]+)"/g),
  ].map((m) => m[1]);
  const built = [
    ...FONTS.map((f) => `font_${f}`),
    ...THEMES.map((t) => `theme_${t}`),
    ...['setSize', 'setWidth', 'setLineHeight'].flatMap((k) => [k, `${k}Up`, `${k}Down`]),
    ...CLUTTER_RULES.map((r) => `group_${r.group.replace(/\W/g, '_')}`),
  ];
  const missing = [...new Set([...literal, ...built])].filter((k) => k && !(k in en));
  assert.deepEqual(missing, []);
  assert.ok(literal.length > 20, `found the keys in the code (${literal.length})`);
});
