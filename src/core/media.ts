/**
 * media: what a page's scripts would have shown and Readability drops or mangles, put back on the
 * clone before Readability sees it (cloneForReading), and the article's language read from where
 * its text came from (articleLanguage, media-lang.ts).
 *
 * - Lazy pictures (media-urls.ts): the real address waits in data-src / data-lazy-src /
 *   data-original (and data-srcset…) behind a 1x1 GIF or an empty SVG until a script swaps it in.
 *   Readability only swaps addresses ending in .jpg/.png/.webp and keeps an SVG placeholder; CDN
 *   addresses without an extension lose the picture.
 * - <noscript> fallbacks (media-noscript.ts): text where scripts run, so Readability never
 *   unwraps them.
 * - Addresses: every picture address becomes absolute against the page, so exports and the CLI
 *   show them too (Readability resolves only what it keeps, and not on the refine.ts copy path).
 * - <pre>: Readability turns <br><br> into <p> anywhere, even inside code; lines become text.
 *   Highlighters' line numbers are dropped (media-code.ts).
 * - MathML: the sanitizer lets none through (its parsing quirks are a history of mXSS), which
 *   dropped every formula; each <math> becomes its text, a block for display math.
 */
import { dropLineNumbers } from './media-code.ts';
import { noteLanguages } from './media-lang.ts';
import { unwrapNoscriptPictures } from './media-noscript.ts';
import { restorePicture } from './media-urls.ts';

export { articleLanguage } from './media-lang.ts';
export { imageUrl, isPlaceholder, resolveSrcset } from './media-urls.ts';

/**
 * A copy of `doc` ready for Readability: lazy pictures and <noscript> fallbacks restored, picture
 * addresses absolute, code lines kept, languages noted. The live page is never touched.
 */
export function cloneForReading(doc: Document): Document {
  const clone = copyWithoutCss(doc);
  const base = baseOf(doc);
  unwrapNoscriptPictures(clone, base, doc.defaultView);
  for (const el of Array.from(clone.querySelectorAll('img, source'))) restorePicture(el, base);
  dropLineNumbers(clone);
  for (const br of Array.from(clone.querySelectorAll('pre br'))) br.replaceWith('\n');
  mathAsText(clone);
  noteLanguages(clone);
  return clone;
}

/**
 * `doc.cloneNode(true)` without the page's <style> sheets. A copied <style> is parsed again as it
 * joins the copy, though neither Readability (it drops them) nor our rules read CSS: 100-200 KB
 * of inline CSS is common, and parsing it was most of the clone's time (wcxb 0500: 6.6 → 2.8 ms).
 * The elements are imported into the copy's own document before it holds them: owned by a
 * document with no window, they load no picture and run no custom-element code.
 */
function copyWithoutCss(doc: Document): Document {
  const clone = doc.cloneNode(false) as Document;
  const root = doc.documentElement;
  if (!root) return clone;
  const copy = clone.importNode(root, true);
  for (const style of Array.from(copy.getElementsByTagName('style'))) style.remove();
  clone.append(copy);
  return clone;
}

function baseOf(doc: Document): string | null {
  const base = doc.baseURI || doc.URL;
  return typeof base === 'string' && /^https?:/i.test(base) ? base : null;
}

/** Each <math> as its plain text ("a ≠ 0"); one hidden by the page (Wikipedia's copy beside its image) stays hidden. */
function mathAsText(clone: Document): void {
  for (const math of Array.from(clone.querySelectorAll('math'))) {
    // Token by token: a TeX <annotation> is no text, and tokens hold no spaces between them.
    const tokens = Array.from(math.querySelectorAll('mi, mo, mn, mtext, ms'), (t) => t.textContent?.trim());
    const text = tokens.filter(Boolean).join(' ');
    const box = clone.createElement(math.getAttribute('display') === 'block' ? 'div' : 'span');
    box.textContent = text;
    math.replaceWith(box);
  }
}
