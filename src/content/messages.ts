/**
 * The content script's end of the message protocol, without webextension-polyfill (issue 6: the
 * content bundle is size-budgeted). sendResponse + `return true` is the one async reply that
 * Chromium and Firefox both support; the reply types come from the shared protocol map.
 */
import { ext } from '../shared/i18n';
import type { Envelope, MessageName, Messages } from '../shared/protocol';

type Handlers = {
  [K in MessageName]?: (
    payload: Messages[K]['payload'],
  ) => Promise<Messages[K]['response']> | Messages[K]['response'];
};

export function listen(handlers: Handlers): void {
  ext.runtime.onMessage.addListener(((msg: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    const { type, payload } = (msg ?? {}) as Envelope;
    const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
    if (!handler) return false;
    // A handler that throws answers nothing (undefined): the sender treats it as no answer.
    Promise.resolve()
      .then(() => handler(payload))
      .then(reply, () => reply(undefined));
    return true;
  }) as never);
}
