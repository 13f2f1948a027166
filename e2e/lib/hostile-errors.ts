/**
 * Everything that goes wrong, wherever it goes wrong: uncaught exceptions, console errors and
 * browser log errors in the pages (every world, so our content script's isolated world too) and
 * in the extension's service worker, across its restarts. Raw CDP, because Playwright reports
 * page errors from the main world only and none from service workers.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export interface Problem {
  where: 'page' | 'worker';
  kind: 'exception' | 'console' | 'log';
  level: string;
  text: string;
  /** Script URLs involved (the call frames' and the event's own). */
  urls: string[];
}

interface StackTrace {
  callFrames?: { url: string }[];
}
interface ExceptionEvent {
  exceptionDetails: {
    text: string;
    url?: string;
    exception?: { description?: string };
    stackTrace?: StackTrace;
  };
}
interface ConsoleEvent {
  type: string;
  args: { value?: unknown; description?: string }[];
  stackTrace?: StackTrace;
}
interface LogEvent {
  entry: { level: string; text: string; url?: string; source: string };
}
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const frameUrls = (s: StackTrace | undefined): string[] => (s?.callFrames ?? []).map((f) => f.url);

export class ErrorWatch {
  readonly problems: Problem[] = [];
  /** Every console message of the service worker, any level ("info: cannot run on this tab…"). */
  readonly workerConsole: { level: string; text: string }[] = [];
  private readonly attached = new Set<string>();
  private readonly pages = new WeakSet<Page>();

  private constructor(
    private readonly extensionId: string,
    private readonly cdp: CDPSession,
  ) {}

  /** Watches the extension's service worker (every instance of it) from now on. */
  static async start(b: ExtensionBrowser): Promise<ErrorWatch> {
    const browser = b.context.browser();
    if (!browser) throw new Error('no browser handle for a CDP session');
    const watch = new ErrorWatch(b.extensionId, await browser.newBrowserCDPSession());
    const cdp = watch.cdp as unknown as {
      on(event: string, fn: (e: never) => void): void;
      send(method: string, params?: object): Promise<unknown>;
    };
    cdp.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => void watch.maybeAttach(e.targetInfo));
    cdp.on(
      'Target.targetInfoChanged',
      (e: { targetInfo: TargetInfo }) => void watch.maybeAttach(e.targetInfo),
    );
    cdp.on('Target.detachedFromTarget', (e: { targetId?: string }) => {
      if (e.targetId) watch.attached.delete(e.targetId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => watch.onWorkerMessage(e.message));
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    for (const info of targetInfos) await watch.maybeAttach(info);
    return watch;
  }

  private async maybeAttach(info: TargetInfo): Promise<void> {
    if (info.type !== 'service_worker' || !info.url.startsWith(`chrome-extension://${this.extensionId}/`))
      return;
    if (this.attached.has(info.targetId)) return;
    this.attached.add(info.targetId);
    try {
      const { sessionId } = await this.cdp.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: false,
      });
      for (const [id, method] of [
        [1, 'Runtime.enable'],
        [2, 'Log.enable'],
      ] as const) {
        await this.cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        });
      }
    } catch {
      // The worker stopped before we got to it: nothing ran there to report.
      this.attached.delete(info.targetId);
    }
  }

  private onWorkerMessage(raw: string): void {
    const msg = JSON.parse(raw) as { method?: string; params?: unknown };
    if (msg.method === 'Runtime.consoleAPICalled') {
      const e = msg.params as ConsoleEvent;
      this.workerConsole.push({ level: e.type, text: consoleText(e) });
    }
    const problem = msg.method ? toProblem('worker', msg.method, msg.params) : null;
    if (problem) this.problems.push(problem);
  }

  /** Watches `page` (all its worlds) from now on; once per page. */
  async watchPage(page: Page): Promise<void> {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    const session = await page.context().newCDPSession(page);
    for (const method of ['Runtime.exceptionThrown', 'Runtime.consoleAPICalled', 'Log.entryAdded'] as const) {
      session.on(method, (params: unknown) => {
        const problem = toProblem('page', method, params);
        if (problem) this.problems.push(problem);
      });
    }
    await session.send('Runtime.enable');
    await session.send('Log.enable');
  }

  /** Problems our extension caused: its scripts are on the stack or it is named. */
  ours(): Problem[] {
    const origin = `chrome-extension://${this.extensionId}/`;
    return this.problems.filter(
      (p) => p.where === 'worker' || p.urls.some((u) => u.startsWith(origin)) || /declutter/i.test(p.text),
    );
  }

  /** Uncaught exceptions anywhere (a well-behaved page has none of its own). */
  uncaught(): Problem[] {
    return this.problems.filter((p) => p.kind === 'exception');
  }

  /** Forget what was seen so far (between tests). */
  clear(): void {
    this.problems.length = 0;
    this.workerConsole.length = 0;
  }
}

function consoleText(e: ConsoleEvent): string {
  return e.args.map((a) => (a.value === undefined ? (a.description ?? '') : String(a.value))).join(' ');
}

function toProblem(where: Problem['where'], method: string, params: unknown): Problem | null {
  if (method === 'Runtime.exceptionThrown') {
    const d = (params as ExceptionEvent).exceptionDetails;
    const text = `${d.text} ${d.exception?.description ?? ''}`.trim();
    return {
      where,
      kind: 'exception',
      level: 'error',
      text,
      urls: [d.url ?? '', ...frameUrls(d.stackTrace)],
    };
  }
  if (method === 'Runtime.consoleAPICalled') {
    const e = params as ConsoleEvent;
    if (e.type !== 'error' && e.type !== 'assert' && e.type !== 'warning') return null;
    return { where, kind: 'console', level: e.type, text: consoleText(e), urls: frameUrls(e.stackTrace) };
  }
  if (method === 'Log.entryAdded') {
    const { entry } = params as LogEvent;
    if (entry.level !== 'error') return null;
    return { where, kind: 'log', level: entry.level, text: entry.text, urls: [entry.url ?? ''] };
  }
  return null;
}

/** One line per problem, for assertion messages. */
export const describe = (problems: Problem[]): string =>
  problems
    .map((p) => `${p.where} ${p.kind}/${p.level}: ${p.text.split('\n')[0]} ${p.urls.join(' ')}`)
    .join('\n');
