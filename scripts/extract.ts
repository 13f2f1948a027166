// Headless extraction with the built engine (dist/engine.js) in real Chromium, page scripts blocked.
//
//   npm run extract -- page.html[.gz] [--url URL] [--format json|md|html] [--engine FILE]
//   npm run extract -- --batch PAGES_JSON OUT_JSON [--tabs 2] [--timeout 30000] [--engine FILE]
//
// PAGES_JSON is [{"id", "file", "url" | null}] with `file` relative to PAGES_JSON's folder.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import TurndownService from 'turndown';
import { launchChromium } from './lib/chromium.ts';
import { type BatchRecord, errorRecord, extractOnTab, loadScripts, toRecord } from './lib/extract-page.ts';
import { OfflineTab } from './lib/offline-tab.ts';
import { localUrl, readHtml } from './lib/page-source.ts';
import { runPool } from './lib/pool.ts';

const USAGE = `usage:
  npm run extract -- page.html [--url URL] [--format json|md|html] [--engine FILE]
  npm run extract -- --batch PAGES_JSON OUT_JSON [--tabs N] [--timeout MS] [--engine FILE]`;

interface PageEntry {
  id: string;
  file: string;
  url: string | null;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string', default: 'json' },
      batch: { type: 'boolean', default: false },
      engine: { type: 'string' },
      tabs: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '30000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeoutMs = Number(values.timeout);
  if (values.batch) {
    const [pagesJson, outJson] = positionals;
    if (!pagesJson || !outJson || positionals.length !== 2)
      return usageError('--batch needs PAGES_JSON OUT_JSON');
    return batch(pagesJson, outJson, { engine: values.engine, tabs: Number(values.tabs), timeoutMs });
  }
  const [file] = positionals;
  if (!file || positionals.length !== 1) return usageError('give exactly one page file');
  const format = values.format;
  if (format !== 'json' && format !== 'md' && format !== 'html')
    return usageError(`unknown format ${format}`);
  return single(file, values.url ?? localUrl(file), format, { engine: values.engine, timeoutMs });
}

function usageError(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 64;
}

async function single(
  file: string,
  url: string,
  format: 'json' | 'md' | 'html',
  opts: { engine: string | undefined; timeoutMs: number },
): Promise<number> {
  const [scripts, body] = await Promise.all([loadScripts(opts.engine), readHtml(file)]);
  const browser = await launchChromium();
  try {
    const tab = await OfflineTab.open(browser);
    const run = await extractOnTab(tab, { body, url }, scripts, opts.timeoutMs);
    if (run.error) console.error(`error: ${run.error}`);
    const a = run.article;
    if (format === 'json') {
      console.log(
        JSON.stringify({ readable: run.readable, ms: run.ms, ...(a ?? { article: null }) }, null, 2),
      );
    } else if (a) {
      console.log(format === 'html' ? a.html : toMarkdown(a.title, a.html));
    }
    if (!a) console.error('no article found');
    return a ? 0 : 2;
  } finally {
    await browser.close();
  }
}

function toMarkdown(title: string, html: string): string {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  });
  const body = turndown.turndown(html);
  return title ? `# ${title}\n\n${body}` : body;
}

async function batch(
  pagesJson: string,
  outJson: string,
  opts: { engine: string | undefined; tabs: number; timeoutMs: number },
): Promise<number> {
  const entries = JSON.parse(await readFile(pagesJson, 'utf8')) as PageEntry[];
  if (!Array.isArray(entries)) throw new Error(`${pagesJson}: expected an array of {id, file, url}`);
  const base = dirname(resolve(pagesJson));
  const scripts = await loadScripts(opts.engine);
  const browser = await launchChromium();
  let records: BatchRecord[];
  try {
    records = await runPool(
      browser,
      entries,
      async (tab, entry) => {
        const file = resolve(base, entry.file);
        const body = await readHtml(file);
        return toRecord(
          await extractOnTab(tab, { body, url: entry.url ?? localUrl(file) }, scripts, opts.timeoutMs),
        );
      },
      (_entry, error) => errorRecord(error),
      { tabs: opts.tabs, timeoutMs: opts.timeoutMs + 5000, label: 'extract' },
    );
  } finally {
    await browser.close();
  }
  const out: Record<string, BatchRecord> = {};
  entries.forEach((e, i) => {
    out[e.id] = records[i]!;
  });
  await writeFile(outJson, `${JSON.stringify(out)}\n`);
  const failed = records.filter((r) => r.error).length;
  console.error(`wrote ${outJson}: ${records.length} pages, ${failed} with errors`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
