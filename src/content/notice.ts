/** A short, self-removing notice in the page (role=status, so screen readers announce it). */
import { h, shadowHost } from './dom';
import { NOTICE_CSS } from './view-styles';

const NOTICE_MS = 3500;
let current: { host: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

export function showNotice(doc: Document, text: string): void {
  dismissNotice();
  const { host, root } = shadowHost(doc, 'declutter-notice', NOTICE_CSS);
  root.append(h(doc, 'div', { class: 'dc-notice', role: 'status' }, text));
  doc.documentElement.append(host);
  current = { host, timer: setTimeout(dismissNotice, NOTICE_MS) };
}

export function dismissNotice(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.host.remove();
  current = null;
}
