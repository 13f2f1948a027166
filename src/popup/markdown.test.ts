import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import TurndownService from 'turndown';
import { extract } from '../core/extract';
import { sampleHtml } from '../core/test-doms';
import { articleMarkdown, toMarkdown } from './markdown';

/** The extraction CLI's Markdown (scripts/extract.ts): the reference our converter must equal. */
const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
});

function ours(html: string): string {
  const { document } = new JSDOM(`<!doctype html><body><div id="root">${html}</div>`).window;
  return toMarkdown(document.getElementById('root') as Element);
}

const CASES: Record<string, string> = {
  paragraphs: '<p>One   two\n three.</p>\n  <p>Four <em>five</em> <strong> six </strong>seven.</p>',
  headings: '<h2>A heading</h2><p>text</p><h3>Smaller <a href="/x">link</a></h3>',
  escapes: '<p>1. Not a list * star _under_ [brackets] `tick` # hash</p><p>- dash</p><p>> quote</p>',
  links:
    '<p>See <a href="https://a.test/p(1)" title="T &quot;q&quot;">the page</a>, and <a href="/b c">this</a>.</p>',
  images:
    '<figure><img src="/p.jpg" alt="A *pic*" title="t"><figcaption>Caption <span>credit</span></figcaption></figure>',
  lists:
    '<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol start="3"><li><p>para item</p></li><li>next</li></ol>',
  quote: '<blockquote><p>Quoted line one.</p><p>Line two.</p></blockquote>',
  code: '<p>Use <code>a `b` c</code> here.</p><pre><code class="language-js">const x = 1;\n```\nmore\n</code></pre>',
  breaks: '<p>line<br>break</p><hr><div>div <b></b>text</div><p><i> </i></p>',
  flanking: '<p>a<em> spaced </em>b and <strong>x </strong> y</p>',
};

for (const [name, html] of Object.entries(CASES)) {
  test(`Markdown equals turndown's: ${name}`, () => {
    assert.equal(ours(html), turndown.turndown(html));
  });
}

test("the sample article's Markdown equals the extraction CLI's, title first", () => {
  const { window } = new JSDOM(sampleHtml(), { url: 'http://127.0.0.1/sample-article.html' });
  const article = extract(window.document);
  assert.ok(article);
  const body = window.document.createElement('article');
  const parsed = new window.DOMParser().parseFromString(article.html, 'text/html');
  body.append(...[...parsed.body.childNodes].map((n) => window.document.importNode(n, true)));
  const md = articleMarkdown(article.title, body);
  assert.equal(md, `# ${article.title}\n\n${turndown.turndown(article.html)}`);
  assert.match(md, /^# As Gulf of Maine warms/);
  assert.match(md, /\n\n## A market of unlikely buyers\n\n/);
  assert.match(md, /!\[A lobster boat hauls[^\]]*\]\(http:\/\/127\.0\.0\.1\/sample-photo\.svg\)/);
});
