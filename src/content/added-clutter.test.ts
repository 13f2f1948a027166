/**
 * An added element judged alone (a copy in an inert twin of the page) gets the same verdicts as a
 * walk of the live page, on the live nodes, and the copy leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { findClutter } from '../core/find-clutter.ts';
import { clutterJudge } from './added-clutter.ts';

const PAGE = `<!DOCTYPE html><html><head><base href="https://news.example/section/"></head><body>
<main><article><h1>Harbour dredging starts</h1>
<p>After eleven years of studies, hearings and one lawsuit, the dredge arrived in the harbour on Tuesday morning, towed by two tugs and trailed by a small flotilla of people who had come to watch it work.</p>
</article>
<div id="added">
  <div class="fan-box" id="fans">Become a fan! <a href="http://www.facebook.com/meridian">Facebook</a>
    Follow us! <a href="http://twitter.com/meridian">Twitter</a></div>
  <div class="offer-box" id="offer"><p>Weekly review of global news and ideas</p><p>Subscribe in print or digital</p>
    <p><a href="subscribe?promo=inline">Special Offer</a></p></div>
  <p id="prose">The work will take most of the summer, and boats will be able to use the channel throughout, with some delays at the harbour mouth while the bucket works the bar.</p>
  <div class="skip"><a href="#comments">Skip to comments</a></div>
</div>
<div id="comments"></div>
</main></body></html>`;

const describe = (els: Element[]) => els.map((el) => `${el.localName}#${el.id}.${el.className}`);

for (const [name, page] of [
  ['with its own <base>', PAGE],
  ['without <base>', PAGE.replace(/<base [^>]*>/, '')],
] as const) {
  test(`an added element judged alone (page ${name}): the live page walk's verdicts, on the live nodes`, () => {
    check(page);
  });
}

function check(page: string): void {
  const dom = new JSDOM(page, { url: 'https://news.example/section/story.html' });
  const doc = dom.window.document;
  const added = doc.getElementById('added') as HTMLElement;
  const live = findClutter(doc).filter((hit) => added.contains(hit.element));
  assert.ok(
    live.length >= 2,
    `the page walk finds clutter in the added block (${describe(live.map((h) => h.element))})`,
  );

  const judge = clutterJudge(doc, findClutter);
  const alone = judge(added);
  assert.deepEqual(
    alone.map((h) => [h.rule, h.element]),
    live.map((h) => [h.rule, h.element]),
    'same rules on the same live elements',
  );
  assert.ok(
    alone.every((h) => h.element.ownerDocument === doc && h.element.isConnected),
    'hits are the live nodes, not the copies',
  );

  // The element itself is judged too (findClutter never judges its own root).
  const fans = doc.getElementById('fans') as HTMLElement;
  assert.deepEqual(describe(judge(fans).map((h) => h.element)), ['div#fans.fan-box']);
  assert.equal(judge(doc.getElementById('prose') as HTMLElement).length, 0, 'prose is not clutter');
  dom.window.close();
}
