/**
 * Taking the article away: "Copy as Markdown" in the popup puts exactly the article's Markdown on
 * the clipboard (what the extraction CLI prints for it: the engine's article through turndown),
 * "Save as .md" downloads the same text, and printing while the view is open prints the article
 * alone, over as many pages as it needs.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import TurndownService from 'turndown';
import { ENGINE_BUNDLE } from './lib/paths';
import { type ReadingSession, startReading } from './lib/reading-browser';
import { clickInPopup } from './lib/reading-view';
import { toggleFromToolbar } from './lib/session';
import { clickToolbar, closePopup } from './lib/toolbar';
import { VIEW_TAG } from './lib/view';

let s: ReadingSession;
before(async () => {
  s = await startReading();
});
after(async () => {
  await s?.close();
});

interface EngineArticle {
  title: string;
  html: string;
}

/** The article's Markdown as `npm run extract -- --format md` makes it, from the built engine run in the page. */
async function expectedMarkdown(): Promise<string> {
  const page = s.browser.page;
  await page.addScriptTag({ content: await readFile(ENGINE_BUNDLE, 'utf8') });
  const article = await page.evaluate(() =>
    (
      globalThis as unknown as { DeclutterEngine: { extract(d: Document): EngineArticle } }
    ).DeclutterEngine.extract(document),
  );
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  });
  return `# ${article.title}\n\n${turndown.turndown(article.html)}`;
}

test('"Copy as Markdown" copies the article\'s Markdown, and "Save as .md" saves it', async () => {
  const page = s.browser.page;
  const url = s.server.url('/sample-article.html');
  await page.goto(url);
  const expected = await expectedMarkdown();
  assert.match(expected, /^# As Gulf of Maine warms[\s\S]+## A market of unlikely buyers/);
  await toggleFromToolbar(s.browser, page, true);
  await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: s.server.origin,
  });

  const popup = await clickToolbar(s.browser, page);
  await clickInPopup(popup, '#copy-md');
  const status = await popup.waitFor(() => document.getElementById('export-status')?.textContent || null);
  assert.equal(status, 'Markdown copied.');
  const download = page.waitForEvent('download');
  await clickInPopup(popup, '#save-md');
  const file = await download;
  await closePopup(s.browser, popup);
  // Read back from the page (an origin the clipboard permission can be granted to).
  await page.bringToFront();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, expected, 'the clipboard holds the article as Markdown');

  assert.equal(file.suggestedFilename(), 'As-Gulf-of-Maine-warms-lobstermen-plant-a-new-crop-kelp.md');
  const path = await file.path();
  assert.equal(await readFile(path, 'utf8'), expected, 'the .md file holds the same Markdown');
});

test('printing with the view open prints the article alone, over several pages; closed, the page prints again', async () => {
  const page = s.browser.page;
  await page.goto(s.server.url('/sample-article.html'));
  await toggleFromToolbar(s.browser, page, true);
  await page.emulateMedia({ media: 'print' });
  const printed = () =>
    page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const shown = (el: Element | null | undefined) => Boolean(el && (el as HTMLElement).checkVisibility());
      return {
        page: shown(document.body),
        article: shown(root?.querySelector('article.dc-article')),
        title: shown(root?.querySelector('.dc-title')),
        toolbar: shown(root?.querySelector('.bar')),
      };
    }, VIEW_TAG);
  assert.deepEqual(
    await printed(),
    { page: false, article: true, title: true, toolbar: false },
    'print media: the page and the toolbar are hidden, the article and its title shown',
  );
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  assert.ok(pages >= 3, `the article flows over pages instead of being cut at one screen (${pages} pages)`);

  await page.emulateMedia({ media: 'screen' });
  await toggleFromToolbar(s.browser, page, false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(
    await page.evaluate(() => document.body.checkVisibility()),
    true,
    'with the view closed the page prints as itself',
  );
  await page.emulateMedia({ media: 'screen' });
});
