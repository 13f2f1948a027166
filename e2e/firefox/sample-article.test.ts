/**
 * The sample news page through the reading view, in Firefox ESR: the scenarios of
 * e2e/sample-article.test.ts (Chromium), from e2e/scenarios/sample-article.ts.
 */
import { after, before, test } from 'node:test';
import { type FirefoxSession, startFirefoxSession } from '../lib/firefox-driver';
import { sampleArticleScenarios } from '../scenarios/sample-article';

let s: FirefoxSession;
before(async () => {
  s = await startFirefoxSession();
});
after(async () => {
  await s?.close();
});

for (const scenario of sampleArticleScenarios) {
  test(`firefox: ${scenario.name}`, () => scenario.run(s.driver));
}
