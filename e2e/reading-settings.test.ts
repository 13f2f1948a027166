/**
 * Reading settings in real Chromium: each one changes the open view at once, from the view's own
 * toolbar and from the popup, and is still there after the browser restarts on the same profile;
 * a corrupt storage.sync gives the defaults and the view still opens.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startReading } from './lib/reading-browser';
import { changed, clickInPopup, type TextStyle, textStyle, waitForSync, writeSync } from './lib/reading-view';
import { toggleFromToolbar } from './lib/session';
import { clickToolbar, closePopup } from './lib/toolbar';
import { VIEW_TAG } from './lib/view';

const profiles: string[] = [];
after(async () => {
  for (const dir of profiles) await rm(dir, { recursive: true, force: true });
});

const DEFAULT_STYLE = { fontSize: '20px', lineHeight: '32px', columnWidth: 608, theme: 'auto' };
const SEPIA = 'rgb(245, 237, 219)';
const DARK = 'rgb(26, 27, 30)';

/** Clicks a control of the view by role and name; the page's Playwright locators pierce our open shadow root. */
async function inView(page: Page, role: 'button' | 'radio', name: string): Promise<void> {
  await page.locator(VIEW_TAG).getByRole(role, { name, exact: true }).click();
}

test('each setting changes the open view at once, from the view and the popup, and survives a restart', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'declutter-settings-'));
  profiles.push(profile);
  let s = await startReading({ userDataDir: profile });
  try {
    const { browser } = s;
    const page = browser.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(s.server.url('/sample-article.html'));
    await toggleFromToolbar(browser, page, true);
    let style = await textStyle(page);
    assert.deepEqual(
      {
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        columnWidth: style.columnWidth,
        theme: style.theme,
      },
      DEFAULT_STYLE,
      'the view opens with the default settings',
    );
    assert.match(style.fontFamily, /Charter/, 'serif by default');

    await inView(page, 'button', 'Text & theme');
    const steps: [string, (s: TextStyle) => boolean, () => Promise<void>][] = [
      ['font: Sans', (x) => /system-ui/.test(x.fontFamily), () => inView(page, 'radio', 'Sans')],
      ['size: larger', (x) => x.fontSize === '22px', () => inView(page, 'button', 'Larger text')],
      ['width: wider', (x) => x.columnWidth === 672, () => inView(page, 'button', 'Wider lines')],
      [
        'line spacing: more',
        (x) => x.lineHeight === '37.4px',
        () => inView(page, 'button', 'More line spacing'),
      ],
      [
        'theme: sepia',
        (x) => x.background === SEPIA && x.theme === 'sepia',
        () => inView(page, 'radio', 'Sepia'),
      ],
    ];
    for (const [what, ok, act] of steps) {
      await act();
      style = await changed(() => textStyle(page), style);
      assert.ok(ok(style), `${what} shows in the open view at once: ${JSON.stringify(style)}`);
    }

    // The popup's controls write storage.sync; the open view follows through storage.onChanged.
    const popup = await clickToolbar(browser, page);
    await clickInPopup(popup, '#settings summary');
    await clickInPopup(popup, 'label[data-value="dark"]');
    style = await changed(() => textStyle(page), style);
    assert.equal(style.background, DARK, 'theme set in the popup: the open view turns dark at once');
    await clickInPopup(popup, 'button[aria-label="Larger text"]');
    style = await changed(() => textStyle(page), style);
    assert.equal(style.fontSize, '24px', 'size set in the popup: the open view grows at once');
    await closePopup(browser, popup);

    const stored = await waitForSync(browser, (v) => v.theme === 'dark' && v.fontSize === 24);
    assert.deepEqual(
      [stored.font, stored.fontSize, stored.width, stored.lineHeight, stored.theme],
      ['sans', 24, 42, 1.7, 'dark'],
      'everything is in storage.sync',
    );
  } finally {
    await s.close();
  }

  s = await startReading({ userDataDir: profile });
  try {
    const { browser } = s;
    await browser.page.goto(s.server.url('/sample-article.html'));
    await toggleFromToolbar(browser, browser.page, true);
    const style = await textStyle(browser.page);
    assert.match(style.fontFamily, /system-ui/, 'after a restart: sans');
    assert.deepEqual(
      [style.fontSize, style.columnWidth, style.lineHeight, style.theme, style.background],
      ['24px', 672, '40.8px', 'dark', DARK],
      'after a restart: size, width, spacing and theme as chosen',
    );
  } finally {
    await s.close();
  }
});

test('corrupt values in storage.sync fall back to the defaults, silently, and the view opens', async () => {
  const s = await startReading();
  try {
    const { browser } = s;
    const page = browser.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await writeSync(browser, {
      version: 'banana',
      font: 'comic-sans',
      fontSize: '9000px',
      width: -3,
      lineHeight: null,
      theme: 42,
      neverHide: ['not', 'a', 'map'],
    });
    await page.goto(s.server.url('/sample-article.html'));
    await toggleFromToolbar(browser, page, true);
    const style = await textStyle(page);
    assert.match(style.fontFamily, /Charter/);
    assert.deepEqual(
      {
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        columnWidth: style.columnWidth,
        theme: style.theme,
      },
      DEFAULT_STYLE,
    );
    assert.equal(await page.locator('declutter-notice').count(), 0, 'no error notice');
    const popup = await clickToolbar(browser, page);
    const checked = await popup.waitFor(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type=radio]:checked')]
        .map((r) => r.value)
        .join(),
    );
    assert.equal(checked, 'serif,auto', 'the popup shows the defaults too');
    await closePopup(browser, popup);
  } finally {
    await s.close();
  }
});
