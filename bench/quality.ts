// Quality benchmark on WCXB: bare Readability, Defuddle and our engine side by side, one page load
// per document, scored with WCXB's metric.
//
//   npm run bench:quality -- [--corpus ../shared/corpus/wcxb-dev] [--limit N] [--out FILE]
//                            [--tabs 2] [--timeout 60000] [--engine dist/engine.js]
//                            [--type article] [--ids 1,2,…] [--ours-only [--peers quality.json]]
//                            [--html FILE]   (our article markup per page id, to study offline)
//
// While tuning, `--type article --ours-only --peers <an earlier full run's JSON>` runs only our
// engine on the article pages and takes the peers' scores from the earlier run (they do not
// change), which roughly halves a run twice over.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForPage } from '../scripts/lib/bundle.ts';
import { chromiumPath, launchChromium } from '../scripts/lib/chromium.ts';
import { loadScripts } from '../scripts/lib/extract-page.ts';
import { localUrl, readHtml } from '../scripts/lib/page-source.ts';
import { runPool } from '../scripts/lib/pool.ts';
import type { BenchRun, PeerRun } from './lib/in-page/peers.ts';
import {
  EXTRACTORS,
  type Extractor,
  type PageResult,
  PEERS,
  ruleStats,
  type Score,
  separation,
  summarize,
  worstLosses,
} from './lib/report.ts';
import { snippetRate, wordPrf } from './lib/score.ts';
import { lossesTable, rulesTable, separationTable, summaryTable } from './lib/table.ts';
import { loadWcxb, type WcxbPage } from './lib/wcxb.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PEERS_ENTRY = resolve(import.meta.dirname, 'lib/in-page/peers.ts');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus/wcxb-dev') },
    limit: { type: 'string' },
    out: { type: 'string', default: resolve(ROOT, 'bench-results/quality.json') },
    tabs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '60000' },
    engine: { type: 'string' },
    type: { type: 'string' },
    ids: { type: 'string' },
    'ours-only': { type: 'boolean', default: false },
    peers: { type: 'string' },
    html: { type: 'string' },
  },
});

/** Copies the peers' scores (and Readability's readerable verdict) from an earlier run's JSON. */
async function reusePeers(results: PageResult[], file: string): Promise<void> {
  const earlier = JSON.parse(await readFile(file, 'utf8')) as { perPage: PageResult[] };
  const byId = new Map(earlier.perPage.map((p) => [p.id, p]));
  for (const r of results) {
    const old = byId.get(r.id);
    if (!old) continue;
    for (const e of PEERS) r.scores[e] = old.scores[e];
    r.readerable = old.readerable;
  }
}

function score(text: string, page: WcxbPage, run: Pick<PeerRun, 'ms' | 'empty' | 'error'>): Score {
  const s: Score = {
    ...wordPrf(text, page.mainContent),
    with: snippetRate(text, page.with),
    without: snippetRate(text, page.without),
    ms: run.ms,
    empty: run.empty,
  };
  if (run.error) s.error = run.error;
  return s;
}

function toResult(page: WcxbPage, run: BenchRun): PageResult {
  const mutatedBy = [run.ours.mutated && 'ours', run.defuddle.mutated && 'defuddle'].filter(
    (x): x is string => typeof x === 'string',
  );
  return {
    id: page.id,
    type: page.type,
    scores: {
      readability: score(run.readability.text, page, run.readability),
      defuddle: score(run.defuddle.text, page, run.defuddle),
      ours: score(run.ours.text, page, run.ours),
      'ours-text': score(run.ours.engineText, page, run.ours),
    },
    removed: run.ours.removed,
    readable: run.ours.readable,
    readerable: run.readerable,
    mutatedBy,
  };
}

function failed(page: WcxbPage, error: Error): PageResult {
  const s = (): Score => ({ ...score('', page, { ms: 0, empty: true }), error: error.message });
  const scores = Object.fromEntries(EXTRACTORS.map((e) => [e, s()])) as Record<Extractor, Score>;
  return {
    id: page.id,
    type: page.type,
    error: error.message,
    scores,
    removed: [],
    readable: null,
    readerable: null,
    mutatedBy: [],
  };
}

