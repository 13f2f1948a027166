/** The engine's public API: pure functions over a DOM, no extension APIs. */
export { CLUTTER_RULES, type ClutterRule, type RuleContext } from './clutter-rules.ts';
export { type ExtractOptions, extract } from './extract.ts';
export { type ClutterHit, findClutter, toRemoval } from './find-clutter.ts';
export { isReadable } from './readable.ts';
export { readingMinutes } from './reading-time.ts';
export { PURIFY_CONFIG, sanitizeHtml, sanitizeToFragment } from './sanitize.ts';
export type { Article, Removal, RuleGroup } from './types.ts';
