/**
 * The reading view from the keyboard alone, for real: headed Chromium on an X display and
 * xdotool key presses (Playwright's keyboard never reaches the extension's shortcut). Open with
 * the shortcut, Tab through every control (and only the view's), + for a larger text, Esc to
 * close, and the keyboard is back on the page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Display, ensureDisplay, focusWindow, hasCommand, pressKeys } from './lib/display';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { typeText } from './lib/reading-keys';
import { textStyle } from './lib/reading-view';
import { VIEW_TAG, waitForView } from './lib/view';

const missing = [];
for (const bin of ['xdotool', ...(process.env.DISPLAY ? [] : ['Xvfb'])]) {
  if (!(await hasCommand(bin))) missing.push(bin);
}
const skip = missing.length > 0 && !process.env.CI ? `needs ${missing.join(', ')}` : false;

let display: Display | undefined;
let s: ReadingSession | undefined;
before(async () => {
  if (skip) return;
  display = await ensureDisplay();
  s = await startReading({ headless: false, env: { DISPLAY: display.name } });
});
after(async () => {
  await s?.close();
  await display?.stop();
});

interface Focus {
  /** document.activeElement is our host: focus is inside the view. */
  inView: boolean;
  /** The focused element in the view: "button Text & theme", "radio Serif", "a …". */
  what: string;
}

function focus(page: Page): Promise<Focus> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const el = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const control = el?.matches('a, button, input');
    const name = control
      ? el?.getAttribute('aria-label') || el?.closest('label')?.textContent || el?.textContent || ''
      : '';
    const kind =
      el instanceof HTMLInputElement ? el.type : (el?.getAttribute('role') ?? el?.tagName.toLowerCase());
    return { inView: document.activeElement === host, what: `${kind ?? 'none'} ${name.trim()}`.trim() };
  }, VIEW_TAG);
}

/** What Tab should reach, in order: every visible button, input (checked radio only) and link. */
function tabbables(page: Page): Promise<string[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('a[href], button, input') ?? [])]
      .filter((el) => el.checkVisibility() && !(el instanceof HTMLInputElement && !el.checked))
      .map((el) => {
        const name =
          el.getAttribute('aria-label') || el.closest('label')?.textContent || el.textContent || '';
        const kind = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
        return `${kind} ${name.trim()}`;
      });
  }, VIEW_TAG);
}

async function tabThrough(page: Page, count: number, keys = 'Tab'): Promise<Focus[]> {
  const seen: Focus[] = [];
  for (let i = 0; i < count; i++) {
    await pressKeys((display as Display).name, keys);
    seen.push(await focus(page));
  }
  return seen;
}

test('keyboard only: shortcut opens, Tab cycles the view, + enlarges, Esc closes, the page has the keys back', {
  skip,
}, async () => {
  assert.ok(s && display);
  const page = s.browser.page;
  // Loaded the keyboard way, through the address bar: the keyboard is then in the page, as it is
  // for someone reading it (a page loaded over CDP leaves it in the address bar).
  await page.goto('about:blank');
  await focusWindow(display.name, 'about:blank');
  await pressKeys(display.name, 'ctrl+l');
  await typeText(display.name, s.server.url('/sample-article.html'));
  const loaded = page.waitForURL(/sample-article/);
  await pressKeys(display.name, 'Return');
  await loaded;
  await page.waitForLoadState('load');
  await pressKeys(display.name, 'alt+shift+d');
  await waitForView(page, true);
  assert.deepEqual(
    await focus(page),
    { inView: true, what: 'dialog' },
    'opening moves focus into the view (its dialog)',
  );

  const expected = await tabbables(page);
  const toolbar = ['button Text & theme', 'button What was hidden (11)', 'button Close reading view (Esc)'];
  assert.deepEqual(
    toolbar.filter((c) => !expected.includes(c)),
    [],
    `the toolbar's controls are all there: ${expected.join(' | ')}`,
  );
  const cycle = await tabThrough(page, expected.length + 1);
  assert.ok(
    cycle.every((f) => f.inView),
    'focus never leaves the view',
  );
  assert.deepEqual(
    cycle.map((f) => f.what),
    [...expected, expected[0]],
    'Tab walks the toolbar and links in order, then wraps to the first control',
  );
  assert.deepEqual(
    (await tabThrough(page, 1, 'shift+Tab')).map((f) => f.what),
    [expected.at(-1)],
    'Shift+Tab from the first control wraps to the last',
  );

  // Back to the first control, open its panel with Enter: Tab now walks the settings too.
  await tabThrough(page, 1);
  await pressKeys(display.name, 'Return');
  // The first opening loads the panel (view-extras.js): Tab on once it shows, as a person would.
  await page.locator(VIEW_TAG).locator('button[aria-expanded="true"]', { hasText: 'Text & theme' }).waitFor();
  const panel = (await tabThrough(page, 9)).map((f) => f.what);
  assert.deepEqual(
    panel,
    [
      'radio Serif',
      'button Smaller text',
      'button Larger text',
      'button Narrower lines',
      'button Wider lines',
      'button Less line spacing',
      'button More line spacing',
      'radio Auto',
      'button What was hidden (11)',
    ],
    'the settings panel is reachable by Tab, between its button and the next',
  );
  await pressKeys(display.name, 'Escape');
  assert.equal(
    (await focus(page)).what,
    'button Text & theme',
    'Esc closes the panel first, focus back on its button',
  );
  assert.equal((await textStyle(page)).fontSize, '20px');

  await pressKeys(display.name, 'plus');
  assert.equal((await textStyle(page)).fontSize, '22px', '+ makes the text larger');
  await pressKeys(display.name, 'minus');
  await pressKeys(display.name, 'plus');
  assert.equal((await textStyle(page)).fontSize, '22px', '- and + step back and forth');

  await pressKeys(display.name, 'Escape');
  await waitForView(page, false);
  const back = await page.evaluate(() => ({
    focused: document.hasFocus(),
    active: document.activeElement?.tagName,
    scrollY: window.scrollY,
  }));
  assert.deepEqual(back, { focused: true, active: 'BODY', scrollY: 0 }, 'focus is back on the page');
  await pressKeys(display.name, 'Next');
  await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 5000 });
});
