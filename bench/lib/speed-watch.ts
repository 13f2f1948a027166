// Proof that nothing of ours runs on a page the extension was not asked to touch, from DevTools:
// no execution context of the extension appears in the page, and the service worker runs none
// of its functions (V8 precise coverage: call counts since the watch started).
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/lib/browser.ts';
import { TargetSession } from '../../e2e/lib/target-session.ts';

interface ContextEvent {
  context: { origin: string; name: string; auxData?: { type?: string } };
}

/** Counts execution contexts the extension creates in `page` (a content script's world has its origin). */
export class PageContextWatch {
  extensionContexts = 0;
  /** Every context seen, ours or not: shows the watch is live (each load creates the page's own). */
  contexts = 0;

  private constructor(readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<PageContextWatch> {
    const cdp = await page.context().newCDPSession(page);
    const watch = new PageContextWatch(cdp);
    cdp.on('Runtime.executionContextCreated', (e: ContextEvent) => {
      watch.contexts++;
      if (e.context.origin.startsWith('chrome-extension://')) watch.extensionContexts++;
    });
    await cdp.send('Runtime.enable');
    return watch;
  }
}

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** What the extension's service worker ran between start() and calls(). */
export class WorkerCoverage {
  private constructor(
    private readonly session: TargetSession,
    private readonly scriptPrefix: string,
  ) {}

  static async start(b: ExtensionBrowser): Promise<WorkerCoverage> {
    const { targetInfos } = (await b.cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const prefix = `chrome-extension://${b.extensionId}/`;
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
    if (!sw) throw new Error('the extension has no running service worker to watch');
    const session = await TargetSession.attach(b.cdp, sw.targetId);
    await session.send('Profiler.enable');
    await session.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    // The first take returns (and resets) everything counted since the worker started.
    await session.send('Profiler.takePreciseCoverage');
    return new WorkerCoverage(session, prefix);
  }

  /** Our functions that ran since start(), with their call counts; null if the worker is gone. */
  async calls(): Promise<{ name: string; count: number }[] | null> {
    if (this.session.closed) return null;
    const { result } = await this.session.send<Coverage>('Profiler.takePreciseCoverage');
    return result
      .filter((script) => script.url.startsWith(this.scriptPrefix))
      .flatMap((script) =>
        script.functions.map((f) => ({
          name: `${script.url.slice(this.scriptPrefix.length)}:${f.functionName || '(top level)'}`,
          count: f.ranges[0]?.count ?? 0,
        })),
      )
      .filter((f) => f.count > 0);
  }
}
