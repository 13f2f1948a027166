/**
 * The strictest Content-Security-Policy a page can have, `default-src 'none'`, sent as a header
 * and written as a <meta>: the page's own styles and images are blocked, ours must not be. The
 * view must look exactly as it does on the same page without a CSP, trigger no violation, and
 * leave the DOM exactly as it found it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { STRICTEST_CSP } from './lib/hostile-server';
import { type HostileSession, openPopup, pageHealth, startHostileSession } from './lib/hostile-session';
import { waitForView } from './lib/view';

let s: HostileSession;
before(async () => {
  s = await startHostileSession();
});
after(async () => {
  await s?.close();
});

/** Computed styles that say "styled": the host's placement and the main parts of the view. */
function viewStyle(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const host = document.querySelector('declutter-reader');
    const root = host?.shadowRoot;
    const out: Record<string, string> = {};
    if (!host || !root) return out;
    const h = getComputedStyle(host);
    Object.assign(out, { 'host.position': h.position, 'host.zIndex': h.zIndex, 'host.display': h.display });
    for (const sel of ['.dc-root', '.dc-page', '.dc-title', '.dc-article p', '.dc-article img', 'button']) {
      const el = root.querySelector(sel);
      if (!el) {
        out[sel] = 'missing';
        continue;
      }
      const c = getComputedStyle(el);
      for (const prop of [
        'backgroundColor',
        'color',
        'fontFamily',
        'fontSize',
        'maxWidth',
        'marginLeft',
      ] as const)
        out[`${sel}.${prop}`] = c[prop];
    }
    return out;
  });
}

/** Starts recording CSP violations in the page. */
function recordViolations(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
}
const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

async function openWithPopup(page: Page): Promise<void> {
  const popup = await openPopup(s.browser, page);
  await popup.click('#read');
  await waitForView(page, true);
}

let reference: Record<string, string>;

test('reference: the view on the sample page without a CSP', async () => {
  const { page } = s;
  await page.goto(s.server.url('/sample-article.html'));
  await openWithPopup(page);
  reference = await viewStyle(page);
  assert.equal(reference['host.position'], 'fixed');
  assert.notEqual(
    reference['.dc-root.backgroundColor'],
    'rgba(0, 0, 0, 0)',
    'the view paints its own background',
  );
  await page.keyboard.press('Escape');
  await waitForView(page, false);
});

for (const [how, path] of [
  ['header', '/csp-header/sample-article.html'],
  ['<meta>', '/csp-meta/sample-article.html'],
] as const) {
  test(`CSP ${STRICTEST_CSP} as a ${how}: the view opens fully styled, no violation, closes to the same DOM`, async () => {
    const { page } = s;
    s.errors.clear();
    const response = await page.goto(s.server.url(path));
    if (how === 'header') assert.equal(response?.headers()['content-security-policy'], STRICTEST_CSP);
    else
      assert.equal(
        await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
        STRICTEST_CSP,
      );
    // The CSP is in force: the page's own stylesheet was refused.
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgba(0, 0, 0, 0)',
      "the page's own <style> is blocked",
    );
    await recordViolations(page);
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      sheets: document.adoptedStyleSheets.length,
    }));

    await openWithPopup(page);
    assert.deepEqual(await viewStyle(page), reference, 'styled exactly as without a CSP');
    // The panels come later, in a second script (view-extras.js) with their own stylesheet: the
    // page's CSP applies to neither.
    const settings = page.locator('declutter-reader').getByRole('button', { name: 'Text & theme' });
    await settings.click();
    await page.locator('declutter-reader button[aria-expanded="true"]').waitFor();
    assert.deepEqual(
      await page.evaluate(() => {
        const root = document.querySelector('declutter-reader')?.shadowRoot;
        const panel = root?.querySelector('#dc-panel-settings');
        const fieldset = panel?.querySelector('fieldset');
        return [panel && getComputedStyle(panel).position, fieldset && getComputedStyle(fieldset).display];
      }),
      ['absolute', 'grid'],
      'the settings panel loads and is styled',
    );
    await settings.click();
    await page.locator('declutter-reader .dc-root').hover();
    await page.keyboard.press('Escape');
    await waitForView(page, false);

    assert.deepEqual(await violations(page), [], 'the view caused no CSP violation');
    const afterClose = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      sheets: document.adoptedStyleSheets.length,
    }));
    assert.equal(afterClose.html, before.html, 'the DOM is exactly as before (outerHTML)');
    assert.equal(afterClose.sheets, before.sheets, 'no stylesheet of ours left adopted');
    assert.equal((await pageHealth(page)).pageHidden, false);
    assert.equal(describe(s.errors.ours()), '', 'no error from the extension');
  });
}
