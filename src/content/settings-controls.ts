/**
 * The reading settings as real form controls: radio groups for font and theme, −/+ buttons for
 * size, width and line spacing. Built once and shared by the view's toolbar and the popup, so
 * both offer the same choices with the same names; `update` reflects settings changed elsewhere.
 */
import { t } from '../shared/i18n';
import { FONTS, type NumericSetting, type Settings, stepped, THEMES } from '../shared/settings';
import { h } from './dom';

export interface SettingsControls {
  el: HTMLElement;
  update(settings: Settings): void;
}

const STEPS: [NumericSetting, string][] = [
  ['fontSize', 'setSize'],
  ['width', 'setWidth'],
  ['lineHeight', 'setLineHeight'],
];

export function settingsControls(
  doc: Document,
  get: () => Settings,
  set: (patch: Partial<Settings>) => void,
): SettingsControls {
  const radios: HTMLInputElement[] = [];
  const choice = (name: 'font' | 'theme', values: readonly string[]) =>
    h(
      doc,
      'fieldset',
      { class: name },
      h(doc, 'legend', {}, t(name === 'font' ? 'setFont' : 'setTheme')),
      ...values.map((value) => {
        const input = h(doc, 'input', { type: 'radio', name: `dc-${name}`, value });
        input.addEventListener('change', () => set({ [name]: value }));
        radios.push(input);
        return h(doc, 'label', { 'data-value': value }, input, h(doc, 'span', {}, t(`${name}_${value}`)));
      }),
    );

  const values = new Map<NumericSetting, HTMLElement>();
  const step = ([key, label]: [NumericSetting, string]) => {
    const id = `dc-${key}-label`;
    const button = (direction: 1 | -1, glyph: string) => {
      const b = h(
        doc,
        'button',
        { type: 'button', 'aria-label': t(`${label}${direction > 0 ? 'Up' : 'Down'}`) },
        glyph,
      );
      // Never disabled at a limit (a focused button that disables itself drops focus): it just stays.
      b.addEventListener('click', () => set({ [key]: stepped(get(), key, direction) }));
      return b;
    };
    const value = h(doc, 'span', { class: 'val', id: `${id}-v` });
    values.set(key, value);
    return h(
      doc,
      'div',
      // Named "Text size 20": the label and the current value.
      { class: 'step', role: 'group', 'aria-labelledby': `${id} ${id}-v` },
      h(doc, 'span', { id }, t(label)),
      button(-1, '−'),
      value,
      button(1, '+'),
    );
  };

  const el = h(
    doc,
    'div',
    {},
    choice('font', FONTS),
    h(doc, 'div', { class: 'steps' }, ...STEPS.map(step)),
    choice('theme', THEMES),
  );

  function update(s: Settings): void {
    for (const r of radios) r.checked = r.value === s[r.name === 'dc-font' ? 'font' : 'theme'];
    for (const [key, value] of values) value.textContent = String(s[key]);
  }
  update(get());
  return { el, update };
}
