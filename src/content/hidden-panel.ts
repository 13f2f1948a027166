/**
 * "What was hidden": the blocks the clutter rules left out of the view, by rule, each with its
 * preview and a Show toggle; per rule, "Never hide on this site" (stored in settings.neverHide,
 * so it holds on every later visit, in the view and for in-place hiding); a reset for the site.
 * A block is in the view when the person showed it, or else when its rule is never hidden here.
 */
import type { Removal } from '../core/types';
import { t } from '../shared/i18n';
import { neverHideOn, type Settings, withNeverHide } from '../shared/settings';
import { h } from './dom';
import type { LiveSettings } from './live-settings';
import { type Restorer, ruleLabel } from './restore';

export interface HiddenPanel {
  el: HTMLElement;
  /** Brings the view and the buttons in line with the settings (e.g. changed in another tab). */
  sync(settings: Settings): void;
  /** Builds the list, on first opening: until then the view holds no clutter text at all. */
  fill(): void;
}

export function hiddenPanel(
  doc: Document,
  removed: Removal[],
  restorer: Restorer,
  settings: LiveSettings,
  site: string,
): HiddenPanel {
  const manual = new Map<number, boolean>();
  let never = new Set(neverHideOn(settings.current, site));
  const shows: HTMLButtonElement[] = [];
  const nevers = new Map<string, HTMLButtonElement>();
  const visible = (i: number) => manual.get(i) ?? never.has(removed[i]?.rule ?? '');

  const byRule = new Map<string, number[]>();
  for (const [i, r] of removed.entries()) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), i]);

  function sync(s: Settings): void {
    never = new Set(neverHideOn(s, site));
    removed.forEach((_r, i) => {
      if (visible(i) && !restorer.isShown(i)) restorer.show(i);
      else if (!visible(i)) restorer.hide(i);
      shows[i]?.setAttribute('aria-pressed', String(visible(i)));
    });
    for (const [rule, b] of nevers) b.setAttribute('aria-pressed', String(never.has(rule)));
  }

  function setNever(rule: string, on: boolean): void {
    for (const i of byRule.get(rule) ?? []) manual.delete(i);
    settings.set({ neverHide: withNeverHide(settings.current, site, rule, on) });
  }

  const section = ([rule, indexes]: [string, number[]], n: number) => {
    const first = removed[indexes[0] ?? 0] as Removal;
    const never = h(
      doc,
      'button',
      { type: 'button', class: 'never', 'aria-describedby': `dc-rule-${n}` },
      t('hiddenNever'),
    );
    never.addEventListener('click', () => setNever(rule, never.getAttribute('aria-pressed') !== 'true'));
    nevers.set(rule, never);
    return h(
      doc,
      'section',
      {},
      h(doc, 'h3', { id: `dc-rule-${n}` }, `${ruleLabel(first)} (${indexes.length})`),
      never,
      h(doc, 'ul', {}, ...indexes.map(item)),
    );
  };

  const item = (i: number) => {
    const show = h(doc, 'button', { type: 'button', 'aria-describedby': `dc-rm-${i}` }, t('hiddenShow'));
    show.addEventListener('click', () => {
      manual.set(i, !visible(i));
      sync(settings.current);
      if (visible(i)) restorer.show(i).scrollIntoView({ block: 'center' });
    });
    shows[i] = show;
    return h(doc, 'li', {}, h(doc, 'q', { id: `dc-rm-${i}` }, removed[i]?.text ?? ''), show);
  };

  const reset = h(doc, 'button', { type: 'button', class: 'reset' }, t('hiddenReset'));
  reset.addEventListener('click', () => {
    manual.clear();
    const { [site]: _gone, ...others } = settings.current.neverHide;
    settings.set({ neverHide: others });
  });

  const el = h(doc, 'div', { class: 'hid' });
  sync(settings.current);
  return {
    el,
    sync,
    fill() {
      if (el.firstChild) return;
      el.append(
        h(doc, 'p', { class: 'note' }, t(removed.length ? 'hiddenIntro' : 'hiddenNone')),
        ...[...byRule].map(section),
        reset,
      );
      sync(settings.current);
    },
  };
}
