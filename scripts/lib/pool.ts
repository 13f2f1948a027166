// Runs page jobs over a few browser tabs (2 by default, one per core), with a per-page timeout:
// a page that hangs or crashes its tab gets an error result and a fresh tab takes over.
import type { Browser } from 'playwright-core';
import { OfflineTab } from './offline-tab.ts';

export interface PoolOptions {
  tabs: number;
  timeoutMs: number;
  /** Prefix of the progress line on stderr. */
  label: string;
}

export type Job<T, R> = (tab: OfflineTab, item: T) => Promise<R>;

export class TimeoutError extends Error {}

export async function runPool<T, R>(
  browser: Browser,
  items: readonly T[],
  job: Job<T, R>,
  onError: (item: T, error: Error) => R,
  options: PoolOptions,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const progress = new Progress(options.label, items.length);
  let next = 0;

  async function worker(): Promise<void> {
    let tab = await OfflineTab.open(browser);
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      try {
        results[i] = await withTimeout(job(tab, item), options.timeoutMs);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        results[i] = onError(item, error);
        progress.error();
        // After a timeout or crash the tab may be stuck in a script; do not reuse it.
        if (error instanceof TimeoutError || tab.page.isClosed() || /crash|closed/i.test(error.message)) {
          void tab.close();
          tab = await OfflineTab.open(browser);
        }
      }
      progress.tick();
    }
    await tab.close();
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.tabs, items.length)) }, worker));
  progress.done();
  return results;
}

function withTimeout<R>(promise: Promise<R>, ms: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One line on stderr, redrawn in place on a terminal and printed every ~5 s otherwise. */
class Progress {
  private done_ = 0;
  private errors = 0;
  private readonly start = Date.now();
  private lastPrint = 0;
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(): void {
    this.done_++;
    const now = Date.now();
    const interval = process.stderr.isTTY ? 250 : 5000;
    if (now - this.lastPrint >= interval || this.done_ === this.total) {
      this.lastPrint = now;
      this.print();
    }
  }

  error(): void {
    this.errors++;
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }

  private print(): void {
    const secs = (Date.now() - this.start) / 1000;
    const rate = this.done_ / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (this.total - this.done_) / rate : 0;
    const line =
      `[${this.label}] ${this.done_}/${this.total} ${((100 * this.done_) / this.total).toFixed(1)}% ` +
      `${rate.toFixed(1)} pages/s, ${this.errors} errors, ${secs.toFixed(0)} s elapsed, eta ${eta.toFixed(0)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }
}