async function main(): Promise<void> {
  const corpus = resolve(values.corpus);
  let pages = await loadWcxb(corpus);
  if (values.type) pages = pages.filter((p) => p.type === values.type);
  if (values.ids) {
    const ids = new Set(values.ids.split(','));
    pages = pages.filter((p) => ids.has(p.id));
  }
  if (values.limit) pages = pages.slice(0, Number(values.limit));
  const oursOnly = values['ours-only'];
  const htmlById: Record<string, string> = {};
  const timeoutMs = Number(values.timeout);
  const tabs = Number(values.tabs);
  const [scripts, peers] = await Promise.all([loadScripts(values.engine), bundleForPage(PEERS_ENTRY)]);

  const started = Date.now();
  const browser = await launchChromium();
  let results: PageResult[];
  try {
    results = await runPool(
      browser,
      pages,
      async (tab, page) => {
        await tab.load(await readHtml(page.file), page.url ?? localUrl(page.file), timeoutMs);
        // One round trip: engine, peers bundle, run.
        const run = await tab.page.evaluate(
          `${scripts.engine}\n;${peers}\n;globalThis.__declutterBench.runAll(${oursOnly}, ${Boolean(values.html)})`,
        );
        const bench = run as BenchRun;
        if (values.html) htmlById[page.id] = bench.ours.html ?? '';
        return toResult(page, bench);
      },
      failed,
      { tabs, timeoutMs, label: 'quality' },
    );
  } finally {
    await browser.close();
  }
  const wallMs = Date.now() - started;
  if (values.html) await writeFile(resolve(values.html), `${JSON.stringify(htmlById)}\n`);
  if (oursOnly && values.peers) await reusePeers(results, resolve(values.peers));

  const byId = new Map(pages.map((p) => [p.id, p]));
  const article = results.filter((r) => r.type === 'article');
  const groups = { all: results, article };
  const summary = Object.fromEntries(
    Object.entries(groups).map(([g, rs]) => [
      g,
      Object.fromEntries(EXTRACTORS.map((e) => [e, summarize(rs, e)])),
    ]),
  ) as Record<keyof typeof groups, Record<Extractor, ReturnType<typeof summarize>>>;
  const rules = ruleStats(results, (id) => byId.get(id)?.mainContent ?? '');
  const losses = worstLosses(results, 20);
  const readable = {
    isReadable: separation(results, (p) => p.readable),
    isProbablyReaderable: separation(results, (p) => p.readerable),
  };
  const mutations = results.filter((r) => r.mutatedBy.length > 0).map((r) => ({ id: r.id, by: r.mutatedBy }));
  const pageErrors = results.filter((r) => r.error).map((r) => ({ id: r.id, error: r.error }));
  const extractorErrors = results.flatMap((r) =>
    EXTRACTORS.filter((e) => !r.error && r.scores[e].error && r.scores[e].error !== 'skipped').map((e) => ({
      id: r.id,
      extractor: e,
      error: r.scores[e].error,
    })),
  );

  const out = resolve(values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(
    out,
    `${JSON.stringify(
      {
        corpus,
        date: new Date().toISOString(),
        pages: results.length,
        tabs,
        wallMs,
        summary,
        rules,
        losses,
        readable,
        mutations,
        pageErrors,
        extractorErrors,
        perPage: results,
      },
      null,
      1,
    )}\n`,
  );

  const rows = (g: keyof typeof groups) =>
    EXTRACTORS.map(
      (e) =>
        [e === 'ours-text' ? 'ours (engine text)' : e, summary[g][e]] as [
          string,
          ReturnType<typeof summarize>,
        ],
    );
  const lines = [
    `WCXB ${corpus}: ${results.length} pages (${article.length} article), wall ${(wallMs / 1000).toFixed(0)} s on ${tabs} tabs, engine ${scripts.engineSha}, ${chromiumPath()}`,
    '',
    `All pages (${results.length})`,
    summaryTable(rows('all')),
    '',
    `Article pages (${article.length})`,
    summaryTable(rows('article')),
    '',
    'Rules fired (suspect = removed text of 4+ words found in the ground-truth main content)',
    rulesTable(rules),
    '',
    'Where ours loses most to the best peer (F1)',
    lossesTable(losses),
    '',
    'Readable verdict vs WCXB page type "article"',
    separationTable([
      ['isReadable (ours)', readable.isReadable],
      ['isProbablyReaderable', readable.isProbablyReaderable],
    ]),
    '',
    `page errors: ${pageErrors.length}, extractor errors: ${extractorErrors.length}, pages whose live DOM was mutated: ${mutations.length}`,
    ...pageErrors.slice(0, 10).map((e) => `  page ${e.id}: ${e.error}`),
    ...extractorErrors.slice(0, 10).map((e) => `  ${e.extractor} on ${e.id}: ${e.error}`),
    ...mutations.slice(0, 10).map((m) => `  ${m.id} mutated by ${m.by.join(', ')}`),
    `wrote ${out}`,
  ];
  console.log(lines.join('\n'));
}

await main();
