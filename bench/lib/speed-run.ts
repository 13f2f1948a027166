// One page of the speed benchmark: load it, then in the same page the first toggle (content script
// injected on demand, article extracted, view painted), the second toggle (off, then on again:
// the cached article) and the bare Readability parse (the floor), in alternating order.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/lib/browser.ts';
import type { ToggleTimings } from '../../src/shared/protocol.ts';
import { clockSkew, toggleFromWorker, type WorkerToggle } from './speed-browser.ts';
import { armPaintProbe, type Floor, type Painted, painted, settle, timeFloor } from './speed-probe.ts';

/** The steps of one toggle → painted, in milliseconds; they add up to `total`. */
export const STEPS = [
  'inject',
  'message',
  'clone',
  'rules',
  'readability',
  'sanitize',
  'other',
  'render',
  'paint',
] as const;
export type Step = (typeof STEPS)[number];

export interface ToggleSample extends Record<Step, number> {
  /** Worker send → view painted. */
  total: number;
  /** Of `inject`: the first sendMessage, which found no content script. */
  probe: number;
  cached: boolean;
}

export interface PageSpeed {
  id: string;
  floor: Floor | null;
  first: ToggleSample | null;
  second: ToggleSample | null;
  /** Why the toggle did not open a view (not-article, too-large, error). */
  refused?: string;
  /** Page clock minus worker clock, and the round trip that bounds its error (ms). */
  skew: { skew: number; rtt: number } | null;
  error?: string;
}

export interface RunContext {
  ext: ExtensionBrowser;
  page: Page;
  /** CDP session on `page`, for garbage collection between steps. */
  cdp: CDPSession;
  tabId: number;
  timeoutMs: number;
}

/**
 * The floor and our toggles each get a fresh load of the page: the first heavy task after a load
 * pays for things later ones find done (measured: the same parse 2-5× slower right after load), so
 * each side is measured as a person meets it, first thing on a loaded page. A forced GC before each
 * timed step keeps one step's garbage out of the next one's time. Loads alternate in order.
 */
export async function measurePage(ctx: RunContext, id: string, url: string, n: number): Promise<PageSpeed> {
  const result: PageSpeed = { id, floor: null, first: null, second: null, skew: null };
  const floorLoad = async () => {
    await load(ctx, url);
    result.floor = await timeFloor(ctx.page);
  };
  const oursLoad = async () => {
    await load(ctx, url);
    const first = await timedToggle(ctx);
    if (!first.reply.ok) {
      result.refused = first.reply.reason;
      return;
    }
    await closeView(ctx);
    await gc(ctx);
    const second = await timedToggle(ctx);
    await closeView(ctx);
    result.skew = await clockSkew(ctx.ext, ctx.tabId);
    result.first = sample(first, result.skew.skew);
    result.second = second.reply.ok ? sample(second, result.skew.skew) : null;
  };
  if (n % 2 === 0) {
    await floorLoad();
    await oursLoad();
  } else {
    await oursLoad();
    await floorLoad();
  }
  return result;
}

async function load(ctx: RunContext, url: string): Promise<void> {
  await ctx.page.goto(url, { waitUntil: 'load', timeout: ctx.timeoutMs });
  await settle(ctx.page);
  await gc(ctx);
}

function gc(ctx: RunContext): Promise<unknown> {
  return ctx.cdp.send('HeapProfiler.collectGarbage');
}

interface Timed {
  reply: WorkerToggle['reply'];
  worker: WorkerToggle;
  paint: Painted | null;
}

async function timedToggle(ctx: RunContext): Promise<Timed> {
  await armPaintProbe(ctx.page, ctx.timeoutMs);
  const worker = await toggleFromWorker(ctx.ext, ctx.tabId);
  // A refusal paints a notice, not the view: don't wait for a view that will not come.
  const paint = worker.reply.ok ? await painted(ctx.page) : null;
  if (worker.reply.ok && !paint) throw new Error('the view was not painted');
  return { reply: worker.reply, worker, paint };
}

async function closeView(ctx: RunContext): Promise<void> {
  const { reply } = await toggleFromWorker(ctx.ext, ctx.tabId);
  if (!reply.ok || reply.open) throw new Error(`closing the view failed: ${JSON.stringify(reply)}`);
}

/** Splits worker send → painted into steps; worker instants are moved onto the page clock by `skew`. */
function sample(t: Timed, skew: number): ToggleSample {
  const { worker: w, paint } = t;
  const timings: ToggleTimings | undefined = t.reply.ok ? t.reply.timings : undefined;
  if (!timings || !paint) throw new Error('toggle reply without timings: is dist/ built from this tree?');
  const ex = timings.extract ?? { clone: 0, rules: 0, readability: 0, sanitize: 0, other: 0 };
  const extractSum = ex.clone + ex.rules + ex.readability + ex.sanitize + ex.other;
  return {
    total: paint.paintedAt - (w.sentAt + skew),
    inject: w.probeMs + w.injectMs,
    probe: w.probeMs,
    message: timings.receivedAt - (w.lastSendAt + skew),
    clone: ex.clone,
    rules: ex.rules,
    readability: ex.readability,
    sanitize: ex.sanitize,
    // Whatever the handler did around extract (size check, cache lookup, notice).
    other: ex.other + (timings.renderStartAt - timings.receivedAt - extractSum),
    render: timings.renderEndAt - timings.renderStartAt,
    paint: paint.paintedAt - timings.renderEndAt,
    cached: timings.cached,
  };
}
