// In-page code is bundled at run time with esbuild rather than passed as a function to
// page.evaluate: tsx compiles with keepNames, whose `__name` helper does not exist in the page.
import { readdir, readFile, stat } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const cache = new Map<string, Promise<string>>();

/** An IIFE script for `entry` (a .ts file that sets a global), cached per process. */
export function bundleForPage(entry: string): Promise<string> {
  let code = cache.get(entry);
  if (!code) {
    code = esbuild
      .build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        target: ['chrome111'],
        write: false,
        logLevel: 'warning',
        legalComments: 'none',
        // Smaller source parses faster; it is injected into every page the benchmarks load.
        minify: true,
      })
      .then((r) => r.outputFiles[0]!.text);
    cache.set(entry, code);
  }
  return code;
}

export const DEFAULT_ENGINE = new URL('../../dist/engine.js', import.meta.url).pathname;

/** The built engine, the same file the content script's build produces; run `npm run build` first. */
export async function readEngine(path = process.env.DECLUTTER_ENGINE ?? DEFAULT_ENGINE): Promise<string> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch {
    throw new Error(`engine not found at ${path}: run \`npm run build\` first (or pass --engine FILE)`);
  }
  if (path === DEFAULT_ENGINE) await warnIfStale(path);
  return source;
}

/** Figures from an old build are easy to mistake for the current code's: say so on stderr. */
async function warnIfStale(engine: string): Promise<void> {
  const core = new URL('../../src/core/', import.meta.url).pathname;
  const built = (await stat(engine)).mtimeMs;
  const names = await readdir(core).catch(() => [] as string[]);
  const times = await Promise.all(names.map((n) => stat(core + n).then((s) => s.mtimeMs)));
  if (times.some((t) => t > built)) {
    console.error(
      'warning: src/core changed after dist/engine.js was built; run `npm run build` for current figures',
    );
  }
}
