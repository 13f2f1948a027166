// Node side of one extraction: load the saved page in a tab, inject the built engine and the
// harness, run it, get plain data back.
import { createHash } from 'node:crypto';
import type { Article, Removal } from '../../src/core/types.ts';
import { bundleForPage, readEngine } from './bundle.ts';
import type { EngineRun } from './in-page/engine-harness.ts';
import type { OfflineTab } from './offline-tab.ts';

export const HARNESS_ENTRY = new URL('./in-page/engine-harness.ts', import.meta.url).pathname;

/** The scripts to inject into every page, read once. */
export interface Scripts {
  engine: string;
  harness: string;
  /** First 12 hex digits of the engine's SHA-256, to tell benchmark runs of different builds apart. */
  engineSha: string;
}

export async function loadScripts(enginePath?: string): Promise<Scripts> {
  const [engine, harness] = await Promise.all([readEngine(enginePath), bundleForPage(HARNESS_ENTRY)]);
  return { engine, harness, engineSha: createHash('sha256').update(engine).digest('hex').slice(0, 12) };
}

export async function extractOnTab(
  tab: OfflineTab,
  page: { body: Buffer; url: string },
  scripts: Scripts,
  timeoutMs: number,
): Promise<EngineRun> {
  await tab.load(page.body, page.url, timeoutMs);
  await tab.inject(scripts.engine);
  await tab.inject(scripts.harness);
  return (await tab.page.evaluate('globalThis.__declutterHarness.runEngine()')) as EngineRun;
}

/** One page of `extract --batch` output. */
export interface BatchRecord {
  text: string;
  title: string | null;
  byline: string | null;
  html: string;
  readable: boolean | null;
  ms: number;
  removed: Removal[];
  error?: string;
}

export function toRecord(run: EngineRun): BatchRecord {
  const a: Article | null = run.article;
  const record: BatchRecord = {
    text: a?.text ?? '',
    title: a?.title ?? null,
    byline: a?.byline ?? null,
    html: a?.html ?? '',
    readable: run.readable,
    ms: Math.round(run.ms * 100) / 100,
    removed: a?.removed ?? [],
  };
  if (run.error) record.error = run.error;
  return record;
}

export function errorRecord(error: Error): BatchRecord {
  return {
    text: '',
    title: null,
    byline: null,
    html: '',
    readable: null,
    ms: 0,
    removed: [],
    error: error.message,
  };
}
