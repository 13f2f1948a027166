/**
 * Robustness of in-place hiding in Firefox ESR (the Chromium side is e2e/robust-rebuild.test.ts
 * and e2e/robust-restart.test.ts):
 * - a page that keeps rebuilding its clutter (e2e/pages/spa-clutter.html): while the switch is
 *   on, every new clutter block is hidden too and the popup's count stays right; off stops it;
 * - the extension is reloaded while clutter is hidden and a view is open. Firefox stops the
 *   orphaned content script outright (no timer or observer of it runs again), so it can't clean
 *   up by itself as it does in Chromium: the next toolbar click brings in the new script, which
 *   must give the page back exactly as it was before anything of ours touched it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ChromeScope, FirefoxWithExtension } from '../lib/firefox-browser';
import { type FirefoxSession, startFirefoxSession, toggleFromToolbar } from '../lib/firefox-driver';
import { clickToolbar, closePopup, popupClick, popupState } from '../lib/firefox-popup';
import { visibility } from '../scenarios/clutter-visibility';
import { CLUTTER } from '../scenarios/sample-article';

let s: FirefoxSession;
before(async () => {
  s = await startFirefoxSession();
});
after(async () => {
  await s?.close();
});

interface Rebuild {
  generation: number;
  pause(): void;
  resume(): void;
  offer(): void;
}
/** The page's handle, as seen from a serialized evaluate: `(window as unknown as Paged).rebuild`. */
type Paged = { rebuild: Rebuild };

