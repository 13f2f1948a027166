/**
 * The keyboard shortcut in Firefox, pressed for real: headed Firefox ESR on an X display (Xvfb
 * when there is none) and xdotool key presses, which reach Firefox's own shortcut handling the
 * way a keyboard does. The background script (an event page in Firefox) receives the command.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Display, ensureDisplay, focusWindow, hasCommand, pressKeys } from '../lib/display';
import { type FirefoxSession, startFirefoxSession } from '../lib/firefox-driver';
import { waitForView } from '../scenarios/view-probe';

const SHORTCUT = 'Alt+Shift+D';

declare const browser: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

// Without the tools a developer can still run the rest; CI installs them, so there it must fail.
const missing = [];
for (const bin of ['xdotool', ...(process.env.DISPLAY ? [] : ['Xvfb'])]) {
  if (!(await hasCommand(bin))) missing.push(bin);
}
const skip = missing.length > 0 && !process.env.CI ? `needs ${missing.join(', ')}` : false;

let display: Display | undefined;
let s: FirefoxSession | undefined;
before(async () => {
  if (skip) return;
  display = await ensureDisplay();
  s = await startFirefoxSession({ headless: false, display: display.name });
});
after(async () => {
  await s?.close();
  await display?.stop();
});

test(`firefox: the real shortcut (${SHORTCUT}, sent with xdotool) toggles the view on and off`, {
  skip,
}, async () => {
  assert.ok(s && display);
  const { ff, driver } = s;

  const assigned = await ff.inExtension(async () =>
    (await browser.commands.getAll()).find((c) => c.name === 'toggle-reader'),
  );
  assert.equal(assigned?.shortcut, SHORTCUT, 'commands.getAll() shows the default key assigned');

  await driver.goto(driver.pageUrl('/sample-article.html'));
  await ff.page.bringToFront();
  await focusWindow(display.name, await ff.page.title());
  const keys = SHORTCUT.toLowerCase();
  await pressKeys(display.name, keys);
  await waitForView(driver, true);
  await pressKeys(display.name, keys);
  await waitForView(driver, false);
});
