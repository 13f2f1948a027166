// Mozilla's add-ons linter (what addons.mozilla.org and `web-ext lint` run) on the Firefox build:
// `npm run lint:firefox` (builds, then lints dist/firefox) or `tsx scripts/lint-firefox.ts <folder|.zip>`. It fails on any error, and on any
// warning not listed in EXPLAINED below; each listed one is explained in the README too.
import { pathToFileURL } from 'node:url';
import linter, { type LinterMessage } from 'addons-linter';

/**
 * Warnings we ship with, by code and file, at most `count` of each.
 * UNSAFE_VAR_ASSIGNMENT: innerHTML assignments inside two libraries bundled into content.js, never
 * in our code and never on the live page. Readability (two) works on the detached clone of the
 * page that extract() hands it (a Document without a window: nothing in it loads or runs): it
 * restores that clone's body from its own serialization before a retry, and re-parses
 * <noscript> image markup there. DOMPurify (one) fills an inert document of its own when
 * DOMParser is unavailable. What reaches the reading view is DOMPurify's sanitized output.
 */
export const EXPLAINED: { code: string; file: string; count: number }[] = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'content.js', count: 3 },
];

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
  /** Errors and unexplained warnings, one line each: empty means the build passes. */
  problems: string[];
}

/** Lints a folder or .zip; returns the linter's messages and what is wrong with them. */
export async function lintFirefox(path: string): Promise<LintReport> {
  const instance = linter.createInstance({
    config: {
      _: [path],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: false,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  const result = await instance.run();
  const problems = result.errors.map((e) => `error ${e.code} ${e.file ?? ''}: ${e.message}`);
  const counts = new Map<string, number>();
  for (const w of result.warnings) {
    const key = `${w.code} ${w.file ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) {
    const allowed = EXPLAINED.find((e) => `${e.code} ${e.file}` === key)?.count ?? 0;
    if (n > allowed) problems.push(`unexplained warning ${key} (${n}, explained: ${allowed})`);
  }
  return { summary: result.summary, errors: result.errors, warnings: result.warnings, problems };
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const path = process.argv[2] ?? 'dist/firefox';
  const { summary, warnings, problems } = await lintFirefox(path);
  for (const w of warnings) console.log(`warning ${w.code} ${w.file ?? ''}:${w.line ?? ''} ${w.message}`);
  console.log(
    `addons-linter ${path}: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`,
  );
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('every warning is an explained one (see EXPLAINED in scripts/lint-firefox.ts and the README)');
}
