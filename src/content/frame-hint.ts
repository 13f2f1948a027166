/**
 * Does the article seem to live in a frame of this page? We read the top document only (the
 * content script runs there), so a story shown in a frame reads as "no article"; this lets us
 * say where it is instead. Signals: a <frameset> page; a same-origin frame whose own document
 * reads as an article; or a cross-origin frame filling much of the window on a page that has
 * little text of its own.
 */
import { isReadable } from '../core/readable';

/** A cross-origin frame this big (share of the window) on a nearly empty page holds its content. */
const MIN_FRAME_SHARE = 0.4;
const MAX_OWN_CHARS = 2000;

export function articleInFrame(doc: Document): boolean {
  if (doc.body?.localName === 'frameset') return true;
  const win = doc.defaultView;
  const frames = doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame');
  if (!win || frames.length === 0) return false;
  const ownText = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').length;
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      // cross-origin
    }
    if (inner?.body) {
      if (isReadable(inner)) return true;
      continue;
    }
    const r = frame.getBoundingClientRect();
    if (ownText < MAX_OWN_CHARS && r.width * r.height >= win.innerWidth * win.innerHeight * MIN_FRAME_SHARE)
      return true;
  }
  return false;
}
