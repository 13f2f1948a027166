// Runs in the page, after dist/engine.js: calls the engine the way the content script does and
// returns plain data. Exposed as globalThis.__declutterHarness.
import type { Article } from '../../../src/core/types.ts';
import { htmlToText } from './html-text.ts';

export interface EngineApi {
  extract(doc: Document): Article | null;
  isReadable(doc: Document): boolean;
}

export interface EngineRun {
  article: Article | null;
  readable: boolean | null;
  /** In-page time of extract() alone, ms. */
  ms: number;
  error?: string;
  /** Whether extract() changed the live document (it must not). */
  mutated: boolean;
}

declare global {
  var DeclutterEngine: EngineApi | undefined;
  var __declutterHarness: typeof harness | undefined;
}

/** Cheap fingerprint of the live document, to notice an extractor that mutates it. */
export function fingerprint(doc: Document): string {
  return `${doc.getElementsByTagName('*').length}:${doc.documentElement?.textContent?.length ?? 0}`;
}

export function runEngine(doc: Document = document): EngineRun {
  const engine = globalThis.DeclutterEngine;
  if (!engine)
    return { article: null, readable: null, ms: 0, error: 'DeclutterEngine missing', mutated: false };
  const before = fingerprint(doc);
  let article: Article | null = null;
  let error: string | undefined;
  const t0 = performance.now();
  try {
    article = engine.extract(doc);
  } catch (e) {
    error = `extract: ${describe(e)}`;
  }
  const ms = performance.now() - t0;
  let readable: boolean | null = null;
  try {
    readable = engine.isReadable(doc);
  } catch (e) {
    error ??= `isReadable: ${describe(e)}`;
  }
  const run: EngineRun = { article, readable, ms, mutated: fingerprint(doc) !== before };
  if (error) run.error = error;
  return run;
}

export function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

const harness = { runEngine, htmlToText };
globalThis.__declutterHarness = harness;
