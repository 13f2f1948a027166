/**
 * Every message in the extension, in one map: who sends it, what it carries, what comes back.
 * `send<K>` and `on<K>` are typed from this map, so a payload or reply can't drift.
 */
import browser from 'webextension-polyfill';
import type { ExtractTimings } from '../core/extract';

export interface TabStatus {
  /** The page looks like an article (isReadable). */
  readable: boolean;
  /** Not an article itself, but its article seems to be in a frame (which we don't read). */
  inFrame?: boolean;
  viewOpen: boolean;
  hideClutter: boolean;
  /** Blocks hidden on the live page by the clutter switch. */
  hiddenCount: number;
  /** While the view is open: blocks the clutter rules left out of it ("What was hidden"). */
  viewRemoved?: number;
}

/**
 * Where one toggle's time went, for the speed benchmark. Instants are performance.timeOrigin +
 * now() (comparable with the service worker's and the page's clocks); the rest are milliseconds.
 */
export interface ToggleTimings {
  receivedAt: number;
  /** The article came from the cache: no extraction ran. */
  cached: boolean;
  extract?: ExtractTimings;
  /** Building and inserting the view (view.open). */
  renderStartAt: number;
  renderEndAt: number;
}

export type ToggleResult =
  | { ok: true; open: boolean; timings?: ToggleTimings }
  | { ok: false; reason: 'not-article' | 'too-large' | 'error'; message: string };

/** The article as the popup exports it (Markdown, .md, .html): what the view shows, shown blocks included. */
export interface ArticleExport {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  url: string;
  /** Sanitized markup of the article body (DOMPurify's output, serialized). */
  html: string;
}

export interface Messages {
  /** popup/background → content: is the content script there, and what state is the tab in. */
  status: { payload: null; response: TabStatus };
  /** popup/background → content: open the reading view if closed, close it if open. */
  'toggle-view': { payload: null; response: ToggleResult };
  /** popup → content: hide (or show again) the clutter blocks on the live page. */
  'set-hide-clutter': { payload: { on: boolean }; response: TabStatus };
  /** popup → content: the article to export; null when the page has none. */
  article: { payload: null; response: ArticleExport | null };
  /**
   * content → background: inject view-extras.js (the view's panels) into the sender's frame, once
   * per page, when the person first uses them (content/extras.ts). Resolves once it has run.
   */
  'load-extras': { payload: null; response: true };
}

export type MessageName = keyof Messages;
export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  payload: Messages[K]['payload'];
}

/** Send to the content script of a tab. Rejects when no content script answers. */
export function sendToTab<K extends MessageName>(
  tabId: number,
  type: K,
  payload: Messages[K]['payload'],
): Promise<Messages[K]['response']> {
  return browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope<K>);
}

type Handlers = {
  [K in MessageName]?: (
    payload: Messages[K]['payload'],
    sender: browser.Runtime.MessageSender,
  ) => Promise<Messages[K]['response']> | Messages[K]['response'];
};

/** Listen for messages; each handler's reply is typed by the map. Returns an unsubscribe function. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (msg: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!msg || typeof msg !== 'object' || !('type' in msg)) return undefined;
    const { type, payload } = msg as Envelope;
    const handler = handlers[type] as ((p: unknown, s: browser.Runtime.MessageSender) => unknown) | undefined;
    return handler ? Promise.resolve(handler(payload, sender)) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
