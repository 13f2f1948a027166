/** Building our own UI without HTML strings: element, attributes, text children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child !== null) el.append(child);
  return el;
}

/** One constructable stylesheet per CSS text, shared by every view this content script opens. */
const sheets = new Map<string, CSSStyleSheet>();
export function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** A host element of ours with an open shadow root styled by `css`, not yet in the page. */
export function shadowHost(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheetFor(css)];
  return { host, root };
}

/** A sheet's first rule as text ('' for a sheet we can't read). */
export function ruleText(sheet: CSSStyleSheet): string {
  try {
    return sheet.cssRules[0]?.cssText ?? '';
  } catch {
    return '';
  }
}
