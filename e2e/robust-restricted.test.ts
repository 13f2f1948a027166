/**
 * Where Declutter cannot run: browser pages (chrome://, about:), the PDF viewer, view-source:,
 * file:// without file access, data: URLs and the browser's error page (the extension stores
 * can't be reached offline, and Chromium replaces the tab of a store URL: the unit test below
 * covers them).
 * On each, the popup says so in a sentence (no dead buttons), the real shortcut (xdotool) does
 * nothing harmful, and nothing from the extension errors in the worker or the page. Afterwards
 * the shortcut still works on an ordinary page.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HeadedSession, keysUnavailable, startHeadedSession } from './lib/hostile-keys';
import { closedPortUrl } from './lib/hostile-server';
import { extensionsPage, pageHealth, popupSays, setFileAccess } from './lib/hostile-session';
import { waitForView } from './lib/view';

test('isRestrictedUrl: browser pages, stores, view-source: and data: are refused up front; the rest is tried', async () => {
  // The polyfill tab.ts imports refuses to load outside an extension; this is all it checks.
  (globalThis as { chrome?: unknown }).chrome ??= { runtime: { id: 'unit-test' } };
  const { isRestrictedUrl } = await import('../src/shared/tab.ts');
  const refused = [
    'chrome://version/',
    'chrome://extensions/shortcuts',
    'about:blank',
    'about:addons',
    'edge://settings',
    'view-source:https://example.com/',
    'data:text/html,<p>hi</p>',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'moz-extension://0b9e4b0a-1234/popup.html',
    'devtools://devtools/bundled/inspector.html',
    'https://chromewebstore.google.com/detail/some-extension/abc',
    'https://chrome.google.com/webstore/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/addon/x/',
    'https://microsoftedge.microsoft.com/addons/detail/x',
  ];
  const tried = [
    'https://example.com/news/story.html',
    'http://127.0.0.1:8080/',
    'file:///home/me/article.html', // executeScript decides (file access is a setting)
    'https://chromewebstore.google.com.example.net/', // look-alike host: an ordinary site
    'https://example.com/?next=chrome://version',
    undefined, // unknown URL (no grant yet): try, and let the browser say no
  ];
  for (const url of refused) assert.equal(isRestrictedUrl(url), true, `refused: ${url}`);
  for (const url of tried) assert.equal(isRestrictedUrl(url), false, `tried: ${url}`);
});

const skip = await keysUnavailable();
let s: HeadedSession | undefined;
let extensions: Page | undefined;
let localFile = '';

before(async () => {
  if (skip) return;
  s = await startHeadedSession();
  extensions = await extensionsPage(s.browser);
  localFile = join(tmpdir(), `declutter-local-${process.pid}.html`);
  await writeFile(
    localFile,
    '<!DOCTYPE html><title>Local notes</title><article><p>A page saved to disk.</p></article>',
  );
});
after(async () => {
  await s?.close();
});

const CANT_RUN = /can.t run on this page/i;
/** One sentence covers the pages the popup can't tell apart (it sees no URL for either): files too. */
const NAMES_FILES = /files on your computer/i;

interface Case {
  name: string;
  url(h: HeadedSession): Promise<string> | string;
  /** Set up the browser before navigating. */
  prepare?(h: HeadedSession, page: Page): Promise<void>;
}

const CASES: Case[] = [
  { name: 'a browser page (chrome://version)', url: () => 'chrome://version/' },
  { name: 'about:blank', url: () => 'about:blank' },
  { name: 'the PDF viewer', url: (h) => h.server.url('/gen/tiny.pdf') },
  { name: 'view-source:', url: (h) => `view-source:${h.server.url('/sample-article.html')}` },
  {
    name: 'a file:// page without file access',
    url: () => `file://${localFile}`,
    prepare: async (h) => {
      assert.ok(extensions);
      await setFileAccess(h.browser, extensions, false);
    },
  },
  { name: 'a data: URL', url: () => 'data:text/html,<title>data</title><p>A page made of a URL.</p>' },
  { name: "the browser's error page (nothing listening)", url: () => closedPortUrl() },
];

for (const c of CASES) {
  test(`${c.name}: the popup says it can't run here; the shortcut does nothing harmful`, {
    skip,
  }, async () => {
    assert.ok(s);
    const { page, browser } = s;
    s.errors.clear();
    await c.prepare?.(s, page);
    const url = await c.url(s);
    await page.goto(url).catch(() => {}); // error pages and the PDF viewer don't "load" like a page
    await page.waitForTimeout(300);

    const popup = await popupSays(browser, page);
    assert.match(popup.message ?? '', CANT_RUN, 'the popup says so in a sentence');
    assert.match(popup.message ?? '', NAMES_FILES, 'and how to allow local files');
    assert.equal(popup.readText, null, 'no reading-view button');
    assert.equal(popup.switchShown, false, 'no clutter switch');

    await s.press(page);
    await page.waitForTimeout(600);
    const health = await pageHealth(page).catch(() => null); // not every such page can be read by a test
    if (health)
      assert.deepEqual(
        [health.views, health.notices, health.pageHidden],
        [0, 0, false],
        'nothing in the page',
      );
    assert.equal(describe(s.errors.ours()), '', 'no error from the extension in the worker or the page');
  });
}

test('after all that, the shortcut still works on an ordinary page', { skip }, async () => {
  assert.ok(s);
  const { page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  await s.press(page);
  await waitForView(page, true);
  await s.press(page);
  await waitForView(page, false);
  assert.equal(describe(s.errors.ours()), '');
});
