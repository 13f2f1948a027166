/**
 * Is the extension that injected this content script still there? After a reload or an update
 * the old script keeps running in the page, orphaned: no message reaches it and the new script
 * can't see its state. No event tells it so, in Chromium or Firefox, so whatever it leaves on the
 * page (an open view, hidden blocks) polls this while it is there, and cleans up when it is false.
 */
export function runtimeAlive(): boolean {
  try {
    return Boolean((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id);
  } catch {
    return false; // Firefox: a dead wrapper throws
  }
}