/** Flips the popup's clutter switch; returns the count it shows once on ('-' once off). */
async function flipSwitch(ff: FirefoxWithExtension, on: boolean): Promise<string> {
  await clickToolbar(ff, ff.page);
  await popupState(ff);
  await popupClick(ff, 'hide-clutter');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const said = await ff.inPopup((doc, want) => {
      const checked = (doc.getElementById('hide-clutter') as HTMLInputElement).checked;
      const count = doc.getElementById('hidden-count')?.textContent ?? '';
      if (checked !== want) return null;
      return want ? (/\d/.test(count) ? count : null) : '-';
    }, on);
    if (said) {
      await closePopup(ff);
      return said;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for the switch to turn ${on ? 'on' : 'off'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Our footprint in the page: marks, adopted sheets, views, and whether the page is hidden. */
const footprint = () =>
  s.driver.evaluate(() => ({
    marked: document.querySelectorAll('[data-declutter-hidden]').length,
    sheets: document.adoptedStyleSheets.length,
    views: document.querySelectorAll('declutter-reader').length,
    hidden: getComputedStyle(document.body).contentVisibility === 'hidden',
  }));

test('firefox: rebuilt and late clutter is hidden while the switch is on, the count stays right, off stops it', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/spa-clutter.html'));
  await driver.evaluate(() => (window as unknown as Paged).rebuild.pause());
  assert.match(await flipSwitch(ff, true), /\b1\b/, 'one block hidden: the follow-us bar');
  await driver.evaluate(() => (window as unknown as Paged).rebuild.resume());

  const from = await driver.evaluate(() => (window as unknown as Paged).rebuild.generation);
  await driver.waitFor((g) => (window as unknown as Paged).rebuild.generation >= g, from + 2, 15_000);
  await driver.evaluate(() => (window as unknown as Paged).rebuild.offer());
  await driver
    .waitFor(
      () =>
        !document.getElementById('fans')?.checkVisibility() &&
        !document.getElementById('offer')?.checkVisibility(),
      null,
      5_000,
    )
    .catch(() => {});
  await driver.evaluate(() => (window as unknown as Paged).rebuild.pause());
  const state = await driver.evaluate(() => ({
    fans: document.getElementById('fans')?.checkVisibility(),
    offer: document.getElementById('offer')?.checkVisibility(),
    marked: document.querySelectorAll('[data-declutter-hidden]').length,
  }));
  assert.deepEqual(
    state,
    { fans: false, offer: false, marked: 2 },
    'the rebuilt bar and the late offer are hidden',
  );
  await clickToolbar(ff, ff.page);
  assert.match(
    (await popupState(ff)).hiddenCount,
    /\b2\b/,
    'the popup counts the two blocks on the page now',
  );
  await closePopup(ff);

  await flipSwitch(ff, false);
  await driver.evaluate(() => {
    const page = (window as unknown as Paged).rebuild;
    document.getElementById('offer')?.remove();
    page.offer();
    page.resume();
  });
  const next = await driver.evaluate(() => (window as unknown as Paged).rebuild.generation);
  await driver.waitFor((g) => (window as unknown as Paged).rebuild.generation >= g, next + 1, 15_000);
  await driver.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(
    await driver.evaluate(() => ({
      fans: document.getElementById('fans')?.checkVisibility(),
      offer: document.getElementById('offer')?.checkVisibility(),
      marked: document.querySelectorAll('[data-declutter-hidden]').length,
    })),
    { fans: true, offer: true, marked: 0 },
    'off: the next rebuilt bar and a new offer stay visible',
  );
});

/**
 * The helper extension tab dies with the extension it belonged to: after a reload a new one (the
 * same moz-extension origin: Firefox keeps the uuid) gives the popup helpers their reach back.
 */
async function withFreshHelper(ff: FirefoxWithExtension): Promise<FirefoxWithExtension> {
  const bidi = (ff.browser as unknown as { connection: BidiConnection }).connection;
  const { result } = (await bidi.send('browsingContext.create', { type: 'tab', background: true })) as {
    result: { context: string };
  };
  await bidi.send('browsingContext.navigate', {
    context: result.context,
    url: `${ff.extensionOrigin}/popup.html#e2e-helper`,
    wait: 'complete',
  });
  const call = async <R>(source: string, arg: unknown): Promise<R> => {
    const { result: out } = (await bidi.send('script.callFunction', {
      functionDeclaration: `async (json) => { const __name = (f) => f; return JSON.stringify((await (${source})(JSON.parse(json))) ?? null); }`,
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      target: { context: result.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: EvalResult };
    if (out.type === 'exception') throw new Error(`evaluate failed: ${out.exceptionDetails.text}`);
    return JSON.parse(String(out.result.value)) as R;
  };
  return {
    ...ff,
    inExtension: (fn, arg) => call(fn.toString(), arg),
    inPopup: (fn, arg) =>
      call(
        `(arg) => { const view = browser.extension.getViews({ type: 'popup' })[0];
          return view ? (${fn.toString()})(view.document, arg) : null; }`,
        arg,
      ),
  };
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type EvalResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

test('firefox: the extension is reloaded while clutter is hidden and a view is open: the next toolbar click gives the page back exactly, and the new switch works', async () => {
  const { ff, driver } = s;
  await driver.goto(driver.pageUrl('/sample-article.html'));
  const original = await driver.evaluate(() => document.documentElement.outerHTML);
  const everyone = Object.fromEntries(CLUTTER.map((p) => [p, true]));
  const nobody = Object.fromEntries(CLUTTER.map((p) => [p, false]));

  const count = await flipSwitch(ff, true);
  const hidden = await footprint();
  assert.ok(hidden.marked >= 4, `blocks are hidden (${JSON.stringify(hidden)})`);
  assert.match(count, new RegExp(`\\b${hidden.marked}\\b`));
  await toggleFromToolbar(ff, true);
  assert.deepEqual([(await footprint()).views, (await footprint()).hidden], [1, true], 'a view is open');

  // What an update does to a running add-on: reload it in place.
  await ff.inChrome(async (id) => {
    const { AddonManager } = (globalThis as unknown as ChromeScope).ChromeUtils.importESModule(
      'resource://gre/modules/AddonManager.sys.mjs',
    ) as { AddonManager: { getAddonByID(id: string): Promise<{ reload(): Promise<void> } | null> } };
    await (await AddonManager.getAddonByID(id))?.reload();
  }, ff.extensionId);
  const fresh = await withFreshHelper(ff);

  // The next toolbar click injects the new script, which clears what the stopped one left.
  await clickToolbar(fresh, ff.page);
  assert.equal((await popupState(fresh)).switchOn, false, 'the new script starts with the switch off');
  await closePopup(fresh);
  assert.deepEqual(
    await footprint(),
    { marked: 0, sheets: 0, views: 0, hidden: false },
    'no mark, sheet or view of ours is left, and the page is not hidden',
  );
  assert.deepEqual(await visibility(driver, CLUTTER), everyone, 'every clutter block is rendered again');
  assert.equal(
    await driver.evaluate(() => document.documentElement.outerHTML),
    original,
    'the page is exactly as it was before hiding',
  );

  const again = await flipSwitch(fresh, true);
  assert.match(
    again,
    new RegExp(`\\b${hidden.marked}\\b`),
    `the new switch hides as many blocks: "${again}"`,
  );
  assert.deepEqual(await visibility(driver, CLUTTER), nobody, 'the new switch hides the clutter');
  await toggleFromToolbar(fresh, true);
  assert.equal((await footprint()).views, 1, 'exactly one view');
  await toggleFromToolbar(fresh, false);
  await flipSwitch(fresh, false);
  assert.equal(
    await driver.evaluate(() => document.documentElement.outerHTML),
    original,
    'and exactly as it was again',
  );
});
