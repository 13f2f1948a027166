/** Where things are, from the repo root, so suites and scripts agree. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = join(ROOT, 'e2e', 'pages');
/** DECLUTTER_EXTENSION_DIR points the suites at another unpacked build (e.g. a release candidate). */
export const CHROME_EXTENSION_DIR = process.env.DECLUTTER_EXTENSION_DIR ?? join(ROOT, 'dist', 'chrome');
/** The engine alone (build.mjs writes it beside the extension builds). */
export const ENGINE_BUNDLE = join(CHROME_EXTENSION_DIR, '..', 'engine.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fail with the fix in the message: a missing build otherwise shows up as a vague timeout. */
export function requireBuild(): string {
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${CHROME_EXTENSION_DIR} is missing: run \`npm run build\` first`);
  }
  return CHROME_EXTENSION_DIR;
}
