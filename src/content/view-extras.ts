/**
 * Entry of view-extras.js, the second content bundle: the view's panels and the in-place hider,
 * injected into the page only when first used (see extras.ts). It hands them to content.js,
 * which is already there.
 */
import { createClutterHider } from './clutter-hider';
import { registerExtras } from './extras';
import { hiddenPanel } from './hidden-panel';
import { PANEL_CSS } from './panel-styles';
import { createRestorer } from './restore';
import { settingsControls } from './settings-controls';

registerExtras({
  css: PANEL_CSS,
  settingsControls,
  createClutterHider,
  hiddenPanel: (doc, removed, article, engine, settings, site) =>
    hiddenPanel(doc, removed, createRestorer(doc, article, removed, engine), settings, site),
});
