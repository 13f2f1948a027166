/**
 * A CDP session on a target Playwright does not attach to. The extension popup is such a target:
 * it lives in the toolbar, not in a tab, so it never shows up as a Playwright Page. We attach from
 * the browser session and tunnel commands with Target.sendMessageToTarget, because Playwright's
 * CDPSession cannot address a child session directly.
 */
import type { CDPSession } from 'playwright-core';
import { NAME_SHIM } from './browser';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

interface CdpReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

export class TargetSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private detached = false;
  /** Resolves when the target goes away (a popup closing itself detaches us). */
  readonly gone: Promise<void>;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    readonly targetId: string,
  ) {
    this.gone = new Promise((resolve) => {
      const onMessage = (e: { sessionId?: string; message: string }) => {
        if (e.sessionId !== this.sessionId) return;
        const reply = JSON.parse(e.message) as CdpReply;
        const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id);
        if (!waiter || reply.id === undefined) return;
        this.pending.delete(reply.id);
        if (reply.error) waiter.reject(new Error(reply.error.message));
        else waiter.resolve(reply.result);
      };
      const onDetach = (e: { sessionId?: string }) => {
        if (e.sessionId !== this.sessionId) return;
        this.detached = true;
        for (const waiter of this.pending.values()) waiter.reject(new Error('target closed'));
        this.pending.clear();
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        cdp.off('Target.detachedFromTarget', onDetach);
        resolve();
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp.on('Target.detachedFromTarget', onDetach);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<TargetSession> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new TargetSession(cdp, sessionId, targetId);
  }

  get closed(): boolean {
    return this.detached;
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    if (this.detached) return Promise.reject(new Error('target closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: Error) => {
          this.pending.delete(id);
          reject(error);
        });
    });
  }

  /** Runs `fn(arg)` in the target and returns its (JSON) result; promises are awaited. */
  async evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const expression = `(() => { ${NAME_SHIM} return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
    const reply = await this.send<{
      result: { value?: R };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (reply.exceptionDetails) {
      const d = reply.exceptionDetails;
      throw new Error(`evaluate failed: ${d.exception?.description ?? d.text}`);
    }
    return reply.result.value as R;
  }

  /** Polls `fn` until it returns a truthy value. */
  async waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    { timeout = 10_000, what = fn.toString() } = {},
  ): Promise<NonNullable<R>> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value as NonNullable<R>;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A trusted mouse click at the centre of the first element matching `selector`. */
  async click(selector: string): Promise<void> {
    const box = await this.waitFor(
      (sel) => {
        const el = document.querySelector(sel);
        if (!(el instanceof HTMLElement) || !el.checkVisibility()) return null;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      },
      selector,
      { what: `a visible ${selector}` },
    );
    const base = { x: box.x, y: box.y, button: 'left', clickCount: 1 };
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...base });
    // The popup may close itself on this click (it does after a successful toggle).
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...base }).catch((error: Error) => {
      if (!this.detached) throw error;
    });
  }
}
