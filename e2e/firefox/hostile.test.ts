/**
 * Hostile article markup never runs in the reading view, in Firefox ESR: the scenario of
 * e2e/hostile.test.ts (Chromium), from e2e/scenarios/hostile.ts.
 */
import { after, before, test } from 'node:test';
import { type FirefoxSession, startFirefoxSession } from '../lib/firefox-driver';
import { hostileScenarios } from '../scenarios/hostile';

let s: FirefoxSession;
before(async () => {
  s = await startFirefoxSession();
});
after(async () => {
  await s?.close();
});

for (const scenario of hostileScenarios) {
  test(`firefox: ${scenario.name}`, () => scenario.run(s.driver));
}
