/**
 * The view's keyboard: Esc closes the open panel, else the view; +/− step the font size; Tab and
 * Shift+Tab cycle through the view's own controls and links and never leave it (the page beneath
 * is inert, so without the trap focus would fall out to the browser's toolbar).
 */

/** What the view holds that takes focus: its controls and the article's links. */
const FOCUSABLE = 'a[href],button,input';

export interface KeyActions {
  closePanel(): boolean;
  close(): void;
  fontStep(direction: 1 | -1): void;
}

/** What Tab can reach in `container`, in order. */
function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    // Nothing of ours is ever disabled; of a radio group only the checked one is in the Tab order.
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) && el.checkVisibility(),
  );
}

export function handleKeys(root: ShadowRoot, container: HTMLElement, actions: KeyActions): void {
  root.addEventListener('keydown', (event) => {
    const e = event as KeyboardEvent;
    if (e.key === 'Escape') {
      e.preventDefault();
      if (!actions.closePanel()) actions.close();
    } else if (e.key === 'Tab') {
      const list = tabbable(container);
      const first = list[0];
      const last = list.at(-1);
      const active = root.activeElement;
      if (e.shiftKey && (active === first || active === container)) last?.focus();
      else if (!e.shiftKey && active === last) first?.focus();
      else return;
      e.preventDefault();
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      const direction = e.key === '+' || e.key === '=' ? 1 : e.key === '-' ? -1 : 0;
      if (!direction) return;
      e.preventDefault();
      actions.fontStep(direction);
    }
  });
}
