// `npm start` (after the build): serve e2e/pages on 127.0.0.1 and open Chromium with the
// extension on the sample news page.
//   With a display: a normal browser window to try it in; close it to stop.
//   Without one (or with --headless): open the reading view the way the shortcut does, save
//   before/after screenshots and the extracted article to out/sample/, print where they are.
// Reuses the e2e harness (TypeScript) through tsx's loader API.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const lib = (name) => tsImport(`../e2e/lib/${name}.ts`, import.meta.url);
const [{ launchWithExtension }, { startPageServer }, { ROOT, ENGINE_BUNDLE }, { waitForView }, worker] =
  await Promise.all([lib('browser'), lib('server'), lib('paths'), lib('view'), lib('worker')]);

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const server = await startPageServer();
const sampleUrl = server.url('/sample-article.html');
const browser = await launchWithExtension({
  headless,
  ...(headless ? {} : { display: process.env.DISPLAY }),
});
const { page } = browser;

async function stop() {
  await browser.close().catch(() => {});
  await server.close();
}

try {
  await page.goto(sampleUrl);
  if (headless) await snapshot();
  else await interactive();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stop();
}

async function interactive() {
  console.log(`Chromium is open on ${sampleUrl} with Declutter loaded.`);
  console.log('Click the Declutter toolbar button (under the puzzle piece) or press Alt+Shift+D.');
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  process.once('SIGINT', () => void stop());
  await new Promise((resolve) => browser.context.once('close', resolve));
}

async function snapshot() {
  const outDir = join(ROOT, 'out', 'sample');
  await mkdir(outDir, { recursive: true });
  const before = join(outDir, 'before.png');
  const after = join(outDir, 'after.png');
  const articleFile = join(outDir, 'article.json');

  await page.screenshot({ path: before });

  // The extracted article: the same engine, as the standalone bundle, on the same live page.
  const engine = await readFile(ENGINE_BUNDLE, 'utf8');
  const article = await page.evaluate(`${engine}\n;globalThis.DeclutterEngine.extract(document)`);
  await writeFile(articleFile, `${JSON.stringify(article, null, 2)}\n`);

  // The toolbar click grants activeTab (as a person's would); then toggle as the shortcut does.
  await worker.grantActiveTab(browser, page);
  const { reply } = await worker.toggleViaWorker(browser, page);
  if (!reply?.ok) throw new Error(`the view did not open: ${JSON.stringify(reply)}`);
  await waitForView(page, true);
  // Let the article's image decode before the picture is taken.
  await page.waitForFunction(() =>
    [...(document.querySelector('declutter-reader')?.shadowRoot?.querySelectorAll('img') ?? [])].every(
      (img) => img.complete,
    ),
  );
  await page.screenshot({ path: after });

  const rel = (p) => relative(process.cwd(), p);
  console.log(`Sample page:       ${sampleUrl} (served while this ran)`);
  console.log(`Before:            ${rel(before)}`);
  console.log(`Reading view:      ${rel(after)}`);
  console.log(
    `Extracted article: ${rel(articleFile)} ("${article.title}", ${article.readingMinutes} min read)`,
  );
}
