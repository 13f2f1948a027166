/**
 * The settings as this tab sees them: loaded once when the content script arrives, kept current
 * from storage.onChanged (the popup, another tab), changed locally at once and saved a moment
 * later, so holding "+" applies every step but writes storage.sync once (it has a write quota).
 */
import { DEFAULTS, normalize, SCHEMA_VERSION, type Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-storage';

const SAVE_DELAY_MS = 250;

export interface LiveSettings {
  readonly current: Settings;
  /** Resolves once the stored settings are in (or the defaults, if storage failed). */
  readonly ready: Promise<unknown>;
  set(patch: Partial<Settings>): void;
  /** Calls `fn` on every change from here or elsewhere; returns the unsubscribe function. */
  subscribe(fn: (s: Settings) => void): () => void;
}

export function createLiveSettings(): LiveSettings {
  let current = structuredClone(DEFAULTS);
  let pending: Partial<Settings> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(s: Settings) => void>();
  const notify = () => {
    for (const fn of listeners) fn(current);
  };

  const ready = loadSettings().then((s) => {
    current = s;
    notify();
  });
  onSettingsChanged((s) => {
    // Our own unsaved steps are newer than whatever storage reports meanwhile.
    if (pending) return;
    current = s;
    notify();
  });

  function flush(): void {
    const patch = pending;
    if (!patch) return;
    void saveSettings(patch).finally(() => {
      if (pending === patch) pending = null;
    });
  }

  return {
    get current() {
      return current;
    },
    ready,
    set(patch) {
      current = normalize({ ...current, ...patch, version: SCHEMA_VERSION });
      pending = { ...pending, ...patch };
      clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
      notify();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
