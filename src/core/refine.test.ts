/** refine: the tail trim and the prose fallback, on small pages. Run under jsdom and linkedom. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missesProse, narrowToProse } from './refine.ts';
import { DOMS, flat, PROSE, page } from './test-doms.ts';
import { findTail, trimTail } from './trim-tail.ts';

const ARTICLE = `<p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>`;

for (const dom of DOMS) {
  const root = (html: string): Element => {
    const doc = dom.parse(page(`<div id="root">${html}</div>`));
    return doc.getElementById('root')!;
  };

  describe(`findTail (${dom.name})`, () => {
    it('takes a tag list, a bare heading and an author line after the last paragraph', () => {
      const r = root(
        `${ARTICLE}<h3>Related topics</h3><ul><li><a href="/t/a">Harbors</a></li><li><a href="/t/b">Kelp farming</a></li></ul>` +
          '<p>By Jane Roe, coast reporter</p>',
      );
      const hits = findTail(r);
      assert.deepEqual(
        hits.map((h) => h.reason),
        ['links', 'links', 'links'],
        'from a rail heading on, the tail is the rail',
      );
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
    });

    it('takes a rail heading below the story and its teaser pictures, a site logo among them (wcxb 4589)', () => {
      const r = root(
        `${ARTICLE}<h2>You might also like...</h2><p><a href="/ep5"><img src="/ep5.jpg" alt=""></a><img src="/logo.png" alt=""></p><p><a href="/ep6"><img src="/ep6.jpg" alt=""></a></p>`,
      );
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
      assert.equal(r.querySelector('img'), null);
    });

    it('takes a closing box under its heading, its long paragraphs too: an author bio (wcxb 0261), a donation appeal (4511), a pledge', () => {
      const bio =
        'Geri Mileva, an experienced IP network engineer and distinguished writer at the Hub, specializes in technology, marketing and the ways the two meet in the everyday work of a small agency.';
      const r = root(
        `${ARTICLE}<div><p>About the Author</p><div><p><img src="/geri.jpg" alt="Geri"></p><p>Writer</p></div><p>${bio}</p></div>`,
      );
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
      assert.equal(r.querySelector('img'), null, "the author's photo goes with the box");
      const appeal =
        'Our non-profit newsroom provides climate coverage free of charge and advertising. Your one-off or monthly donations play a crucial role in supporting our operations.';
      const d = root(
        `${ARTICLE}<div><h2><strong>This story is funded by readers like you</strong></h2><p>${appeal}</p></div>`,
      );
      trimTail(d);
      assert.equal(flat(d.textContent), flat(PROSE.repeat(3)));
      const pledge =
        "Our team is here to help you buy the best stuff and love what you own. Have a different opinion about something we recommend? Email us and we'll compare notes.";
      const w = root(`${ARTICLE}<div><h2>Checking our work.</h2><p>${pledge}</p></div>`);
      trimTail(w);
      assert.equal(flat(w.textContent), flat(PROSE.repeat(3)), "a review site's pledge (wcxb 4430)");
    });

    it('takes a closing box and nothing above it: the story and an empty FAQ heading stay (wcxb 0046)', () => {
      const last =
        'As is the case with all high-growth stocks, though, investing in cloud companies will have bumps in the road. Investors should stay focused on the <a href="/terms/buy-and-hold">long-term potential</a>, not just the price.';
      const r = root(
        `<div>${ARTICLE}<ul><li>Remote work is easier.</li><li>It costs less.</li></ul><p>${last}</p></div><div><p><h2>FAQ</h2></p></div>` +
          '<section><h3>About the Author</h3><div><p><img src="/a.jpg" alt="Scott Levine"></p><p>Scott Levine is a contributing analyst covering energy, industrials, technology and the markets that tie the three together for long-term investors.</p></div><p>Scott Levine has no position in any of the stocks mentioned. The publisher has positions in and recommends several of the stocks mentioned above.</p></section>',
      );
      trimTail(r);
      assert.match(flat(r.textContent), /long-term potential, not just the price\./);
      assert.doesNotMatch(flat(r.textContent), /About the Author|Scott Levine/);
    });

    it("takes a post's previous/next teaser and the author bio above it (wcxb 0246)", () => {
      const r = root(
        `${ARTICLE}<div><p><img src="/yaren.jpg" alt="Author Yaren"></p><p>Yaren Fadiloglulari is a freelance writer and researcher. Besides this site, she has written for Preply and Studyportals.</p></div>` +
          '<div><p><span>Previous article</span></p><article><a href="/blog/roadschooling/" aria-label="Roadschooling"></a><img src="/road.jpg" alt=""><p><a href="/blog/roadschooling/">Roadschooling: tips for traveling homeschoolers</a></p>' +
          '<p>Families across the United States are turning to roadschooling as an alternative to traditional education. As a teacher, I’ve created this guide with 5 easy tips that every family with […]</p><p>Jessica Kaminski</p><p>Jul 31, 2024</p></article></div>',
      );
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
    });

    it('keeps a closing section under a "Ready to…?" heading: the author\'s last word (wcxb 0145)', () => {
      const close =
        'Planting the Gardenary way means looking at an empty raised bed, even a small one, and seeing how many harvests it can give you over a season.';
      const r = root(
        `${ARTICLE}<h2>Ready to Plant the Gardenary Way?</h2><p>${close}</p><p>Thanks for bringing back the kitchen garden with me!</p>`,
      );
      assert.deepEqual(findTail(r), []);
    });

    it('keeps a section headed like a box when it is long or the heading is part of a sentence', () => {
      const long = root(`${ARTICLE}<h2>About the author</h2>${ARTICLE}${ARTICLE}${ARTICLE}`);
      assert.equal(findTail(long).length, 0, 'a long section is the article (a profile of its writer)');
      const sentence = root(`${ARTICLE}<p>About the author of this report, little is known. ${PROSE}</p>`);
      assert.equal(findTail(sentence).length, 0);
    });

    it('takes a rail of teasers with paragraph-long excerpts cut off with an ellipsis (wcxb 0392)', () => {
      const teaser = (n: number) =>
        `<article><p>Front Page</p><p>December 19, 2025</p><p>THE SALVATION ARMY continued its long-standing tradition of community outreach with the distribution of ${n} Christmas hampers on Tuesday, in the harbor district of the town, Decembe...</p></article>`;
      const r = root(`${ARTICLE}<div><p>ALSO IN THE NEWS</p></div>${teaser(1)}${teaser(2)}`);
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
    });

    it('keeps what follows a rail-like heading when it is a source list or a table', () => {
      const sources = root(
        `${ARTICLE}<h3>Further reading</h3><ul><li><a href="https://a.example.org/x">A study</a></li><li><a href="https://b.example.net/y">A report</a></li></ul>`,
      );
      assert.equal(findTail(sources, 'https://news.example.com/story').length, 0);
      const papers = root(
        `${ARTICLE}<h2>Related papers</h2><p>https://www.nature.com/articles/s43016-021-00400-y</p>`,
      );
      assert.equal(findTail(papers).length, 0);
      const table = root(
        `${ARTICLE}<h3>Most popular tools</h3><table><tr><td>Hammer</td><td>40%</td></tr></table>`,
      );
      assert.equal(findTail(table).length, 0);
    });

    it('takes an affiliate disclosure below the story though it reads as a paragraph (wcxb 4159)', () => {
      const r = root(
        `${ARTICLE}<p>Disclosure: As an Affiliate Marketer, I earn from qualifying purchases. If you click a product affiliate link on this blog and make a purchase, I may receive a small commission at no extra cost to you.</p>`,
      );
      trimTail(r);
      assert.equal(flat(r.textContent), flat(PROSE.repeat(3)));
    });

    it('reads on above a closing picture without words, and keeps the picture (wcxb 4164)', () => {
      const r = root(`${ARTICLE}<h2>Pin this for later!</h2><figure><img src="/pin.jpg" alt=""></figure>`);
      assert.deepEqual(
        findTail(r).map((h) => h.text),
        ['Pin this for later!'],
      );
      trimTail(r);
      assert.ok(r.querySelector('img'), 'the picture stays');
    });

    it('keeps a closing table, figure or code block and everything before it', () => {
      const r = root(
        `${ARTICLE}<h3>Catch by year</h3><table><tr><td>2012</td><td>40 t</td></tr></table><p>Share</p>`,
      );
      assert.deepEqual(
        findTail(r).map((h) => h.text),
        ['Share'],
      );
      const code = root(`${ARTICLE}<p>Run it:</p><pre>npm start</pre>`);
      assert.equal(findTail(code).length, 0);
    });

    it('stops at a link-poor block of some length: a closing paragraph is content', () => {
      const r = root(
        `${ARTICLE}<p>That, the harbor master said, is how the season will end for most of the boats in the outer harbor.</p><p>Tags</p>`,
      );
      assert.deepEqual(
        findTail(r).map((h) => h.text),
        ['Tags'],
      );
    });

    it("takes a blog's post footer though it has figures (wcxb 0452)", () => {
      const r = root(`${ARTICLE}<p>Posted by David at December 16, 2025 11:15 AM</p>`);
      assert.deepEqual(
        findTail(r).map((h) => h.text),
        ['Posted by David at December 16, 2025 11:15 AM'],
      );
    });

    it('keeps a closing fact box of short lines with figures and a long linked remark (wcxb 4163, 4446)', () => {
      const facts = root(`${ARTICLE}<p>Prep</p><p>10 mins</p><p>Bake</p><p>45 to 55 mins</p>`);
      assert.deepEqual(
        findTail(facts).map((h) => h.text),
        [],
      );
      const remark = root(
        `${ARTICLE}<p><a href="/note">Finally, a big thank you to everyone who left a comment on the original note and encouraged me</a>.</p>`,
      );
      assert.equal(findTail(remark).length, 0);
    });

    it('keeps a closing sentence and a list of sources on other sites (wcxb 0399, 0250, 4537)', () => {
      const thanks = root(`${ARTICLE}<p>Thanks as always to Eric and the team.</p><p>Share</p>`);
      assert.deepEqual(
        findTail(thanks).map((h) => h.text),
        ['Share'],
      );
      const sources = root(
        `${ARTICLE}<h3>Sources</h3><ul><li><a href="https://example.org/report">Harbor report</a></li><li><a href="https://example.net/survey">Survey</a></li></ul>`,
      );
      assert.deepEqual(findTail(sources, 'https://meridian.test/story'), []);
      const related = root(
        `${ARTICLE}<h3>Related</h3><ul><li><a href="https://www.meridian.test/a">Kelp farms</a></li><li><a href="/b">Harbors</a></li></ul>`,
      );
      assert.deepEqual(
        findTail(related, 'https://meridian.test/story').map((h) => h.reason),
        ['links', 'links'],
        'links to the page’s own site are still a related list',
      );
    });

    it('takes an author box below the story, but not a closing paragraph about a thing (wcxb 0002, 2020)', () => {
      const bio = root(
        `${ARTICLE}<p>Kelia Losa Reinoso</p><p>Kelia Losa Reinoso is a content writer at Tastewise with more than five years of experience in journalism and content strategy for food brands.</p>`,
      );
      assert.deepEqual(
        findTail(bio).map((h) => h.text.slice(0, 18)),
        ['Kelia Losa Reinoso', 'Kelia Losa Reinoso'],
      );
      const closing = root(
        `${ARTICLE}<p>This is an open-access article distributed under the terms of the Creative Commons Attribution License, which permits use and redistribution.</p>`,
      );
      assert.deepEqual(findTail(closing), []);
    });

    it('trims nothing when the short blocks are much of the article (a list-like page)', () => {
      const items = Array.from({ length: 30 }, (_, i) => `<p>Step ${i}: tighten the line.</p>`).join('');
      assert.equal(findTail(root(`<p>${PROSE}</p>${items}`)).length, 0);
    });

    it('trims nothing on a page without a real paragraph', () => {
      assert.equal(findTail(root('<p>Short.</p><p><a href="/x">Link</a></p>')).length, 0);
    });
  });

  describe(`narrowToProse (${dom.name})`, () => {
    it("keeps only the content of the largest prose cluster's container", () => {
      const doc = dom.parse(
        page(
          `<header><p>Menu</p></header><div class="sidebar-comments">${ARTICLE}</div><footer><p>${PROSE.slice(0, 90)}</p></footer>`,
        ),
      );
      const copy = narrowToProse(doc);
      assert.ok(copy);
      assert.equal(flat(doc.body.textContent), flat(PROSE.repeat(3)));
      assert.equal(flat(copy.textContent), flat(doc.body.textContent));
      assert.equal(doc.querySelector('.sidebar-comments'), null, 'the container itself is left out');
    });

    it("leaves the cluster's scripts and styles out of the copy (their source is not words)", () => {
      const doc = dom.parse(
        page(
          `<div class="body"><div class="byline">Written by <a href="/a">Ann</a><script>window.dataLayer.push(JSON.parse('{"event":"x"}'))</script></div>${ARTICLE}<style>p{color:red}</style></div>`,
        ),
      );
      const copy = narrowToProse(doc);
      assert.ok(copy);
      assert.equal(copy.querySelector('script, style'), null);
      assert.ok(!flat(copy.textContent).includes('dataLayer'));
      assert.ok(flat(copy.textContent).startsWith('Written by Ann'));
    });

    it('returns null and leaves the page alone without a cluster', () => {
      const doc = dom.parse(page('<p>Opening hours</p>'));
      assert.equal(narrowToProse(doc), null);
      assert.equal(flat(doc.body.textContent), 'Opening hours');
    });
  });
}

describe('missesProse', () => {
  it('overrules a result far smaller than the prose cluster only', () => {
    assert.equal(missesProse(120, 3000), true);
    assert.equal(missesProse(0, 600), true);
    assert.equal(missesProse(2900, 3000), false);
    assert.equal(
      missesProse(991, 2716),
      false,
      'a short article beside a longer FAQ block stands (wcxb 4759)',
    );
    assert.equal(missesProse(0, 300), false, 'a page with little prose keeps what Readability says');
  });
});
