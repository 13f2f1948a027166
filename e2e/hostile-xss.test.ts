/**
 * An article written to attack its reader (e2e/pages/xss-article.html): 45 script payloads,
 * each of which requests /pwned/<name> from the test server if it runs anywhere, plus markup
 * that can't beacon but must not reach the view (<base>, vbscript:, DOM-clobbering names).
 * We read it in the view, hover, focus and click through everything in it, close it, and count:
 * nothing may run, in the view or after closing it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { describe } from './lib/hostile-errors';
import { type HostileSession, openPopup, pageHealth, startHostileSession } from './lib/hostile-session';
import { PAGES_DIR } from './lib/paths';
import { waitForView } from './lib/view';

/** Payloads with no beacon of their own: checked by what the view's DOM contains. */
const STATIC_PAYLOADS = ['base-href', 'a-vbscript', 'clobber-document-methods'];

let s: HostileSession;
before(async () => {
  s = await startHostileSession();
});
after(async () => {
  await s?.close();
});

/** What the sanitized article in the view contains that it never should. */
function forbiddenInView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const article = document.querySelector('declutter-reader')?.shadowRoot?.querySelector('.dc-article');
    if (!article) return ['no article in the view'];
    const bad: string[] = [];
    const tags =
      'script, style, iframe, frame, frameset, object, embed, applet, base, meta, link, form, input, button, textarea, select, template, noscript, math, foreignObject, animate, set, use';
    for (const el of article.querySelectorAll(tags)) bad.push(`<${el.localName}>`);
    for (const el of article.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const value = [...a.value]
          .filter((c) => c.charCodeAt(0) > 32) // browsers skip whitespace and controls in a URL scheme
          .join('')
          .toLowerCase();
        if (/^on/i.test(a.name) || ['style', 'srcdoc', 'formaction', 'action', 'ping'].includes(a.name))
          bad.push(`${el.localName}[${a.name}]`);
        else if (/^(javascript|vbscript):/.test(value) || /^data:(?!image\/)/.test(value))
          bad.push(`${el.localName}[${a.name}=${a.value.slice(0, 30)}]`);
        else if (a.name === 'srcset' && /javascript:|data:text/i.test(a.value))
          bad.push(`${el.localName}[srcset]`);
      }
    }
    // DOM clobbering: a `name` or `id` that shadows a document or element API.
    for (const el of article.querySelectorAll('[name], [id]')) {
      const n = el.getAttribute('name') ?? el.id;
      if (n in document || n in Element.prototype) bad.push(`${el.localName}[name/id=${n}]`);
    }
    return bad;
  });
}

/** Every link in the view opens a new tab that gets no handle on this page and no referrer. */
function unsafeLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('declutter-reader')?.shadowRoot;
    return [...(root?.querySelectorAll('.dc-article a[href]') ?? [])]
      .filter((a) => {
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        return (
          a.getAttribute('target') !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer')
        );
      })
      .map((a) => a.outerHTML.slice(0, 80));
  });
}

/** Hover, focus (Tab) and click everything in the view's article. Returns how many we clicked. */
async function pokeEverything(page: Page): Promise<number> {
  const items = page.locator('declutter-reader .dc-article :is(a, img, svg, span, summary, video, audio)');
  const count = await items.count();
  for (let i = 0; i < count; i++)
    await items
      .nth(i)
      .hover({ force: true, timeout: 1000 })
      .catch(() => {});
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  let clicked = 0;
  const targets = page.locator('declutter-reader .dc-article :is(a, img, svg, span, summary)');
  const n = await targets.count();
  for (let i = 0; i < n; i++) {
    const ok = await targets
      .nth(i)
      .click({ force: true, timeout: 1000, noWaitAfter: true })
      .then(() => true)
      .catch(() => false);
    if (ok) clicked++;
  }
  return clicked;
}

test('45+ script payloads in an article: none runs in the view, while poking it, or after closing it', async () => {
  const { browser, page, server } = s;
  const source = await readFile(join(PAGES_DIR, 'xss-article.html'), 'utf8');
  const beaconNames = [
    ...new Set(
      [...source.matchAll(/pwned\/([a-z0-9-]+)|'\)\+'([a-z0-9-]+)\?/g)].map((m) => (m[1] ?? m[2]) as string),
    ),
  ];
  const tried = [...beaconNames, 'opener-handle', ...STATIC_PAYLOADS];
  assert.ok(tried.length >= 25, `at least 25 payload kinds (${tried.length})`);

  const url = server.url('/xss-article.html');
  await page.goto(url);
  const proof = ['img-onerror', 'svg-onload', 'iframe-srcdoc', 'details-ontoggle', 'style-import'];
  for (let i = 0; i < 30 && !proof.every((n) => server.beacons.some((b) => b.name === n)); i++)
    await page.waitForTimeout(100);
  await page.waitForTimeout(300); // the slower ones (frames, plugins) too
  const live = new Set(server.beacons.map((b) => b.name));
  // The page is really hostile: a good share of the payloads fire on the live page by themselves.
  for (const name of proof) {
    assert.ok(live.has(name), `${name} runs on the live page (so it would run in the view if it got there)`);
  }
  server.arm();
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  const pagesBefore = browser.context.pages().length;

  const popup = await openPopup(browser, page);
  await popup.click('#read');
  await waitForView(page, true);
  assert.match(
    (await page.locator('declutter-reader .dc-article').textContent()) ?? '',
    /ramp would rise when the minute hand touched the four/,
    'the article is in the view',
  );
  assert.deepEqual(
    await forbiddenInView(page),
    [],
    'no script, frame, plugin, form, style or script URL in the view',
  );
  assert.deepEqual(await unsafeLinks(page), [], 'every link: target=_blank rel="noopener noreferrer"');

  const clicked = await pokeEverything(page);
  assert.ok(clicked >= 10, `clicked through the view (${clicked} elements)`);
  await page.waitForTimeout(700);
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await waitForView(page, false);
  await page.waitForTimeout(700);

  const opened = browser.context.pages().slice(pagesBefore);
  const timetable = server.requests.filter((r) => r.path.startsWith('/xss-target.html'));
  assert.ok(timetable.length > 0, 'a link clicked in the view opened its target');
  assert.deepEqual(
    timetable.map((r) => r.referer),
    timetable.map(() => ''),
    'links from the view send no Referer',
  );
  for (const p of opened) await p.close();

  // Closing gives focus back to the page's autofocused input, whose own handler then runs on the
  // page (it reports itself as page-*): the page's code on its own element, not ours.
  const executed = server.pwned().filter((name) => !name.startsWith('page-'));
  console.log(
    `# payloads tried: ${tried.length} (${beaconNames.length} beacons, 1 opener probe, ${STATIC_PAYLOADS.length} markup-only); ` +
      `live on the page by themselves: ${live.size}; executed from the view: ${executed.length}; elements clicked: ${clicked}`,
  );
  assert.deepEqual(executed, [], 'no payload ran after the view opened');
  assert.ok(page.url().startsWith(url), 'the page did not navigate');
  const health = await pageHealth(page);
  assert.equal(health.views, 0);
  assert.equal(health.pageHidden, false, 'the page is usable after closing');
  assert.equal(describe(s.errors.ours()), '', 'no error from the extension in the page or the worker');
});
