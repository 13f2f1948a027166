/**
 * The same paragraphs twice. Pages print some text more than once for different screens (a
 * mobile and a desktop copy of a section, a sticky copy of the intro), and the copy the
 * stylesheet hides is plain text to Readability. Such a copy is a run of blocks repeated word for
 * word in another container: later copies go. A single repeated paragraph (a refrain, a quote
 * taken up again in a later section) is the author's and stays.
 */

import { preview, tagOf } from './text.ts';
import { leavesOf } from './trim-tail.ts';
import type { Removal } from './types.ts';

/** Only blocks this long count as repeats: short lines ("Learn more", "Step 1") repeat by design. */
const MIN_CHARS = 40;

/** Blocks of `root` that repeat earlier blocks word for word, in runs of two or more. */
export function findRepeats(root: Element): Element[] {
  const seen = new Map<string, Element | null>();
  // Every long block in order, with whether it copies an earlier one from another container.
  const blocks: { element: Element; copy: boolean }[] = [];
  for (const leaf of leavesOf(root)) {
    // A heading repeated per section ("How could a planner use this?") is the article's own pattern.
    if (leaf.text.length < MIN_CHARS || /^H\d$/.test(tagOf(leaf.element))) continue;
    const first = seen.get(leaf.text);
    if (first === undefined) seen.set(leaf.text, leaf.element.parentElement);
    blocks.push({ element: leaf.element, copy: first !== undefined && first !== leaf.element.parentElement });
  }
  return blocks
    .filter((b, i) => b.copy && (blocks[i - 1]?.copy === true || blocks[i + 1]?.copy === true))
    .map((b) => b.element);
}

/** Removes findRepeats' blocks from `root` (Readability's output) and records them. */
export function removeRepeats(root: Element): Removal[] {
  return findRepeats(root).map((element) => {
    const text = preview(element.textContent ?? '');
    element.remove();
    return {
      rule: 'repeated-block',
      group: 'meta',
      reason: 'A block the page prints twice; the first copy stays.',
      text,
    };
  });
}
