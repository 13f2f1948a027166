/**
 * The view's extras (the settings panel, "What was hidden" and putting blocks back) and the
 * in-place hider (the popup's "Hide clutter on the page") live in a second bundle,
 * view-extras.js, that the first paint never needs (issue 6: content.js is
 * size-budgeted and every byte of it is injected on the first toggle). It is injected once per
 * page, only when the person first opens one of those panels or switches on in-place hiding, or
 * when the view opens on a site where they chose "Never hide" for a rule the view left out. The content script cannot inject
 * files itself: it asks the background, which runs scripting.executeScript into this very frame
 * (the tab's activeTab grant is the one that let content.js in). The extras bundle runs in this
 * script's isolated world, so it hands its exports over on a global that the page cannot see.
 *
 * The extras bundle must not bundle the engine a second time: what it needs of it (the clutter
 * rules, DOMPurify) comes in as an ExtrasEngine from here. build.mjs checks that it doesn't.
 */
import type { ClutterHit } from '../core/find-clutter';
import type { Removal } from '../core/types';
import { ext } from '../shared/i18n';
import type { Envelope } from '../shared/protocol';
import type { createClutterHider } from './clutter-hider';
import type { HiddenPanel } from './hidden-panel';
import type { LiveSettings } from './live-settings';
import type { settingsControls } from './settings-controls';

/** What the base script lends the extras for putting a removed block back in the view. */
export interface ExtrasEngine {
  findClutter(root: Document | Element): ClutterHit[];
  /** `source` (a live element) sanitized like the article and copied into its own document. */
  sanitizeBlock(source: Element): DocumentFragment | null;
}

export interface Extras {
  /** The panels' stylesheet, adopted into the view's shadow root next to the base one. */
  css: string;
  settingsControls: typeof settingsControls;
  createClutterHider: typeof createClutterHider;
  hiddenPanel(
    doc: Document,
    removed: Removal[],
    article: HTMLElement,
    engine: ExtrasEngine,
    settings: LiveSettings,
    site: string,
  ): HiddenPanel;
}

const KEY = Symbol.for('declutter.view-extras');
const scope = globalThis as { [KEY]?: Extras };
let loading: Promise<Extras> | undefined;

/** Called by view-extras.js when it runs. */
export function registerExtras(extras: Extras): void {
  scope[KEY] = extras;
}

/** The extras if they are already here (no waiting). */
export const loadedExtras = (): Extras | undefined => scope[KEY];

/** The extras, injected on the first call; a failed load is tried again on the next call. */
export function loadExtras(): Promise<Extras> {
  const have = scope[KEY];
  if (have) return Promise.resolve(have);
  // Through then(): an orphaned script's sendMessage throws at once instead of rejecting.
  loading ??= Promise.resolve()
    .then(() => ext.runtime.sendMessage({ type: 'load-extras', payload: null } satisfies Envelope))
    .then(() => scope[KEY] ?? Promise.reject(new Error('view-extras.js did not register')))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
