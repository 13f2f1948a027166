/**
 * While in-place hiding is on, the page goes on building itself: a share bar re-rendered every
 * second, an offer box injected after load. This watches for added elements and hands the parts
 * of the page that changed to one callback, in batches:
 *
 *   MutationObserver (childList, subtree) ─▶ pending parents (a Set) ─▶ next animation frame ─▶ onBatch(roots)
 *
 * - Only added *elements* count. Attributes are not observed at all, so the attribute the hider
 *   sets never comes back as a mutation: a batch can't trigger another batch.
 * - A root is the parent an element was added to: a walk of it visits the new element itself
 *   (findClutter never tests its root) and its siblings.
 * - The frame runs before paint, so a block added in one task is hidden before it is ever seen.
 * - Bounded work: past MAX_ROOTS distinct parents in one frame the batch is one pass over the
 *   whole page instead; and after a batch that took t ms the next waits at least DUTY × t, so on a
 *   page that rebuilds itself without pause we take at most ~1/(DUTY+1) of its main thread.
 * - Background tabs get no frames: changes wait (bounded the same way) until the tab is shown.
 */

/** Our own hosts (the view, a notice) are added to the page too: they are never clutter. */
const OURS = /^declutter-/;
const MAX_ROOTS = 64;
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
      if (record.target.nodeType !== 1 || !addsElement(record.addedNodes)) continue;
      pending.add(record.target as Element);
      if (pending.size > MAX_ROOTS) {
        whole = true;
        pending.clear();
      }
    }
    schedule();
  });

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

function addsElement(nodes: NodeList): boolean {
  for (const node of nodes) {
    if (node.nodeType === 1 && !OURS.test((node as Element).localName)) return true;
  }
  return false;
}

/** The roots still in the page, without those inside another root (its walk covers them). */
function outermost(roots: Set<Element>): Element[] {
  const live = [...roots].filter((el) => el.isConnected);
  return live.filter((el) => !live.some((other) => other !== el && other.contains(el)));
}
