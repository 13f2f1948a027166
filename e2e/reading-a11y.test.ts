/**
 * axe-core (through @axe-core/playwright) finds no violation in the reading view or the popup,
 * in light and dark, with each panel open. The popup is checked as a page of its own
 * (popup.html?tab=ID acts on that tab), since axe needs a Playwright page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { tabIdOf } from './lib/reading-view';
import { toggleFromToolbar } from './lib/session';
import { VIEW_TAG } from './lib/view';

let s: ReadingSession;
before(async () => {
  s = await startReading();
});
after(async () => {
  await s?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every WCAG A/AA rule and axe's best practices; the violations as "rule: targets" lines. */
async function violations(page: Page, scope?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) axe.include(scope);
  const { violations } = await axe.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * The view, checked twice. As it is (a host after <body>, the page skipped): every rule, but axe
 * builds the grid it finds backgrounds on from <body>, so it can judge no contrast out there
 * (it reports them "incomplete"). Then with the host moved into a shown <body> for a moment (our
 * cover sheet set aside), for color-contrast alone, which must judge every text (no
 * "incomplete"), then put back.
 */
async function viewViolations(page: Page): Promise<string[]> {
  const found = await violations(page, VIEW_TAG);
  await page.evaluate((tag) => {
    const host = document.querySelector(tag) as HTMLElement;
    if (host.matches(':popover-open')) host.hidePopover();
    const w = window as unknown as { __cover?: CSSStyleSheet[] };
    w.__cover = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [];
    document.body.append(host);
  }, VIEW_TAG);
  try {
    const result = await new AxeBuilder({ page }).include(VIEW_TAG).withRules(['color-contrast']).analyze();
    const judged = result.passes.flatMap((r) => r.nodes).length;
    const unsure = result.incomplete
      .flatMap((r) => r.nodes)
      .filter((n) => !n.any.some((c) => (c.data as { messageKey?: string } | null)?.messageKey === 'nonBmp'));
    assert.ok(judged > 5, `axe judged the contrast of the view's text (${judged} nodes)`);
    assert.deepEqual(
      unsure.map((n) => n.target),
      [],
      'no text whose contrast axe could not judge (an icon glyph aside)',
    );
    return [
      ...found,
      ...result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    ];
  } finally {
    await page.evaluate((tag) => {
      const host = document.querySelector(tag) as HTMLElement;
      document.documentElement.append(host);
      document.adoptedStyleSheets = (window as unknown as { __cover: CSSStyleSheet[] }).__cover;
      if (host.popover) host.showPopover();
    }, VIEW_TAG);
  }
}

const panelButton = (page: Page, name: RegExp) => page.locator(VIEW_TAG).getByRole('button', { name });

/** Clicks a panel's button and waits until its panel is `open` (the first opening loads it: extras.ts). */
async function togglePanel(page: Page, name: RegExp, open: boolean): Promise<void> {
  await panelButton(page, name).click();
  await page.locator(VIEW_TAG).locator(`button[aria-expanded="${open}"]`, { hasText: name }).waitFor();
}

test('the reading view has no axe violations, in light and dark, with each panel open', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await toggleFromToolbar(s.browser, page, true);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await viewViolations(page), [], `${colorScheme}: the view`);
    await togglePanel(page, /Text & theme/, true);
    assert.deepEqual(await viewViolations(page), [], `${colorScheme}: text settings open`);
    await togglePanel(page, /What was hidden/, true);
    assert.deepEqual(await viewViolations(page), [], `${colorScheme}: what was hidden open`);
    await togglePanel(page, /What was hidden/, false);
  }
  // The themes a person picks, whatever the system says.
  await togglePanel(page, /Text & theme/, true);
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.locator(VIEW_TAG).getByRole('radio', { name: theme, exact: true }).click();
    assert.deepEqual(await viewViolations(page), [], `theme ${theme}`);
  }
});

test('the popup has no axe violations, in light and dark, settings open', async () => {
  const url = s.server.url('/sample-article.html');
  const page = s.browser.page;
  await page.goto(url);
  await toggleFromToolbar(s.browser, page, true);
  const popup = await s.browser.context.newPage();
  try {
    await popup.setViewportSize({ width: 320, height: 700 });
    await popup.goto(
      `chrome-extension://${s.browser.extensionId}/popup.html?tab=${await tabIdOf(s.browser, url)}`,
    );
    await popup.waitForSelector('#read:not([hidden])');
    assert.match(
      (await popup.textContent('#read')) ?? '',
      /Close reading view/,
      'the popup acts on the article tab',
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await violations(popup), [], `${colorScheme}: the popup`);
    }
    await popup.click('#settings summary');
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await violations(popup), [], `${colorScheme}: the popup with its settings open`);
    }
  } finally {
    await popup.close();
  }
});

/** Names of the page's accessibility tree (Chromium's own, through DevTools), flattened to one text. */
async function axText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored?: boolean; name?: { value?: unknown } }[];
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => String(n.name?.value ?? ''))
      .join('\n');
  } finally {
    await cdp.detach();
  }
}

test('while the view is open the page beneath is out of the accessibility tree and the focus order', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  // A page-only text: the view drops skip links.
  const pageOnly = 'Skip to: Site Navigation';
  assert.match(await axText(page), /Skip to: Site Navigation/, 'the page is in the tree before');
  await toggleFromToolbar(s.browser, page, true);
  const open = await axText(page);
  assert.ok(!open.includes(pageOnly), 'the page beneath is not in the tree');
  assert.match(open, /Close reading view|Close/, "the view's controls are");
  // Tab after Tab stays in the view: nothing of the page beneath takes focus.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inView = await page.evaluate((tag) => document.activeElement?.localName === tag, VIEW_TAG);
    assert.ok(inView, `Tab ${i + 1}: focus is in the view`);
  }
  await toggleFromToolbar(s.browser, page, false);
  assert.match(await axText(page), /Skip to: Site Navigation/, 'the page is back in the tree after closing');
});
