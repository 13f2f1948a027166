/**
 * The sanitizer against the usual ways page HTML tries to run code or load things. jsdom only:
 * DOMPurify needs a window.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import {
  importSafe,
  PURIFY_CONFIG,
  sanitizeArticle,
  sanitizeHtml,
  sanitizeNodeToFragment,
  sanitizeToFragment,
  serializeSafe,
} from './sanitize.ts';
import { PAGE_URL } from './test-doms.ts';

const dom = new JSDOM('<!DOCTYPE html><html><body><main id="view"></main></body></html>', { url: PAGE_URL });
const win = dom.window as unknown as Window;
const doc = win.document;

/** Payloads and what must not survive them. */
const ATTACKS: Array<[string, string, RegExp]> = [
  ['img onerror', '<img src="x" onerror="alert(1)">', /onerror/i],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>', /onload/i],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
  ['mixed-case, padded javascript: link', '<a href="  JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
  ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /javascript:|&#106;/i],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /iframe|srcdoc|script/i],
  ['script', '<p>ok</p><script>alert(1)</script>', /script|alert/i],
  ['style element', '<style>body{display:none}</style><p>ok</p>', /<style|display/i],
  ['style attribute', '<p style="position:fixed;inset:0">ok</p>', /style=|position/i],
  ['object', '<object data="x.swf"></object>', /object|x\.swf/i],
  ['embed', '<embed src="x.swf">', /embed|x\.swf/i],
  ['base', '<base href="http://evil.invalid/"><a href="/x">x</a>', /<base|evil/i],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=http://evil.invalid/">', /meta|evil/i],
  ['link stylesheet', '<link rel="stylesheet" href="http://evil.invalid/s.css">', /<link|evil/i],
  [
    'form and inputs',
    '<form action="http://evil.invalid/"><input name="pw"><button>Go</button></form>',
    /form|input|button|evil|Go/i,
  ],
  ['data:text/html link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|script/i],
  ['data:text/html image', '<img src="data:text/html;base64,PHNjcmlwdD4=">', /data:/i],
  ['svg use', '<svg><use href="http://evil.invalid/sprite.svg#x"/></svg>', /<use|evil/i],
  ['svg script', '<svg><script>alert(1)</script></svg>', /script|alert/i],
  [
    'svg animate href',
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    /animate|javascript/i,
  ],
  ['math', '<math><mi>x</mi></math>', /<math|<mi/i],
  ['ping attribute', '<a href="/x" ping="http://evil.invalid/">x</a>', /ping|evil/i],
];

describe('sanitizeHtml', () => {
  for (const [name, payload, forbidden] of ATTACKS) {
    it(`strips ${name}`, () => {
      assert.doesNotMatch(sanitizeHtml(payload, win), forbidden);
    });
  }

  it('keeps article markup', () => {
    const html =
      '<h2>Sub</h2><p>Text with <a href="https://example.org/a">a link</a>, <em>stress</em> and <strong>weight</strong>.</p>' +
      '<figure><img src="https://example.org/p.jpg" alt="A picture"><figcaption>Caption</figcaption></figure>' +
      '<blockquote>Quote</blockquote><ul><li>One</li></ul><table><tbody><tr><td>1</td></tr></tbody></table>' +
      '<svg viewBox="0 0 1 1"><circle r="1"></circle></svg><p data-article-paragraph="">Marked</p>';
    const out = sanitizeHtml(html, win);
    for (const kept of [
      '<h2>Sub</h2>',
      'href="https://example.org/a"',
      '<em>stress</em>',
      '<img src="https://example.org/p.jpg" alt="A picture">',
      '<figcaption>Caption</figcaption>',
      '<blockquote>Quote</blockquote>',
      '<td>1</td>',
      '<circle r="1"></circle>',
      'data-article-paragraph',
    ]) {
      assert.ok(out.includes(kept), `lost ${kept} in ${out}`);
    }
  });

  it('keeps data: images but no other data: URLs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.ok(sanitizeHtml(`<img src="${png}">`, win).includes(png));
    assert.doesNotMatch(sanitizeHtml('<video src="data:video/mp4;base64,AAAA"></video>', win), /data:/);
  });

  it('copies a node without changing it', () => {
    const p = doc.createElement('p');
    p.setAttribute('onclick', 'alert(1)');
    p.append('hello');
    assert.equal(sanitizeHtml(p, win), '<p>hello</p>');
    assert.equal(p.getAttribute('onclick'), 'alert(1)');
    const fragment = sanitizeNodeToFragment(p, win);
    assert.equal(fragment.textContent, 'hello');
  });

  it('is configured in one documented object', () => {
    assert.ok(PURIFY_CONFIG.FORBID_TAGS.includes('iframe'));
    assert.ok(PURIFY_CONFIG.FORBID_ATTR.includes('style'));
  });
});

describe('sanitizeToFragment', () => {
  it('returns nodes of the target document, ready to append, with safe new-tab links', () => {
    const fragment = sanitizeToFragment(
      '<p>Go <a href="https://example.org/">there</a><img src="x" onerror="alert(1)"></p>',
      doc,
    );
    assert.equal(fragment.nodeType, 11);
    assert.equal(fragment.ownerDocument, doc);
    const view = doc.getElementById('view')!;
    view.append(fragment);
    const link = view.querySelector('a')!;
    assert.equal(link.getAttribute('target'), '_blank');
    assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(view.querySelector('img')!.hasAttribute('onerror'), false);
  });

  it('scopes the link hook to its own call', () => {
    sanitizeToFragment('<a href="https://example.org/">x</a>', doc);
    assert.doesNotMatch(sanitizeHtml('<a href="https://example.org/">x</a>', win), /target|noopener/);
  });

  it('strips the same attacks', () => {
    for (const [name, payload, forbidden] of ATTACKS) {
      const box = doc.createElement('div');
      box.append(sanitizeToFragment(payload, doc));
      // Read back through XMLSerializer-free means: attribute and element checks.
      const markup = Array.from(box.querySelectorAll('*'))
        .map(
          (el) => `<${el.localName} ${Array.from(el.attributes, (a) => `${a.name}="${a.value}"`).join(' ')}>`,
        )
        .join('');
      assert.doesNotMatch(`${markup} ${box.textContent}`, forbidden, name);
    }
  });

  it('needs a document with a window', () => {
    const detached = doc.implementation.createHTMLDocument('x');
    assert.throws(() => sanitizeToFragment('<p>x</p>', detached), /window/);
  });
});

describe('sanitizeArticle (the one pass extract makes, DOM to DOM)', () => {
  /** A fragment of an inert document, as extract hands over Readability's output. */
  const dirty = (html: string): DocumentFragment => {
    const inert = new dom.window.DOMParser().parseFromString(html, 'text/html');
    const fragment = inert.createDocumentFragment();
    // <base>, <meta>, <link> and <style> land in the parsed head: take them too.
    fragment.append(...Array.from(inert.head.childNodes), ...Array.from(inert.body.childNodes));
    return fragment;
  };

  it('strips every attack, leaving markup only the view may show', () => {
    for (const [name, payload, forbidden] of ATTACKS) {
      const clean = sanitizeArticle(dirty(payload), win);
      assert.doesNotMatch(`${serializeSafe(clean)} ${clean.textContent}`, forbidden, name);
    }
  });

  it('opens links in a new tab with no handle on the page, and leaves its input as it was', () => {
    const input = dirty('<p>Go <a href="https://example.org/" onclick="x()">there</a></p>');
    const clean = sanitizeArticle(input, win);
    const link = clean.querySelector('a')!;
    assert.equal(link.getAttribute('target'), '_blank');
    assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(link.hasAttribute('onclick'), false);
    assert.equal(
      input.querySelector('a')!.getAttribute('onclick'),
      'x()',
      'the input is copied, not changed',
    );
  });

  it('serializes to what DOMPurify gives as a string, bar the link attributes', () => {
    const html = '<h2>Title</h2><p>One <em>two</em> <img src="http://127.0.0.1/a.png" alt="A"></p>';
    assert.equal(serializeSafe(sanitizeArticle(dirty(html), win)), sanitizeHtml(html, win));
  });

  it('importSafe copies into the target document and leaves the sanitized fragment whole', () => {
    const clean = sanitizeArticle(dirty('<p>kept</p>'), win);
    const copy = importSafe(clean, doc);
    assert.equal(copy.ownerDocument, doc);
    assert.notEqual(clean.ownerDocument, doc);
    doc.getElementById('view')!.append(copy);
    assert.equal(clean.textContent, 'kept', 'a second view can be built from the same content');
  });
});
