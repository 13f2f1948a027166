/**
 * The article's language and direction, read from where its text came from. Readability takes
 * lang from <html> only and dir from the ancestors of the block it picked; a page whose <html>
 * says nothing (or says the site's language) while <article lang="ar" dir="rtl"> says what the
 * story is in lost both. Before Readability, noteLanguages records what each text node of the
 * clone inherits from an element below <html>; Readability moves text nodes but does not copy
 * them, so afterwards the article's own text tells which language most of it is in.
 */
import { collapsedLength } from './text.ts';

export type Direction = 'ltr' | 'rtl';

interface Said {
  lang: string | null;
  dir: Direction | null;
}

export interface Language {
  lang: string | null;
  dir: Direction | null;
}

/** What a text node inherits from an element below <html>; text without a note inherits <html>'s. */
const said = new WeakMap<Node, Said>();

/** Notes the language and direction of every text node under an element that states one. */
export function noteLanguages(clone: Document): void {
  // Document order: a nested element comes after its ancestor and overwrites its note.
  const stating = clone.querySelectorAll('body[lang], body[dir], body [lang], body [dir]');
  for (const el of Array.from(stating)) {
    const note: Said = {
      lang: el.closest('[lang]')?.getAttribute('lang')?.trim() || null,
      dir: directionOf(el.closest('[dir]')?.getAttribute('dir')),
    };
    eachText(el, (text) => said.set(text, note));
  }
}

/**
 * lang and dir of `content` (the article, before sanitizing: its text nodes are the clone's),
 * by the share of its text: the largest stated language wins; text that states nothing falls
 * back to Readability's metadata, then to <html>.
 */
export function articleLanguage(
  content: Node,
  parsed: { lang?: string | null; dir?: string | null } | null,
  doc: Document,
): Language {
  const langs = new Map<string | null, number>();
  const dirs = new Map<Direction | null, number>();
  eachText(content, (text) => {
    const n = collapsedLength(text.nodeValue ?? '');
    if (n === 0) return;
    const note = said.get(text);
    langs.set(note?.lang ?? null, (langs.get(note?.lang ?? null) ?? 0) + n);
    dirs.set(note?.dir ?? null, (dirs.get(note?.dir ?? null) ?? 0) + n);
  });
  const html = doc.documentElement;
  return {
    lang: largest(langs) || parsed?.lang?.trim() || html.getAttribute('lang')?.trim() || null,
    dir: largest(dirs) ?? directionOf(parsed?.dir) ?? directionOf(html.getAttribute('dir')),
  };
}

export function directionOf(value: string | null | undefined): Direction | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

function largest<K>(counts: Map<K, number>): K | null {
  let best: K | null = null;
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}

/** Every text node under `root` (NodeFilter.SHOW_TEXT: the global is not there in every DOM). */
function eachText(root: Node, visit: (text: Node) => void): void {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node);
}
