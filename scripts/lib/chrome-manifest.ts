// Is dist/chrome/manifest.json one Chrome understands? Chrome only warns about a key it does not
// know ("Unrecognized manifest key") and the Web Store reviewer sees that warning, so a
// Firefox-only key leaking into the Chrome build, or a typo, should fail the build instead.

/**
 * Every top-level key of a Manifest V3 extension, from Chrome's manifest reference
 * (developer.chrome.com/docs/extensions/reference/manifest), ChromeOS-only keys included.
 */
export const CHROME_MV3_KEYS = new Set([
  'action',
  'author',
  'automation',
  'background',
  'chrome_settings_overrides',
  'chrome_url_overrides',
  'commands',
  'content_scripts',
  'content_security_policy',
  'cross_origin_embedder_policy',
  'cross_origin_opener_policy',
  'declarative_net_request',
  'default_locale',
  'description',
  'devtools_page',
  'event_rules',
  'export',
  'externally_connectable',
  'file_browser_handlers',
  'file_handlers',
  'file_system_provider_capabilities',
  'homepage_url',
  'host_permissions',
  'icons',
  'import',
  'incognito',
  'input_components',
  'key',
  'manifest_version',
  'minimum_chrome_version',
  'name',
  'oauth2',
  'offline_enabled',
  'omnibox',
  'optional_host_permissions',
  'optional_permissions',
  'options_page',
  'options_ui',
  'permissions',
  'requirements',
  'sandbox',
  'short_name',
  'side_panel',
  'storage',
  'system_indicator',
  'tts_engine',
  'update_url',
  'version',
  'version_name',
  'web_accessible_resources',
]);

/** Keys of the nested objects we use, where Firefox's spelling differs from Chrome's. */
const NESTED: Record<string, Set<string>> = {
  background: new Set(['service_worker', 'type']),
  action: new Set(['default_icon', 'default_title', 'default_popup']),
};
const COMMAND_KEYS = new Set(['suggested_key', 'description']);

/** Problems with a Chrome MV3 manifest, one line each; empty when there are none. */
export function chromeManifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  for (const key of Object.keys(manifest)) {
    if (!CHROME_MV3_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  }
  for (const [key, known] of Object.entries(NESTED)) {
    for (const sub of Object.keys((manifest[key] as object | undefined) ?? {})) {
      if (!known.has(sub)) problems.push(`unknown key "${key}.${sub}"`);
    }
  }
  const commands = (manifest.commands ?? {}) as Record<string, object>;
  for (const [name, command] of Object.entries(commands)) {
    for (const sub of Object.keys(command)) {
      if (!COMMAND_KEYS.has(sub)) problems.push(`unknown key "commands.${name}.${sub}"`);
    }
  }
  return problems;
}
