/**
 * The extracted article, reused while the page is unchanged: a second toggle costs a render,
 * not a parse. A MutationObserver marks it stale on the first change to the page's content and
 * then disconnects, so an idle page pays nothing after that.
 */
import { type Extraction, type ExtractTimings, extractContent, extractSteps } from '../core/extract';

/** Our own hosts come and go at the top level; they don't change the article. */
const OURS = new Set(['DECLUTTER-READER', 'DECLUTTER-NOTICE']);

export interface ArticleCache {
  /** True while a cached result is valid: get() will not extract. */
  readonly fresh: boolean;
  /** The article (extracted now, or cached); `timings` is filled when it extracts. */
  get(timings?: ExtractTimings): Extraction | null;
  /** get(), awaiting `pause` between the extraction's steps so a huge page gets its turns. */
  getPaced(pause: () => Promise<void>, timings?: ExtractTimings): Promise<Extraction | null>;
}

/** `onStale` runs when the page changes after an extraction: whatever was built from it can go. */
export function createArticleCache(doc: Document, onStale: () => void = () => {}): ArticleCache {
  let cached: Extraction | null | undefined;
  let observer: MutationObserver | null = null;

  function isOurs(record: MutationRecord): boolean {
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every((n) => OURS.has(n.nodeName));
  }

  function watch(): void {
    observer = new MutationObserver((records) => {
      if (records.every(isOurs)) return;
      cached = undefined;
      observer?.disconnect();
      observer = null;
      onStale();
    });
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
  }

  return {
    get fresh() {
      return cached !== undefined;
    },
    get(timings) {
      if (cached === undefined) {
        cached = extractContent(doc, timings ? { timings } : {});
        if (!observer) watch();
      }
      return cached;
    },
    async getPaced(pause, timings) {
      if (cached !== undefined) return cached;
      // Watch from the start: a change during a pause makes this result good for this once only.
      if (!observer) watch();
      const steps = extractSteps(doc, timings ? { timings } : {});
      let step = steps.next();
      while (!step.done) {
        await pause();
        step = steps.next();
      }
      if (observer) cached = step.value;
      return step.value;
    },
  };
}
