/**
 * Content script, injected on demand (toolbar popup or shortcut), once per page.
 *
 *   message ──▶ controller ──▶ core/extract (clone → clutter rules → Readability → DOMPurify)
 *                          └─▶ reader-view (shadow root) | clutter-hider (one attribute + sheet)
 */
import { onMessages } from '../shared/protocol';
import { createController } from './controller';

// A second injection into the same page (e.g. two clicks racing) must not add a second listener.
const FLAG = Symbol.for('declutter.content');
const scope = globalThis as { [FLAG]?: true };
if (!scope[FLAG]) {
  scope[FLAG] = true;
  const controller = createController(document);
  onMessages({
    status: () => controller.status(),
    'toggle-view': () => controller.toggleView(),
    'set-hide-clutter': ({ on }) => controller.setHideClutter(on),
  });
}
