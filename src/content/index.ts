/**
 * Content script, injected on demand (toolbar popup or shortcut), once per page.
 *
 *   message ──▶ controller ──▶ core/extract (clone → clutter rules → Readability → DOMPurify)
 *                          ├─▶ reader-view (shadow root: toolbar, article; keeps your place)
 *                          │     └─▶ extras (panels: view-extras.js, injected on first use)
 *                          ├─▶ clutter-hider (one attribute + sheet)
 *                          └─▶ live-settings (storage.sync, applied live)
 */
import { createController } from './controller';
import { dropLeftovers } from './leftovers';
import { listen } from './messages';

// A second injection into the same page (e.g. two clicks racing) must not add a second listener.
// Nor does a document that isn't a web page answer (the PDF viewer, an image or a text file
// opened in a tab): with no listener, the popup and the shortcut see a page we can't run on.
const FLAG = Symbol.for('declutter.content');
const scope = globalThis as { [FLAG]?: true };
if (!scope[FLAG] && /html/i.test(document.contentType)) {
  scope[FLAG] = true;
  // An orphaned script of ours (the extension reloaded) may have left hidden blocks or a view.
  dropLeftovers(document);
  const controller = createController(document);
  listen({
    status: () => controller.status(),
    'toggle-view': () => controller.toggleView(),
    'set-hide-clutter': ({ on }) => controller.setHideClutter(on),
    article: () => controller.exportArticle(),
  });
}
