// Node side of one guard page: our extraction plus the text of expected.html, both serialized
// to text by the same in-page function.
import { extractOnTab, type Scripts } from '../../scripts/lib/extract-page.ts';
import type { EngineRun } from '../../scripts/lib/in-page/engine-harness.ts';
import type { OfflineTab } from '../../scripts/lib/offline-tab.ts';

export interface GuardRun {
  run: EngineRun;
  ours: string;
  expected: string;
}

export async function extractOnScripts(
  tab: OfflineTab,
  page: { body: Buffer; url: string },
  scripts: Scripts,
  expectedHtml: string,
  timeoutMs: number,
): Promise<GuardRun> {
  const run = await extractOnTab(tab, page, scripts, timeoutMs);
  const [ours, expected] = (await tab.page.evaluate(
    `[${JSON.stringify(run.article?.html ?? '')}, ${JSON.stringify(expectedHtml)}].map(globalThis.__declutterHarness.htmlToText)`,
  )) as [string, string];
  return { run, ours, expected };
}
