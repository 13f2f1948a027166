/**
 * The keyboard shortcut, pressed for real: headed Chromium on an X display (Xvfb when there is
 * none) and xdotool key presses, since Playwright's keyboard never reaches extension commands.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Display, ensureDisplay, focusWindow, hasCommand, pressKeys } from './lib/display';
import { type E2eSession, startSession } from './lib/session';
import { waitForView } from './lib/view';
import { commands } from './lib/worker';

const SHORTCUT = 'Alt+Shift+D';

// Without the tools a developer can still run the rest; CI installs them, so there it must fail.
const missing = [];
for (const bin of ['xdotool', ...(process.env.DISPLAY ? [] : ['Xvfb'])]) {
  if (!(await hasCommand(bin))) missing.push(bin);
}
const skip = missing.length > 0 && !process.env.CI ? `needs ${missing.join(', ')}` : false;

let display: Display | undefined;
let s: E2eSession | undefined;
before(async () => {
  if (skip) return;
  display = await ensureDisplay();
  s = await startSession({ headless: false, display: display.name });
});
after(async () => {
  await s?.close();
  await display?.stop();
});

test(`the real shortcut (${SHORTCUT}, sent with xdotool) toggles the view on and off`, { skip }, async () => {
  assert.ok(s && display);
  const { browser, page } = s;

  const assigned = (await commands(browser)).find((c) => c.name === 'toggle-reader');
  assert.equal(assigned?.shortcut, SHORTCUT, 'commands.getAll() shows the default key assigned');

  await page.goto(s.server.url('/sample-article.html'));
  await focusWindow(display.name, await page.title());
  const keys = SHORTCUT.toLowerCase();
  await pressKeys(display.name, keys);
  await waitForView(page, true);
  await pressKeys(display.name, keys);
  await waitForView(page, false);
});
