/**
 * While in-place hiding is on, the page goes on building itself: a share bar re-rendered every
 * second, an offer box injected after load. This watches for added elements and hands them to
 * one callback, in batches:
 *
 *   MutationObserver (childList, subtree) ─▶ pending added elements (a Set) ─▶ next animation frame ─▶ onBatch(roots)
 *
 * - Only added *elements* count. Attributes are not observed at all, so the attribute the hider
 *   sets never comes back as a mutation: a batch can't trigger another batch.
 * - The frame runs before paint, so a block added in one task is hidden before it is ever seen.
 * - Bounded work: a batch holds what was added and is still there (elements inside another added
 *   one are left to its walk), and past MAX_ROOTS of them it is one pass over the whole page; after a
 *   batch that took t ms the next waits at least DUTY × t, so on a page that rebuilds itself
 *   without pause we take at most ~1/(DUTY+1) of its main thread.
 * - Background tabs get no frames: changes wait (bounded the same way) until the tab is shown.
 */

/** Our own hosts (the view, a notice) are added to the page too: they are never clutter. */
const OURS = /^declutter-/;
const MAX_ROOTS = 256;
const DUTY = 4;

export type Roots = Document | Element[];

/** Starts watching `doc`; the returned function stops it (nothing stays scheduled). */
export function watchAdded(doc: Document, onBatch: (roots: Roots) => void): () => void {
  const pending = new Set<Element>();
  let whole = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let notBefore = 0;

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (whole) break;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || OURS.test((node as Element).localName)) continue;
        pending.add(node as Element);
        if (pending.size > MAX_ROOTS && !prune()) {
          whole = true;
          pending.clear();
          break;
        }
      }
    }
    schedule();
  });

  /** Drops pending elements the page already took out again (churn); false if still too many. */
  function prune(): boolean {
    for (const el of pending) if (!el.isConnected) pending.delete(el);
    return pending.size <= MAX_ROOTS;
  }

  function schedule(): void {
    if (frame || timer !== undefined || (!whole && pending.size === 0)) return;
    const wait = notBefore - performance.now();
    if (wait <= 0) {
      frame = requestAnimationFrame(run);
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      frame = requestAnimationFrame(run);
    }, wait);
  }

  function run(): void {
    frame = 0;
    const started = performance.now();
    const roots: Roots = whole ? doc : outermost(pending);
    pending.clear();
    whole = false;
    try {
      onBatch(roots);
    } finally {
      notBefore = performance.now() + (performance.now() - started) * DUTY;
    }
    // What the page added while we worked is already queued; the observer schedules it.
  }

  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    pending.clear();
    whole = false;
  };
}

/** The added elements still in the page, without those inside another one (its walk covers them). */
function outermost(roots: Set<Element>): Element[] {
  const live = [...roots].filter((el) => el.isConnected);
  return live.filter((el) => !live.some((other) => other !== el && other.contains(el)));
}
