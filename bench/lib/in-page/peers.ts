// Runs in the page, after dist/engine.js: our engine and the two peers on one page load, each on
// its own copy of the document, text derived the same way for all three. globalThis.__declutterBench.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { describe, fingerprint, runEngine } from '../../../scripts/lib/in-page/engine-harness.ts';
import { htmlToText } from '../../../scripts/lib/in-page/html-text.ts';

export interface PeerRun {
  text: string;
  ms: number;
  /** The extractor returned nothing. */
  empty: boolean;
  error?: string;
}

export interface OursRun extends PeerRun {
  /** The engine's own `text` field, to compare with the uniform text above. */
  engineText: string;
  readable: boolean | null;
  removed: { rule: string; group: string; text: string }[];
  mutated: boolean;
  /** Our article's markup, only when asked for (`--html`): to study the output offline. */
  html?: string;
}

export interface BenchRun {
  ours: OursRun;
  readability: PeerRun;
  defuddle: PeerRun & { mutated: boolean };
  /** Readability's own readerable check, a baseline for isReadable. */
  readerable: boolean | null;
}

function runPeer(extract: () => string | null | undefined): PeerRun {
  const t0 = performance.now();
  try {
    const html = extract();
    const ms = performance.now() - t0;
    return { text: html ? htmlToText(html) : '', ms, empty: !html };
  } catch (e) {
    return { text: '', ms: performance.now() - t0, empty: true, error: describe(e) };
  }
}

/** A peer left out of this run (`--ours-only`): scored as empty, and replaced from `--peers` if given. */
const SKIPPED: PeerRun = { text: '', ms: 0, empty: true, error: 'skipped' };

export function runAll(oursOnly = false, withHtml = false): BenchRun {
  // Readability mutates what it is given, so it gets a clone taken before anything else runs.
  const t0 = performance.now();
  const clone = document.cloneNode(true) as Document;
  const cloneMs = performance.now() - t0;

  const run = runEngine(document);
  const a = run.article;
  const ours: OursRun = {
    text: a ? htmlToText(a.html) : '',
    engineText: a?.text ?? '',
    ms: run.ms,
    empty: !a,
    readable: run.readable,
    removed: (a?.removed ?? []).map((r) => ({ rule: r.rule, group: r.group, text: r.text })),
    mutated: run.mutated,
  };
  if (run.error) ours.error = run.error;
  if (withHtml && a) ours.html = a.html;
  if (oursOnly)
    return { ours, readability: SKIPPED, defuddle: { ...SKIPPED, mutated: false }, readerable: null };

  const readability = runPeer(() => new Readability(clone).parse()?.content);
  readability.ms += cloneMs;

  // Defuddle is built to run on the live document (it reads its style sheets) and clones it itself.
  const before = fingerprint(document);
  const defuddle = {
    ...runPeer(() => new Defuddle(document, { url: location.href, useAsync: false }).parse().content),
    mutated: false,
  };
  defuddle.mutated = fingerprint(document) !== before;

  let readerable: boolean | null = null;
  try {
    readerable = isProbablyReaderable(document);
  } catch {
    readerable = null;
  }
  return { ours, readability, defuddle, readerable };
}

declare global {
  var __declutterBench: { runAll: typeof runAll } | undefined;
}
globalThis.__declutterBench = { runAll };
