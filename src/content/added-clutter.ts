/**
 * Judging one element the page added, at the cost of that element alone.
 *
 * findClutter walks a root's descendants, never the root itself, so judging an added element in
 * place means walking its parent: every sibling with it. Appended to the <body> of a big page,
 * a banner would cost a pass over the whole page (seconds on 100,000 elements), again each time.
 * But the rules judge a block by its own subtree only (block-stats reads nothing outside it), so
 * the element can be judged alone: a copy of it goes into an inert twin of the page (a shallow
 * clone of the document: same address, no window, so nothing in it loads, runs or upgrades), is
 * walked there, and each hit is mapped back to the live node at the same place.
 */
import type { ClutterHit } from '../core/find-clutter';

/** `findClutter` is the engine's, passed in: this module ships in view-extras.js (see clutter-hider.ts). */
export function clutterJudge(
  doc: Document,
  findClutter: (root: Document | Element) => ClutterHit[],
): (added: Element) => ClutterHit[] {
  let twin: HTMLElement | null = null;
  return (added) => {
    twin ??= inertBody(doc);
    const copy = twin.ownerDocument.importNode(added, true);
    twin.replaceChildren(copy);
    try {
      return findClutter(twin).map((hit) => ({ ...hit, element: liveTwin(hit.element, copy, added) }));
    } finally {
      twin.replaceChildren();
    }
  };
}

/** The <body> of an empty, windowless copy of `doc` whose links resolve as the page's do. */
function inertBody(doc: Document): HTMLElement {
  const twin = doc.cloneNode(false) as Document;
  const html = twin.createElement('html');
  const head = twin.createElement('head');
  const body = twin.createElement('body');
  // The clone resolves against its own address already; only a page's own <base> needs copying.
  if (doc.baseURI !== doc.URL) {
    const base = twin.createElement('base');
    base.href = doc.baseURI;
    head.append(base);
  }
  html.append(head, body);
  twin.append(html);
  return body;
}

/** The element of `live` at the place `el` has in `copy` (the two subtrees are the same shape). */
function liveTwin(el: Element, copy: Element, live: Element): Element {
  const path: number[] = [];
  for (let at = el; at !== copy && at.parentElement; at = at.parentElement) {
    let index = 0;
    for (let sib = at.previousElementSibling; sib; sib = sib.previousElementSibling) index++;
    path.push(index);
  }
  let out = live;
  for (let i = path.length - 1; i >= 0; i--) out = out.children[path[i] as number] ?? out;
  return out;
}
