/**
 * The same paragraph twice. Pages print some text more than once for different screens (a
 * mobile and a desktop copy of the intro, a summary box repeating the lead, a sticky header
 * copy of a section), and the copy the stylesheet hides is plain text to Readability. A reader
 * never needs a block repeated word for word in another container: later copies go.
 */
import { leavesOf } from './refine.ts';
import { preview, tagOf } from './text.ts';
import type { Removal } from './types.ts';

/** Only blocks this long count as repeats: short lines ("Learn more", "Step 1") repeat by design. */
const MIN_CHARS = 40;

/** Blocks of `root` whose text is an earlier block's, word for word. */
export function findRepeats(root: Element): Element[] {
  const seen = new Map<string, Element | null>();
  const repeats: Element[] = [];
  for (const leaf of leavesOf(root)) {
    // A heading repeated per section ("How could a planner use this?") is the article's own pattern.
    if (leaf.text.length < MIN_CHARS || /^H\d$/.test(tagOf(leaf.element))) continue;
    const first = seen.get(leaf.text);
    if (first === undefined) seen.set(leaf.text, leaf.element.parentElement);
    // A copy beside the first (a refrain, a filler page's repeated paragraph) is the text's
    // own; a copy for another screen sits in another container.
    else if (first !== leaf.element.parentElement) repeats.push(leaf.element);
  }
  return repeats;
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
