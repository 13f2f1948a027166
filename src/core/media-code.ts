/**
 * Code blocks without their line numbers. Syntax highlighters print a number before each line,
 * inline (`<span class="lineno">12</span>import torch`) or as a gutter column of a table beside
 * the code; copied as text, every line of the article's code then starts with a stray number
 * ("12import torch"). The gutters are found by the exact class names the highlighters give them,
 * and only where nothing but digits is in them, inside code or in a table cell beside it.
 */

/** Pygments, Chroma (inline and table), Rouge, Hexo, highlight.js-line-numbers, Prism, react-syntax-highlighter. */
const GUTTER =
  '.lineno, .linenos, .ln, .lnt, .lntd, .rouge-gutter, .gutter, .hljs-ln-numbers, .line-numbers-rows, .linenumber, .react-syntax-highlighter-line-number';
const DIGITS_ONLY = /^[\d\s]*$/;

export function dropLineNumbers(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(GUTTER))) {
    if (!DIGITS_ONLY.test(el.textContent ?? '') || !besideCode(el)) continue;
    el.remove();
  }
}

/** Inside a code block, or a table cell whose row holds one. */
function besideCode(el: Element): boolean {
  if (el.closest('pre, code')) return true;
  return !!el.closest('td, th')?.parentElement?.querySelector('pre, code');
}
