/**
 * Pages made on the fly for the robustness suites and the huge-page benchmark: too big (or too
 * binary) to keep as fixtures. All text is generated; nothing is copied from anywhere.
 */

const WORDS =
  'river town winter council bridge morning market harbour school station budget rain north road water light field summer office report street mill valley garden'.split(
    ' ',
  );

/** A deterministic sentence: same seed, same words. */
function sentence(seed: number, words = 14): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(seed: number): string {
  return [0, 1, 2, 3, 4].map((i) => sentence(seed * 7 + i)).join(' ');
}

/** Elements in one comment of hugePage: li, div, a, time, p. */
const COMMENT_ELEMENTS = 5;

/**
 * A long news article followed by a comment thread big enough that the whole page has about
 * `elements` elements (and about as many text nodes): the shape of a real page that grew huge.
 * `lite` keeps the browser from laying the thread out (content-visibility), for tests that only
 * need the element count, not the rendering cost.
 */
export function hugePage(elements: number, { lite = false } = {}): string {
  const story = Array.from({ length: 20 }, (_, i) => `<p>${paragraph(i)}</p>`).join('\n');
  const fixed = 40; // html, head, body, the article's own elements
  const comments = Math.max(0, Math.floor((elements - fixed) / COMMENT_ELEMENTS));
  const thread: string[] = [];
  for (let i = 0; i < comments; i++) {
    thread.push(
      `<li><div><a href="/u/${i}">reader${i}</a> <time>${i % 60} min ago</time></div><p>${sentence(i, 6)}</p></li>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A very long thread - The Daily Meridian</title></head>
<body>
<header><a href="/">The Daily Meridian</a></header>
<article>
<h1>The valley that kept every comment</h1>
<p class="byline">By Staff writer</p>
${story}
</article>
<section class="comments"${lite ? ' style="content-visibility: hidden"' : ''}><h2>Comments</h2><ol>
${thread.join('\n')}
</ol></section>
</body></html>`;
}

/** A search engine's results page: ten results, each a title link and a snippet. Not an article. */
export function searchPage(): string {
  const results = Array.from(
    { length: 10 },
    (_, i) => `<div class="result">
  <h3><a href="/result/${i}">${sentence(i, 6)}</a></h3>
  <cite>example${i}.test › news › ${i}</cite>
  <p>${sentence(i + 100, 24)} ${sentence(i + 200, 12)}</p>
</div>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>river town winter - Search</title></head>
<body>
<form role="search" action="/gen/search.html"><input name="q" value="river town winter"><button>Search</button></form>
<p class="stats">About 1,240 results</p>
<main id="results">
${results}
</main>
<nav class="pages"><a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">Next</a></nav>
</body></html>`;
}

/** A web app's shell (a mail client): lists, buttons and a form. Not an article. */
export function appPage(): string {
  const rows = Array.from(
    { length: 25 },
    (_, i) =>
      `<tr><td><input type="checkbox" aria-label="select"></td><td>sender${i}</td><td>${sentence(i, 7)}</td><td>${(i % 12) + 1}:0${i % 10}</td></tr>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox (25) - Meridian Mail</title></head>
<body>
<nav><button>Compose</button> <a href="#inbox">Inbox</a> <a href="#sent">Sent</a> <a href="#drafts">Drafts</a></nav>
<main><table id="inbox">${rows}</table></main>
<aside><form><label>To <input name="to"></label><label>Subject <input name="subject"></label><textarea name="body"></textarea><button>Send</button></form></aside>
</body></html>`;
}

/** A one-page PDF with one line of text, with a correct cross-reference table. */
export function tinyPdf(): Buffer {
  const text = 'BT /F1 18 Tf 20 100 Td (A PDF, not a web page) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
