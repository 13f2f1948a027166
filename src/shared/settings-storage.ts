/** Settings in storage.sync, always read through normalize() so a bad value can't break a view. */
import browser from 'webextension-polyfill';
import { DEFAULTS, normalize, SCHEMA_VERSION, type Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    return normalize(await browser.storage.sync.get(null));
  } catch {
    return structuredClone(DEFAULTS);
  }
}

/** Saves the valid part of `patch`; returns the settings as now stored. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalize({ ...(await loadSettings()), ...patch, version: SCHEMA_VERSION });
  await browser.storage.sync.set({ ...next, version: SCHEMA_VERSION });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
