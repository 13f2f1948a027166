/**
 * Where the toggle's main-thread time goes, from a Chromium trace (devtools.timeline): for a few
 * pages, the first and the second toggle are each traced from the worker's send to the painted
 * view, and the renderer main thread's CPU time is summed by event (self time: a Layout inside a
 * script task counts as Layout, not as script). A tool for finding what to cut, not a benchmark.
 *
 *   npx tsx bench/lib/speed-trace.ts [--extension DIR] [--limit N] [--top 14]
 */
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { grantTab, launchBench, toggleFromWorker } from './speed-browser.ts';
import { DEFAULT_CORPORA, loadPages, takeEvenly } from './speed-pages.ts';
import { armPaintProbe, painted, settle } from './speed-probe.ts';
import { startBenchServer } from './speed-server.ts';

const { values } = parseArgs({
  options: {
    extension: { type: 'string' },
    limit: { type: 'string', default: '8' },
    top: { type: 'string', default: '14' },
    /** Also lists each style, layout and paint event of the last page, with its size and whether script forced it. */
    detail: { type: 'boolean', default: false },
  },
});

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not stretched when other processes take the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { stackTrace?: unknown } };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types events as string maps; these are Chromium's trace events.
  const onData = (e: { value: object[] }): void => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack,blink,v8,toplevel,__metadata',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    // Also when the toggle failed: a trace left running refuses the next Tracing.start.
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** Self time per event name on the renderer main thread(s) of the page. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const pop = () => {
    const top = stack.pop();
    if (!top) return;
    const own = (top.e.tdur ?? top.e.dur ?? 0) - top.child;
    self.set(top.e.name, (self.get(top.e.name) ?? 0) + own);
  };
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    while (
      stack.length &&
      (stack.at(-1)!.end <= e.ts || `${stack.at(-1)!.e.pid}:${stack.at(-1)!.e.tid}` !== key)
    )
      pop();
    const parent = stack.at(-1);
    if (parent) parent.child += e.tdur ?? e.dur ?? 0;
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  while (stack.length) pop();
  return self;
}

/** The lifecycle events of one toggle, in order: where each style and layout pass came from. */
function detail(title: string, events: TraceEvent[]): void {
  const names = new Set([
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'Commit',
    'FunctionCall',
    'v8.callFunction',
    'ParseAuthorStyleSheet',
    'CSSParserImpl::parseStyleSheet.parse',
    'FireAnimationFrame',
    'ScheduleStyleRecalculation',
    'InvalidateLayout',
  ]);
  const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  console.log(`\n${title}`);
  for (const e of events.filter((e) => names.has(e.name)).sort((a, b) => a.ts - b.ts)) {
    const args = JSON.stringify(e.args ?? {}).slice(0, 900);
    console.log(
      `  ${((e.ts - t0) / 1000).toFixed(2).padStart(8)} ${e.ph} ${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ${e.name} ${args}`,
    );
  }
}

function add(into: Map<string, number[]>, from: Map<string, number>): void {
  for (const [k, v] of from) {
    const list = into.get(k) ?? [];
    list.push(v / 1000);
    into.set(k, list);
  }
}

function print(title: string, sums: Map<string, number[]>, pages: number, top: number): void {
  const rows = [...sums].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / pages] as const);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\n${title} (mean CPU ms per page over ${pages}: ${total.toFixed(2)} in all)`);
  for (const [k, v] of rows.slice(0, top)) console.log(`  ${v.toFixed(2).padStart(8)}  ${k}`);
}

const pages = takeEvenly(await loadPages(DEFAULT_CORPORA), Number(values.limit));
const server = await startBenchServer(pages);
const b = await launchBench({ extension: true, extensionDir: values.extension });
const ext = b.extension!;
const first = new Map<string, number[]>();
const second = new Map<string, number[]>();
let n = 0;
try {
  await b.page.goto(server.blankUrl);
  const tabId = await grantTab(ext, b.page);
  const cdp = await b.context.newCDPSession(b.page);
  for (const [i] of pages.entries()) {
    await b.page.goto(server.pageUrl(i), { waitUntil: 'load' });
    await settle(b.page);
    const toggle = async () => {
      await armPaintProbe(b.page, 30_000);
      const { reply } = await toggleFromWorker(ext, tabId);
      if (!reply.ok) throw new Error(reply.reason);
      await painted(b.page);
    };
    try {
      const one = await trace(cdp, toggle);
      await toggleFromWorker(ext, tabId);
      await settle(b.page);
      const two = await trace(cdp, toggle);
      await toggleFromWorker(ext, tabId);
      if (values.detail && i === pages.length - 1) {
        detail('first toggle events', one);
        detail('second toggle events', two);
      }
      add(first, selfTimes(one));
      add(second, selfTimes(two));
      n++;
    } catch (e) {
      console.error(pages[i]!.id, String(e).split('\n')[0]);
    }
  }
} finally {
  await b.close();
  await server.close();
}
print('first toggle', first, n, Number(values.top));
print('second toggle', second, n, Number(values.top));
