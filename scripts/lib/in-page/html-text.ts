// Runs in the page. Plain text of an HTML fragment with line breaks at block edges, the same way
// for every extractor, so words of adjacent blocks never fuse ("Title</h2><p>Body" → "Title\nBody")
// and scores compare extractors rather than their text serializers.

const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 ' +
    'H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'
  ).split(' '),
);
const CELLS = new Set(['TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function htmlToText(html: string): string {
  // DOMParser gives an inert document: no scripts run, no images load.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return nodeToText(doc.body);
}

export function nodeToText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (SKIP.has(tag)) return;
    const sep = BLOCKS.has(tag) ? '\n' : CELLS.has(tag) ? '\t' : '';
    if (sep) parts.push(sep);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (sep) parts.push(sep);
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
