/** Which clutter phrases the live page renders: the page-side check behind the clutter switch tests. */
import type { PageDriver } from './driver';

/** For each phrase: is some element whose own text contains it rendered? */
export function visibility(
  d: Pick<PageDriver, 'evaluate'>,
  phrases: string[],
): Promise<Record<string, boolean>> {
  return d.evaluate((list) => {
    const result: Record<string, boolean> = {};
    for (const phrase of list) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el && n.textContent?.includes(phrase) && el.checkVisibility()) seen = true;
      }
      result[phrase] = seen;
    }
    return result;
  }, phrases);
}
