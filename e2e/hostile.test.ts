/**
 * Hostile article markup never runs in the reading view, in Chromium. The scenario lives in
 * e2e/scenarios/hostile.ts and runs in Firefox too (e2e/firefox/).
 */
import { after, before, test } from 'node:test';
import { type E2eSession, startSession } from './lib/session';
import { chromiumDriver } from './scenarios/chromium-driver';
import { hostileScenarios } from './scenarios/hostile';

let s: E2eSession;
before(async () => {
  s = await startSession();
});
after(async () => {
  await s?.close();
});

for (const scenario of hostileScenarios) {
  test(scenario.name, () => scenario.run(chromiumDriver(s)));
}
