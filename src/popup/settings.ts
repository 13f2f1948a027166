/** The reading settings in the popup: the view's own controls, saved to storage.sync at once. */
import { settingsControls } from '../content/settings-controls';
import type { Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-storage';
import { $ } from './render';

export async function mountSettings(): Promise<void> {
  let current: Settings = await loadSettings();
  const controls = settingsControls(
    document,
    () => current,
    async (patch) => {
      current = { ...current, ...patch };
      controls.update(current);
      current = await saveSettings(patch);
    },
  );
  $('settings').append(controls.el);
  // A change from an open view (+/- keys) or another window shows here too.
  onSettingsChanged((s) => {
    current = s;
    controls.update(s);
  });
}
