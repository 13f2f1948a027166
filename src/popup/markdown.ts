/**
 * DOM → Markdown, written to give what turndown gives with the options the extraction CLI uses
 * (atx headings, fenced code, "-" bullets): one Markdown for the article wherever it comes from.
 * Same steps as turndown: collapse whitespace on a copy, convert node by node, join blocks with
 * at most one blank line. Its own code rather than the library: a tenth of the size, and the
 * input is already parsed and sanitized DOM (markdown.test.ts holds it to turndown's output).
 */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE AUDIO BLOCKQUOTE BODY CANVAS CENTER DD DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM FRAMESET H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML ISINDEX LI MAIN MENU NAV NOFRAMES NOSCRIPT OL OUTPUT P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);
const VOID = 'AREA BASE BR COL COMMAND EMBED HR IMG INPUT KEYGEN LINK META PARAM SOURCE TRACK WBR'.split(' ');
const KEEP_BLANK = 'A TABLE THEAD TBODY TFOOT TH TD IFRAME SCRIPT AUDIO VIDEO'.split(' ');
const ESCAPES: [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/\*/g, '\\*'],
  [/^-/g, '\\-'],
  [/^\+ /g, '\\+ '],
  [/^(=+)/g, '\\$1'],
  [/^(#{1,6}) /g, '\\$1 '],
  [/`/g, '\\`'],
  [/^~~~/g, '\\~~~'],
  [/\[/g, '\\['],
  [/\]/g, '\\]'],
  [/^>/g, '\\>'],
  [/_/g, '\\_'],
  [/^(\d+)\. /g, '$1\\. '],
];

const isBlock = (n: Node) => BLOCK.has(n.nodeName);
const isEl = (n: Node | null): n is Element => n?.nodeType === 1;
const has = (el: Element, tags: string[]) => tags.some((tag) => el.getElementsByTagName(tag).length > 0);
const escapeText = (s: string) => ESCAPES.reduce((acc, [re, to]) => acc.replace(re, to), s);
const trimNewlines = (s: string) => s.replace(/^\n+/, '').replace(/\n+$/, '');
const attr = (el: Element, name: string) => (el.getAttribute(name) ?? '').replace(/(\n+\s*)+/g, '\n');
const dest = (url: string) => {
  const escaped = url.replace(/([<>()])/g, '\\$1');
  return escaped.includes(' ') ? `<${escaped}>` : escaped;
};
const titled = (el: Element) => {
  const title = attr(el, 'title');
  return title ? ` "${title.replace(/"/g, '\\"')}"` : '';
};

/** `# title`, a blank line, then the body: what `npm run extract -- --format md` prints. */
export function articleMarkdown(title: string, body: Element): string {
  const text = toMarkdown(body);
  return title ? `# ${title}\n\n${text}` : text;
}

export function toMarkdown(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  collapseWhitespace(copy);
  return children(copy, false)
    .replace(/^[\t\r\n]+/, '')
    .replace(/[\t\r\n\s]+$/, '');
}

/** Joins two pieces with as many newlines (at most two) as either side asked for. */
function join(out: string, next: string): string {
  const left = out.replace(/\n+$/, '');
  const right = next.replace(/^\n+/, '');
  const newlines = Math.max(out.length - left.length, next.length - right.length);
  return left + '\n\n'.slice(0, newlines) + right;
}

function children(parent: Node, code: boolean): string {
  let out = '';
  for (const node of parent.childNodes) {
    if (node.nodeType === 3)
      out = join(out, code ? (node.nodeValue ?? '') : escapeText(node.nodeValue ?? ''));
    else if (isEl(node)) out = join(out, element(node, code || node.nodeName === 'CODE'));
  }
  return out;
}

function element(el: Element, code: boolean): string {
  const name = el.nodeName;
  const blank =
    !VOID.includes(name) &&
    !KEEP_BLANK.includes(name) &&
    !/\S/.test(el.textContent ?? '') &&
    !has(el, VOID) &&
    !has(el, KEEP_BLANK);
  const [lead, trail] = flanking(el);
  if (blank) return lead + (isBlock(el) ? '\n\n' : '') + trail;
  let content = children(el, code);
  if (lead || trail) content = content.trim();
  return lead + rule(el, content) + trail;
}

function rule(el: Element, content: string): string {
  const name = el.nodeName;
  const parent = el.parentNode;
  if (name === 'P') return `\n\n${content}\n\n`;
  if (name === 'BR') return '  \n';
  if (/^H[1-6]$/.test(name)) return `\n\n${'#'.repeat(Number(name[1]))} ${content}\n\n`;
  if (name === 'BLOCKQUOTE') return `\n\n${trimNewlines(content).replace(/^/gm, '> ')}\n\n`;
  if (name === 'UL' || name === 'OL')
    return parent?.nodeName === 'LI' && (parent as Element).lastElementChild === el
      ? `\n${content}`
      : `\n\n${content}\n\n`;
  if (name === 'LI') {
    let prefix = '-   ';
    if (isEl(parent) && parent.nodeName === 'OL') {
      const start = parent.getAttribute('start');
      const index = [...parent.children].indexOf(el);
      prefix = `${start ? Number(start) + index : index + 1}.  `;
    }
    const body = trimNewlines(content) + (/\n$/.test(content) ? '\n' : '');
    return prefix + body.replace(/\n/gm, `\n${' '.repeat(prefix.length)}`) + (el.nextSibling ? '\n' : '');
  }
  const first = el.firstChild;
  if (name === 'PRE' && isEl(first) && first.nodeName === 'CODE') {
    const language = /language-(\S+)/.exec(first.getAttribute('class') ?? '')?.[1] ?? '';
    const source = first.textContent ?? '';
    let size = 3;
    for (const m of source.matchAll(/^`{3,}/gm)) size = Math.max(size, m[0].length + 1);
    const fence = '`'.repeat(size);
    return `\n\n${fence}${language}\n${source.replace(/\n$/, '')}\n${fence}\n\n`;
  }
  if (name === 'HR') return '\n\n* * *\n\n';
  if (name === 'A' && el.getAttribute('href'))
    return `[${content}](${dest(el.getAttribute('href') ?? '')}${titled(el)})`;
  if (name === 'EM' || name === 'I') return content.trim() ? `_${content}_` : '';
  if (name === 'STRONG' || name === 'B') return content.trim() ? `**${content}**` : '';
  if (name === 'CODE' && !(parent?.nodeName === 'PRE' && !el.previousSibling && !el.nextSibling)) {
    if (!content) return '';
    const flat = content.replace(/\r?\n|\r/g, ' ');
    const pad = /^`|^ .*?[^ ].* $|`$/.test(flat) ? ' ' : '';
    const runs: string[] = flat.match(/`+/gm) ?? [];
    let tick = '`';
    while (runs.includes(tick)) tick += '`';
    return tick + pad + flat + pad + tick;
  }
  if (name === 'IMG') {
    const src = el.getAttribute('src') ?? '';
    return src ? `![${escapeText(attr(el, 'alt'))}](${dest(src)}${titled(el)})` : '';
  }
  return isBlock(el) ? `\n\n${content}\n\n` : content;
}

/** Whitespace at the edges of an inline element moves outside its markers (`_a_ b`, not `_a _b`). */
function flanking(el: Element): [string, string] {
  if (isBlock(el)) return ['', ''];
  const m = /^(([ \t\r\n]*)(\s*))(?:(?=\S)[\s\S]*\S)?((\s*?)([ \t\r\n]*))$/.exec(el.textContent ?? '');
  if (!m) return ['', ''];
  const flanked = (sibling: Node | null, re: RegExp) =>
    sibling?.nodeType === 3
      ? re.test(sibling.nodeValue ?? '')
      : isEl(sibling) && !isBlock(sibling) && re.test(sibling.textContent ?? '');
  const lead = m[2] && flanked(el.previousSibling, / $/) ? (m[3] ?? '') : (m[1] ?? '');
  const trail = m[6] && flanked(el.nextSibling, /^ /) ? (m[5] ?? '') : (m[4] ?? '');
  return [lead, trail];
}

/** turndown's collapse-whitespace pass: HTML's whitespace rules applied to the copy's text nodes. */
function collapseWhitespace(root: Element): void {
  if (!root.firstChild || root.nodeName === 'PRE') return;
  let prevText: Text | null = null;
  let keepLeading = false;
  let prev: Node | null = null;
  let node: Node | null = next(null, root);
  while (node && node !== root) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node as Text;
      let data = text.data.replace(/[ \r\n\t]+/g, ' ');
      if ((!prevText || / $/.test(prevText.data)) && !keepLeading && data[0] === ' ') data = data.slice(1);
      if (!data) {
        node = remove(text);
        continue;
      }
      text.data = data;
      prevText = text;
    } else if (isEl(node)) {
      if (isBlock(node) || node.nodeName === 'BR') {
        if (prevText) prevText.data = prevText.data.replace(/ $/, '');
        prevText = null;
        keepLeading = false;
      } else if (VOID.includes(node.nodeName) || node.nodeName === 'PRE') {
        prevText = null;
        keepLeading = true;
      } else if (prevText) {
        keepLeading = false;
      }
    } else {
      node = remove(node);
      continue;
    }
    const following: Node | null = next(prev, node);
    prev = node;
    node = following;
  }
  if (prevText) {
    prevText.data = prevText.data.replace(/ $/, '');
    if (!prevText.data) prevText.remove();
  }
}

function next(prev: Node | null, current: Node): Node | null {
  if ((prev && prev.parentNode === current) || current.nodeName === 'PRE')
    return current.nextSibling ?? current.parentNode;
  return current.firstChild ?? current.nextSibling ?? current.parentNode;
}

function remove(node: Node): Node | null {
  const following = node.nextSibling ?? node.parentNode;
  node.parentNode?.removeChild(node);
  return following;
}
