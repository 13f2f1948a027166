/**
 * The view's toolbar: disclosure buttons (text settings, what was hidden), each opening its panel
 * below the bar, and the close button. (Printing is the browser's own Ctrl+P, or the popup's
 * button: the print sheet makes either print the article alone.) One panel is open at a time; Esc
 * or a click in the article closes it. A status line announces what a key or button did.
 */
import { t } from '../shared/i18n';
import { h } from './dom';

export interface ToolbarItem {
  key: string;
  label: string;
  panel: HTMLElement;
  /**
   * Called each time the panel is about to open (e.g. to load and build its content the first
   * time); the panel opens once it settles, and stays closed if it fails.
   */
  onOpen?(): Promise<void> | void;
}

export interface Toolbar {
  el: HTMLElement;
  /** Closes the open panel and returns focus to its button; false if none was open. */
  closePanel(): boolean;
  /** Shows (and has screen readers read) a short message, until the next one. */
  announce(text: string): void;
}

export function createToolbar(doc: Document, items: ToolbarItem[], onClose: () => void): Toolbar {
  const buttons: [HTMLButtonElement, HTMLElement][] = [];
  const status = h(doc, 'p', { class: 'status', role: 'status' });

  function setOpen(index: number | null): void {
    buttons.forEach(([b, panel], i) => {
      b.setAttribute('aria-expanded', String(i === index));
      panel.hidden = i !== index;
    });
  }

  for (const [i, { key, label, panel, onOpen }] of items.entries()) {
    const id = `dc-panel-${key}`;
    const b = h(doc, 'button', { type: 'button', class: `tool ${key}`, 'aria-controls': id }, label);
    b.addEventListener('click', async () => {
      if (b.getAttribute('aria-expanded') === 'true') return setOpen(null);
      try {
        await onOpen?.();
      } catch (error) {
        console.warn('Declutter: the panel could not load', error);
        return;
      }
      setOpen(i);
    });
    panel.id = id;
    panel.classList.add('panel');
    buttons.push([b, panel]);
  }
  const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('viewClose') }, '✕');
  close.addEventListener('click', onClose);
  setOpen(null);

  // Each panel right after its button: Tab goes from a button into its open panel. (Absolutely
  // positioned, the panels take no room in the row; .bar is their containing block.)
  const el = h(
    doc,
    'div',
    { class: 'bar' },
    h(doc, 'div', { class: 'tools' }, ...buttons.flat(), status, close),
  );

  return {
    el,
    closePanel() {
      const open = buttons.find(([, panel]) => !panel.hidden);
      if (!open) return false;
      setOpen(null);
      open[0].focus();
      return true;
    },
    announce(text) {
      status.textContent = text;
    },
  };
}
