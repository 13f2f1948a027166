/**
 * Hostile article markup must never run in the reading view. hostile.html routes every payload
 * through hit(name): before the test arms the page, hits land in __ranOnPage (proof each payload
 * is live); after, any hit lands in __pwned (the view ran page code).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type E2eSession, startSession, toggleFromToolbar } from './lib/session';
import { VIEW_TAG, viewState } from './lib/view';

let s: E2eSession;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

interface Marks {
  ranOnPage: string[];
  pwned: string[];
  armed: boolean;
}
declare global {
  interface Window {
    __ranOnPage: string[];
    __pwned: string[];
    __armed: boolean;
  }
}

test('hostile article markup (img onerror, svg onload, javascript: links, iframe srcdoc) never runs in the view', async () => {
  const { browser, page } = s;
  const url = s.server.url('/hostile.html');
  await page.goto(url);
  await page.locator('#js-link').click();
  const marks = (): Promise<Marks> =>
    page.evaluate(() => ({ ranOnPage: window.__ranOnPage, pwned: window.__pwned, armed: window.__armed }));
  await page.waitForFunction(() => window.__ranOnPage.length >= 5);
  assert.deepEqual(
    [...(await marks()).ranOnPage].sort(),
    ['iframe-srcdoc', 'img-onerror', 'inline-script', 'javascript-link', 'svg-onload'],
    'every payload runs on the live page, so it would run in the view if it got there',
  );
  await page.evaluate(() => {
    window.__armed = true;
  });

  await toggleFromToolbar(browser, page, true);
  const view = await viewState(page);
  assert.match(view.articleText, /froze from bank to bank/, 'the article is in the view');
  const linkText = "Read the fire department's advice";
  assert.ok(view.articleText.includes(linkText), 'the text of the javascript: link is in the view');
  const pagesBefore = browser.context.pages().length;
  await page.locator(VIEW_TAG).getByText(linkText).click();
  // Let an image error, an SVG load or an iframe load fire if any of them made it into the view.
  await page.waitForTimeout(750);

  const final = await marks();
  assert.equal(page.url(), url, 'no navigation happened');
  assert.ok(final.armed, 'still the same document');
  assert.deepEqual(final.pwned, [], 'nothing ran from the view');
  // A javascript: link opened in a new tab would run there, out of sight of __pwned.
  assert.equal(browser.context.pages().length, pagesBefore, 'the click opened no tab');
  const scriptUrls = await page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return [...(root?.querySelectorAll('*') ?? [])]
      .flatMap((el) => [...el.attributes])
      .filter((a) => /^\s*(javascript:|vbscript:|data:text\/)/i.test(a.value) || /^on/i.test(a.name))
      .map((a) => `${a.name}=${a.value}`);
  }, VIEW_TAG);
  assert.deepEqual(scriptUrls, [], 'no script URL or event-handler attribute in the view');
});
