// Which pages the speed, idle and memory benchmarks load, read in place from the corpora.
//
//   WCXB folder (ground-truth/ + html/)      → its `article` pages (page type as evaluate.py reads it)
//   Readability folder (<name>/source.html)  → the news articles below for the default corpus, all otherwise
//   any other folder                          → every *.html / *.html.gz in it
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadWcxb } from './wcxb.ts';

export interface BenchPage {
  /** Unique and URL-safe: "<corpus>/<name>". */
  id: string;
  file: string;
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_CORPORA = [
  resolve(ROOT, '../shared/corpus/wcxb-dev'),
  resolve(ROOT, '../shared/corpus/readability'),
];

/**
 * The news articles among Readability's test pages. The rest are synthetic cases (001,
 * basic-tags-cleaning…), blogs, docs and front pages (yahoo-2, nytimes-5), which say nothing
 * about the toggle on a news page.
 */
export const READABILITY_NEWS = [
  'aktualne',
  'ars-1',
  'bbc-1',
  'breitbart',
  'buzzfeed-1',
  'citylab-1',
  'cnet',
  'cnn',
  'engadget',
  'folha',
  'gmw',
  'guardian-1',
  'heise',
  'herald-sun-1',
  'la-nacion',
  'lemonde-1',
  'liberation-1',
  'medicalnewstoday',
  'msn',
  'nytimes-1',
  'nytimes-2',
  'nytimes-3',
  'nytimes-4',
  'qq',
  'quanta-1',
  'salon-1',
  'seattletimes-1',
  'telegraph',
  'theverge',
  'tmz-1',
  'wapo-1',
  'wapo-2',
  'webmd-1',
  'yahoo-1',
  'yahoo-3',
  'yahoo-4',
];

export async function loadPages(corpora: readonly string[]): Promise<BenchPage[]> {
  const lists = await Promise.all(corpora.map((c) => pagesOf(resolve(c))));
  return lists.flat();
}

async function pagesOf(corpus: string): Promise<BenchPage[]> {
  const name = basename(corpus);
  if (existsSync(join(corpus, 'ground-truth'))) {
    return (await loadWcxb(corpus))
      .filter((p) => p.type === 'article')
      .map((p) => ({ id: `${name}/${p.id}`, file: p.file }));
  }
  const entries = await readdir(corpus, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory() && existsSync(join(corpus, e.name, 'source.html')));
  if (dirs.length > 0) {
    const isDefault = corpus === DEFAULT_CORPORA[1];
    return dirs
      .filter((d) => !isDefault || READABILITY_NEWS.includes(d.name))
      .map((d) => ({ id: `${name}/${d.name}`, file: join(corpus, d.name, 'source.html') }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return entries
    .filter((e) => e.isFile() && /\.html(\.gz)?$/.test(e.name))
    .map((e) => ({ id: `${name}/${e.name.replace(/\.gz$/, '')}`, file: join(corpus, e.name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The first `limit` pages, taken evenly from each corpus in turn, so a short run still covers
 * every corpus instead of the first one only.
 */
export function takeEvenly(pages: readonly BenchPage[], limit: number): BenchPage[] {
  if (pages.length <= limit) return [...pages];
  const byCorpus = new Map<string, BenchPage[]>();
  for (const p of pages) {
    const key = p.id.slice(0, p.id.indexOf('/'));
    const queue = byCorpus.get(key) ?? [];
    queue.push(p);
    byCorpus.set(key, queue);
  }
  const queues = [...byCorpus.values()];
  const out: BenchPage[] = [];
  for (let i = 0; out.length < limit; i++) {
    for (const q of queues) if (i < q.length && out.length < limit) out.push(q[i]!);
  }
  return out;
}
