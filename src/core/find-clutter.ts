/**
 * findClutter: one ordered walk over a page (or part of one) that reports the blocks the clutter
 * rules match. It never changes the DOM it reads; callers remove (extract, on a clone) or hide
 * (the content script, with CSS) what it reports.
 *
 *   root ─▶ pre-order walk ─▶ per element: size gate ─▶ rules in table order ─▶ first match = hit
 *                                                                               └▶ subtree skipped
 */
import { pageUrlOf, statsCache } from './block-stats.ts';
import { CLUTTER_RULES, type ClutterRule, type RuleContext } from './clutter-rules.ts';
import { preview, tagOf } from './text.ts';
import type { Removal, RuleGroup } from './types.ts';

export interface ClutterHit {
  element: Element;
  rule: string;
  group: RuleGroup;
  reason: string;
  /** The block's text, collapsed and cut to ~120 characters. */
  text: string;
}

/** Subtrees that hold no clutter blocks of their own (or no text a rule could read). */
const SKIP_SUBTREE = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'SVG',
  'MATH',
  'SELECT',
  'TEXTAREA',
  'OBJECT',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'PICTURE',
]);

/** Inline formatting is never a block of its own; its children are still visited. */
const NOT_A_BLOCK = new Set([
  'HTML',
  'BODY',
  'BR',
  'HR',
  'IMG',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'S',
  'SMALL',
  'SUP',
  'SUB',
  'ABBR',
  'CITE',
  'CODE',
  'KBD',
  'TIME',
  'MARK',
  'Q',
  'VAR',
  'SAMP',
  'INPUT',
  'BUTTON',
  'LABEL',
  'OPTION',
]);

function isDocument(root: Document | Element): root is Document {
  return root.nodeType === 9;
}

/**
 * Blocks of `root` that the clutter rules match, in document order. For a Document the walk
 * covers <body>; for an Element it covers its descendants (never the element itself).
 */
export function findClutter(
  root: Document | Element,
  rules: readonly ClutterRule[] = CLUTTER_RULES,
): ClutterHit[] {
  const start = isDocument(root) ? (root.body ?? root.documentElement) : root;
  if (!start || rules.length === 0) return [];
  const ctx: RuleContext = { stats: statsCache(pageUrlOf(start.ownerDocument)) };
  const largest = Math.max(...rules.map((r) => r.maxChars));
  const hits: ClutterHit[] = [];

  // Explicit stack rather than recursion: pages nest deeply, and skipping a hit's subtree is just
  // "don't push its children".
  const stack: Element[] = [];
  pushChildren(stack, start);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const tag = tagOf(el);
    if (SKIP_SUBTREE.has(tag)) continue;
    const hit = NOT_A_BLOCK.has(tag) ? null : firstMatch(el, rules, ctx, largest);
    if (hit) {
      hits.push(hit);
      continue;
    }
    pushChildren(stack, el);
  }
  return hits;
}

function firstMatch(
  el: Element,
  rules: readonly ClutterRule[],
  ctx: RuleContext,
  largest: number,
): ClutterHit | null {
  const stats = ctx.stats(el);
  // A wrapper of the page (is or holds the h1 or <main>) is never clutter, whatever else it holds.
  if (stats.wrapsPage || stats.approxChars > largest) return null;
  for (const rule of rules) {
    if (stats.approxChars > rule.maxChars) continue;
    if (rule.match(el, ctx)) {
      return {
        element: el,
        rule: rule.name,
        group: rule.group,
        reason: rule.reason,
        text: preview(stats.text),
      };
    }
  }
  return null;
}

/** Pushes `el`'s children last to first, so they pop in document order. */
function pushChildren(stack: Element[], el: Element): void {
  for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
}

/** The plain-data record of a hit, for the Article and the UI (no DOM reference). */
export function toRemoval(hit: ClutterHit): Removal {
  return { rule: hit.rule, group: hit.group, reason: hit.reason, text: hit.text };
}
