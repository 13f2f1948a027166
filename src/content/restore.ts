/**
 * Putting removed blocks back into the view. The Article records each removal as data (rule,
 * preview text), not markup, so the block is found again in the live page among the clutter
 * rules' hits there (the pass extract ran on the page's clone sees the same blocks). It goes
 * through DOMPurify like the article did and lands after the view block of the nearest article
 * text before it. A block removed from Readability's output (the second pass) has no live twin
 * the rules would report, and a page may have changed since: then its preview text stands in.
 * TODO(engine): a Removal carrying its sanitized block would make this exact.
 */
import type { Removal } from '../core/types';
import { t } from '../shared/i18n';
import { h } from './dom';
import type { ExtrasEngine } from './extras';
import { type Pair, pairBlocks, squash } from './place';

/** "Social links" for rule social-links, else its group's name, else the rule's own name. */
export const ruleLabel = (r: Removal): string =>
  t(
    `rule_${r.rule.replace(/\W/g, '_')}`,
    undefined,
    t(`group_${r.group.replace(/\W/g, '_')}`, undefined, r.rule),
  );

export interface Restorer {
  isShown(index: number): boolean;
  show(index: number): HTMLElement;
  hide(index: number): void;
}

/** In the extras bundle: the clutter rules and DOMPurify come from the base script (`engine`). */
export function createRestorer(
  doc: Document,
  article: HTMLElement,
  removed: Removal[],
  engine: ExtrasEngine,
): Restorer {
  const shown = new Map<number, HTMLElement>();
  let sources: (Element | null)[] | undefined;
  // Paired once, before any block is shown: shown blocks hold page text too and must not pair.
  let pairs: Pair[] | undefined;
  const pairsOnce = (): Pair[] => {
    pairs ??= pairBlocks(article, doc);
    return pairs;
  };

  /** Live elements for every removal, looked up once, on the first "show". */
  function locate(): (Element | null)[] {
    const hits = engine.findClutter(doc);
    return removed.map((r) => {
      const i = hits.findIndex((hit) => hit.rule === r.rule && hit.text === r.text);
      return i >= 0 ? (hits.splice(i, 1)[0]?.element ?? null) : null;
    });
  }

  function show(index: number): HTMLElement {
    const existing = shown.get(index);
    if (existing) return existing;
    sources ??= locate();
    const source = sources[index];
    const removal = removed[index] as Removal;
    const box = h(doc, 'div', { class: 'dc-restored' });
    const safe = source ? engine.sanitizeBlock(source) : null;
    if (safe) box.append(safe);
    if (!squash(box.textContent)) box.replaceChildren(h(doc, 'p', {}, removal.text));
    place(box, source ?? null);
    shown.set(index, box);
    return box;
  }

  /** After the view block paired with the last article text that precedes `source` in the page. */
  function place(box: HTMLElement, source: Element | null): void {
    const before = source
      ? pairsOnce().filter((p) => p.live.compareDocumentPosition(source) & Node.DOCUMENT_POSITION_FOLLOWING)
      : [];
    let anchor = before.at(-1)?.view;
    if (!anchor) {
      article.prepend(box);
      return;
    }
    // Out of a list, table or figure, but not out of the flow the paragraph sits in (Readability
    // wraps the whole article in a div).
    for (
      let up = anchor.parentElement;
      up && up !== article && !/^(DIV|SECTION|ARTICLE|MAIN)$/.test(up.tagName);
      up = up.parentElement
    )
      anchor = up;
    // Blocks shown earlier sit right after their anchor: keep page order among them.
    while (anchor.nextElementSibling?.classList.contains('dc-restored')) anchor = anchor.nextElementSibling;
    anchor.after(box);
  }

  return {
    isShown: (index) => shown.has(index),
    show,
    hide(index) {
      shown.get(index)?.remove();
      shown.delete(index);
    },
  };
}
