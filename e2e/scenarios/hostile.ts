/**
 * Hostile article markup must never run in the reading view. hostile.html routes every payload
 * through hit(name): before the test arms the page, hits land in __ranOnPage (proof each payload
 * is live); after, any hit lands in __pwned (the view ran page code).
 * Run by e2e/hostile.test.ts (Chromium) and e2e/firefox/hostile.test.ts (Firefox).
 */
import assert from 'node:assert/strict';
import { type PageDriver, type Scenario, sleep } from './driver';
import { VIEW_TAG, viewState } from './view-probe';

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

const marks = (d: PageDriver): Promise<Marks> =>
  d.evaluate(() => ({ ranOnPage: window.__ranOnPage, pwned: window.__pwned, armed: window.__armed }));

export const hostileScenarios: Scenario[] = [
  {
    name: 'hostile article markup (img onerror, svg onload, javascript: links, iframe srcdoc) never runs in the view',
    async run(d) {
      const url = d.pageUrl('/hostile.html');
      await d.goto(url);
      await d.click('#js-link');
      await d.waitFor(() => window.__ranOnPage.length >= 5, undefined);
      assert.deepEqual(
        [...(await marks(d)).ranOnPage].sort(),
        ['iframe-srcdoc', 'img-onerror', 'inline-script', 'javascript-link', 'svg-onload'],
        'every payload runs on the live page, so it would run in the view if it got there',
      );
      await d.evaluate(() => {
        window.__armed = true;
      });

      await d.toggleView(true);
      const view = await viewState(d);
      assert.match(view.articleText, /froze from bank to bank/, 'the article is in the view');
      const linkText = "Read the fire department's advice";
      assert.ok(view.articleText.includes(linkText), 'the text of the javascript: link is in the view');
      const tabsBefore = await d.tabCount();
      await d.clickInView(linkText);
      // Let an image error, an SVG load or an iframe load fire if any of them made it into the view.
      await sleep(750);

      const final = await marks(d);
      assert.equal(await d.url(), url, 'no navigation happened');
      assert.ok(final.armed, 'still the same document');
      assert.deepEqual(final.pwned, [], 'nothing ran from the view');
      // A javascript: link opened in a new tab would run there, out of sight of __pwned.
      assert.equal(await d.tabCount(), tabsBefore, 'the click opened no tab');
      const scriptUrls = await d.evaluate((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return [...(root?.querySelectorAll('*') ?? [])]
          .flatMap((el) => [...el.attributes])
          .filter((a) => /^\s*(javascript:|vbscript:|data:text\/)/i.test(a.value) || /^on/i.test(a.name))
          .map((a) => `${a.name}=${a.value}`);
      }, VIEW_TAG);
      assert.deepEqual(scriptUrls, [], 'no script URL or event-handler attribute in the view');
    },
  },
];
