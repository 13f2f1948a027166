/**
 * The sample news page through the reading view, in Chromium. The scenarios live in
 * e2e/scenarios/sample-article.ts and run in Firefox too (e2e/firefox/).
 */
import { after, before, test } from 'node:test';
import { type E2eSession, startSession } from './lib/session';
import { chromiumDriver } from './scenarios/chromium-driver';
import { sampleArticleScenarios } from './scenarios/sample-article';

let s: E2eSession;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

for (const scenario of sampleArticleScenarios) {
  test(scenario.name, () => scenario.run(chromiumDriver(s)));
}
