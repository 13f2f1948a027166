/**
 * "Take it with you": the article as Markdown (to the clipboard or a .md file), as a standalone
 * .html file, or printed. The content script sends the article's sanitized markup; it is parsed
 * here into an inert document (DOMParser: no script runs, nothing loads, it is never shown) and
 * read as DOM. Files are saved from the page (saveInPage), since a popup may close before its
 * download starts.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { ArticleExport } from '../shared/protocol';
import { callTab } from '../shared/tab';
import { articleMarkdown } from './markdown';
import { $ } from './render';

const body = (a: ArticleExport): HTMLElement =>
  new DOMParser().parseFromString(`<!doctype html><body>${a.html}`, 'text/html').body;

export const markdownOf = (a: ArticleExport): string => articleMarkdown(a.title, body(a));

/** A page of its own: title, byline, the article, where it came from, and a little CSS. */
export function htmlOf(a: ArticleExport): string {
  const out = document.implementation.createHTMLDocument(a.title);
  const root = out.documentElement;
  if (a.lang) root.lang = a.lang;
  if (a.dir) root.dir = a.dir;
  const el = (tag: string, text: string) => Object.assign(out.createElement(tag), { textContent: text });
  const charset = out.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  out.head.prepend(charset);
  out.head.append(
    el(
      'style',
      'body{max-width:40em;margin:2em auto;padding:0 1em;font:19px/1.6 Georgia,serif;color:#222}' +
        'img{max-width:100%;height:auto}figcaption,.meta{font:15px/1.4 sans-serif;color:#555}',
    ),
  );
  const source = Object.assign(out.createElement('a'), { href: a.url, textContent: a.siteName || a.url });
  const meta = out.createElement('p');
  meta.className = 'meta';
  meta.append(...(a.byline ? [a.byline, ' · '] : []), source);
  const article = out.createElement('article');
  article.append(...[...body(a).childNodes].map((n) => out.importNode(n, true)));
  out.body.append(el('h1', a.title), meta, article);
  return `<!doctype html>\n${root.outerHTML}\n`;
}

/** A file name from the title: letters and digits of any script, dashes between, at most 80. */
export function fileName(title: string, ext: string): string {
  const base = title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'article'}.${ext}`;
}

/**
 * Runs in the tab (scripting.executeScript sends its source, so it uses nothing but its
 * arguments): a Blob behind a download link, clicked once, then let go. Saved from the page, not
 * from here: a popup may close before its download starts.
 */
function saveInPage(text: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text });
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Wires the four buttons of the export section to the tab `tabId`. */
export function wireExport(tabId: number, viewOpen: () => boolean): void {
  const status = $('export-status');
  const article = async () => {
    const a = await callTab(tabId, 'article', null);
    if (!a) status.textContent = t('popupNotArticle');
    return a;
  };
  const save = async (kind: 'md' | 'html') => {
    const a = await article();
    if (!a) return;
    const text = kind === 'md' ? markdownOf(a) : htmlOf(a);
    const type = kind === 'md' ? 'text/markdown' : 'text/html';
    await browser.scripting.executeScript({
      target: { tabId },
      func: saveInPage,
      args: [text, type, fileName(a.title, kind)],
    });
  };
  $('copy-md').addEventListener('click', async () => {
    const a = await article();
    if (a) status.textContent = t((await copy(markdownOf(a))) ? 'exportCopied' : 'exportCopyFailed');
  });
  $('save-md').addEventListener('click', () => save('md'));
  $('save-html').addEventListener('click', () => save('html'));
  // The print sheet applies while the view is open: open it, then print the page (the view alone).
  $('print').addEventListener('click', async () => {
    if (!viewOpen()) await callTab(tabId, 'toggle-view', null);
    await browser.scripting.executeScript({ target: { tabId }, func: () => print() });
    window.close();
  });
}
