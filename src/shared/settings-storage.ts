/**
 * Settings in storage.sync, always read through normalize() so a bad value can't break a view.
 * Uses the API object from i18n.ts, not the polyfill: the content script reads settings too.
 */
import { ext } from './i18n';
import { DEFAULTS, normalize, SCHEMA_VERSION, type Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    return normalize(await ext.storage.sync.get(null));
  } catch {
    return structuredClone(DEFAULTS);
  }
}

/** Saves the valid part of `patch` over what is stored; returns the settings as now stored. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalize({ ...(await loadSettings()), ...patch, version: SCHEMA_VERSION });
  await ext.storage.sync.set({ ...next, version: SCHEMA_VERSION });
  return next;
}

/** For the life of the page (the content script's, the popup's): nothing ever unsubscribes. */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  ext.storage.onChanged.addListener((_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(listener);
  });
}
