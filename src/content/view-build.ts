/**
 * The view's content, built in memory before it is shown: toolbar, the header (title, byline,
 * site · date · reading time) and the sanitized article. The toolbar's panels (text settings,
 * what was hidden) start empty: their content comes with the view's extras (extras.ts), loaded
 * when a panel first opens. `sync` applies settings to all of it, at build time and on every
 * later change.
 */
import type { Extraction } from '../core/extract';
import { findClutter } from '../core/find-clutter';
import { importSafe, sanitizeArticle } from '../core/sanitize';
import type { Removal } from '../core/types';
import { t, uiDir, uiLang } from '../shared/i18n';
import { neverHideOn, type Settings } from '../shared/settings';
import { h, sheetFor } from './dom';
import { type Extras, type ExtrasEngine, loadExtras, loadedExtras } from './extras';
import type { HiddenPanel } from './hidden-panel';
import type { LiveSettings } from './live-settings';
import type { SettingsControls } from './settings-controls';
import { createToolbar, type Toolbar } from './view-toolbar';

export interface ViewEnv {
  settings: LiveSettings;
  /** The page's hostname: the key of per-site choices. */
  site: string;
  /** The view's shadow root: the extras' stylesheet is adopted there. */
  shadow: ShadowRoot;
  close(): void;
}

export interface BuiltView {
  root: HTMLElement;
  body: HTMLElement;
  toolbar: Toolbar;
  sync(settings: Settings): void;
}

type Article = Extraction['article'];

/**
 * True when the view must show some removed blocks from the start: the person chose "Never hide"
 * on this site for a rule that left something out. Those blocks need the extras.
 */
export function needsExtras(removed: Removal[], settings: Settings, site: string): boolean {
  const never = neverHideOn(settings, site);
  return removed.some((r) => never.includes(r.rule));
}

export function buildView(doc: Document, { article, content: safe }: Extraction, env: ViewEnv): BuiltView {
  const { settings } = env;
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', { class: 'dc-title', id: 'dc-title' }, article.title),
    article.byline ? h(doc, 'p', { class: 'dc-byline' }, article.byline) : null,
    metaLine(doc, article),
  );
  const body = h(doc, 'article', { class: 'dc-article' });
  // Sanitized once by extract: copied in (importSafe), not re-parsed.
  body.append(importSafe(safe, doc));

  const settingsBox = h(doc, 'div');
  const hiddenBox = h(doc, 'div');
  let controls: SettingsControls | undefined;
  let hidden: HiddenPanel | undefined;
  const win = doc.defaultView;
  const engine: ExtrasEngine = {
    findClutter,
    sanitizeBlock: (source) => (win ? importSafe(sanitizeArticle(source, win), doc) : null),
  };

  /** Builds both panels into their boxes, once, from the extras. */
  function attach(extras: Extras): void {
    if (controls) return;
    env.shadow.adoptedStyleSheets = [...env.shadow.adoptedStyleSheets, sheetFor(extras.css)];
    controls = extras.settingsControls(doc, () => settings.current, settings.set);
    hidden = extras.hiddenPanel(doc, article.removed, body, engine, settings, env.site);
    settingsBox.append(controls.el);
    hiddenBox.append(hidden.el);
  }
  const withExtras = () => loadExtras().then(attach);

  const toolbar = createToolbar(
    doc,
    [
      { key: 'settings', label: t('viewSettings'), panel: settingsBox, onOpen: withExtras },
      {
        key: 'hidden',
        label: t('viewHidden', String(article.removed.length)),
        panel: hiddenBox,
        onOpen: () => withExtras().then(() => hidden?.fill()),
      },
    ],
    env.close,
  );

  const root = h(
    doc,
    'div',
    {
      class: 'dc-root',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'dc-title',
      tabindex: '-1',
      lang: uiLang(),
      dir: uiDir(),
    },
    toolbar.el,
    // The article's language and direction, not the UI's (an English article in an Arabic UI
    // stays LTR): lang="" says "unknown"; without a stated dir its own text decides (dir=auto).
    h(doc, 'main', { class: 'dc-page', lang: article.lang ?? '', dir: article.dir ?? 'auto' }, header, body),
  );

  function sync(s: Settings): void {
    root.dataset.theme = s.theme;
    root.dataset.font = s.font;
    root.style.setProperty('--fs', `${s.fontSize}px`);
    root.style.setProperty('--lh', String(s.lineHeight));
    root.style.setProperty('--w', `${s.width * 16}px`);
    controls?.update(s);
    hidden?.sync(s);
    // "Never hide" chosen for this site elsewhere (another tab) while this view is open.
    if (!hidden && needsExtras(article.removed, s, env.site)) void withExtras().catch(() => {});
  }
  const ready = loadedExtras();
  if (ready) attach(ready);
  return { root, body, toolbar, sync };
}

/** site · date · reading time; the date only when the byline does not already give it. */
function metaLine(doc: Document, article: Article): HTMLElement {
  const parts: HTMLElement[] = [];
  if (article.siteName) parts.push(h(doc, 'span', { class: 'dc-site' }, article.siteName));
  const date = dateOf(article);
  if (date) parts.push(h(doc, 'span', {}, date));
  parts.push(h(doc, 'span', { lang: uiLang() }, t('viewMinutes', String(article.readingMinutes))));
  const meta = h(doc, 'p', { class: 'dc-meta' });
  for (const [i, part] of parts.entries()) meta.append(...(i ? [' · ', part] : [part]));
  return meta;
}

function dateOf(article: Article): string | null {
  const raw = article.publishedTime;
  if (!raw) return null;
  // The calendar date the page states (a bare ISO date is UTC midnight), not that instant in
  // the reader's time zone.
  const date = new Date(/^\d{4}-\d\d-\d\d/.test(raw) ? raw.slice(0, 10) : raw);
  if (Number.isNaN(date.getTime())) return raw;
  const year = String(date.getUTCFullYear());
  const byline = article.byline ?? '';
  if (
    byline.includes(year) &&
    new RegExp(`(^|\\D)0?${date.getUTCDate()}(\\D|$)`).test(byline.replace(year, ''))
  )
    return null;
  const style = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
  try {
    return date.toLocaleDateString(article.lang ?? undefined, style);
  } catch {
    // A page's lang="en_US" is no locale: the reader's own then.
    return date.toLocaleDateString(undefined, style);
  }
}
