/**
 * What comes before the story's first paragraph in Readability's output and is not story: the
 * site's menu lists, a date or "5 min read" line, an affiliate disclosure. Only blocks above the
 * first real paragraph are judged, and only these kinds; a title, a dek or a lead image stays.
 * (Tuned on WCXB article pages: of such lines above the first paragraph, the ground truth keeps
 * 2 of 54 menu lists, 5 of 63 date lines and none of the disclosures or reading times.)
 */

import { preview, tagOf } from './text.ts';
import { isDisclosure, isStoryParagraph, type Leaf, leavesOf } from './trim-tail.ts';
import type { Removal } from './types.ts';

/** A date as sites print it: "March 11, 2019", "15 Dec, 2025", "2025-07-09", "10/31/2024". */
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
  'i',
);
const READING_TIME = /\bmin(ute)?s? read\b|\bread(ing)? time\b/i;
/**
 * Disclosure words, enough on a line above the story that is not a story paragraph; one that
 * reads as a paragraph must pass refine's stricter isDisclosure instead.
 */
const DISCLOSURE_WORDS =
  /\baffiliate\b|\bcommissions?\b|chosen independently|independently (selected|chosen|reviewed)/i;
/** Lines this short are meta lines (a date, a byline with a date); longer ones may be the dek. */
const META_CHARS = 80;
const DISCLOSURE_CHARS = 400;

export interface HeadHit {
  element: Element;
  reason: 'menu' | 'date' | 'disclosure';
  text: string;
}

function judge(leaf: Leaf): HeadHit['reason'] | null {
  const tag = tagOf(leaf.element);
  if (/^(UL|OL|NAV)$/.test(tag) && leaf.linkCount >= 3 && leaf.linkShare >= 0.7) return 'menu';
  if (/^H\d$/.test(tag)) return null;
  // "Posted on the forum on 2025-07-09:" introduces what follows.
  if (leaf.text.endsWith(':')) return null;
  if (leaf.text.length < META_CHARS && (DATE.test(leaf.text) || READING_TIME.test(leaf.text))) return 'date';
  if (leaf.text.length < DISCLOSURE_CHARS && DISCLOSURE_WORDS.test(leaf.text)) return 'disclosure';
  return null;
}

/** Blocks above the first story paragraph that are menus, date lines or disclosures. */
export function findHead(root: Element): HeadHit[] {
  const hits: HeadHit[] = [];
  for (const leaf of leavesOf(root)) {
    // A disclosure reads as a paragraph of sentences: judge it before taking it for the story.
    if (isDisclosure(leaf)) {
      hits.push({ element: leaf.element, reason: 'disclosure', text: leaf.text });
      continue;
    }
    if (isStoryParagraph(leaf)) return hits;
    const reason = judge(leaf);
    if (reason) hits.push({ element: leaf.element, reason, text: leaf.text });
  }
  // No story paragraph at all: nothing to measure "above" against.
  return [];
}

const REASONS: Record<HeadHit['reason'], string> = {
  menu: 'A menu of site links above the article.',
  date: 'A date or reading-time line above the article.',
  disclosure: 'An affiliate or advertising disclosure above the article.',
};

/** Removes findHead's blocks from `root` (Readability's output) and records them. */
export function trimHead(root: Element): Removal[] {
  return findHead(root).map((hit) => {
    hit.element.remove();
    return {
      rule: 'leading-block',
      group: hit.reason === 'menu' ? 'related' : 'meta',
      reason: REASONS[hit.reason],
      text: preview(hit.text),
    };
  });
}
