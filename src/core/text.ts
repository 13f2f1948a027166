/**
 * Text helpers shared by the rules and by extract. They read the DOM through the small,
 * portable Node API (nodeType, firstChild, nextSibling) so jsdom, linkedom and browsers agree.
 */

/** Subtrees whose text a reader never sees. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

/** Elements that start a new line of text; used to keep words apart and to split paragraphs. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Collapse runs of whitespace (incl. no-break spaces) to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The UTF-16 code units `\s` matches (it includes U+00A0), as a lookup table. */
export const SPACE = new Uint8Array(0x10000);
for (const c of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') SPACE[c.charCodeAt(0)] = 1;
SPACE.fill(1, 0x2000, 0x200b);

/**
 * collapse(text).length without building the collapsed string: findClutter sizes every text
 * node of a page, and the allocation-free loop is about twice as fast as the regex replace.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (SPACE[text.charCodeAt(i)] === 1) {
      space = length > 0;
    } else {
      if (space) length++;
      space = false;
      length++;
    }
  }
  return length;
}

/** Cut collapsed text to `max` characters at a word boundary where possible, with an ellipsis. */
export function preview(text: string, max = 120): string {
  const flat = collapse(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Upper-cased tag names, by tag name as reported: the rules ask for every element's, often twice. */
const UPPER = new Map<string, string>();

/** Upper-case tag name; linkedom and XML documents may report lower case. */
export function tagOf(el: Element): string {
  const name = el.tagName;
  let upper = UPPER.get(name);
  if (upper === undefined) {
    upper = name.toUpperCase();
    // Custom element names are unbounded: a page can't make this table grow without limit.
    if (UPPER.size < 1000) UPPER.set(name, upper);
  }
  return upper;
}

/** Characters of link text under `el` (collapsed, as collapse(...).length): the numerator of every link share. */
export function linkTextLength(el: Element): number {
  let chars = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) chars += collapsedLength(a.textContent ?? '');
  return chars;
}

/** Visible text of a node, with block boundaries turned into spaces, collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  collectText(node, parts, ' ');
  return collapse(parts.join(''));
}

/**
 * Plain text with one blank line between blocks (paragraphs, headings, list items),
 * which is what a person copying the article would expect.
 */
export function blockText(node: Node): string {
  const parts: string[] = [];
  collectText(node, parts, '\n');
  return parts
    .join('')
    .split(/\n+/)
    .map(collapse)
    .filter((line) => line.length > 0)
    .join('\n\n');
}

function collectText(node: Node, parts: string[], blockSeparator: string): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      // Inside a block, source newlines are just whitespace.
      parts.push((child.nodeValue ?? '').replace(/\n/g, ' '));
    } else if (isElement(child)) {
      const tag = tagOf(child);
      if (INVISIBLE_TAGS.has(tag)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) parts.push(blockSeparator);
      collectText(child, parts, blockSeparator);
      if (block) parts.push(blockSeparator);
    }
  }
}
