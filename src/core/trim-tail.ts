/**
 * What follows the story's last paragraph in Readability's output: tag lists, "related" rails,
 * author boxes, share and comment prompts, affiliate disclosures. Also the leaf walk (a block's
 * text, links and link share in reading order) that the head trim and dedupe read too.
 */
import { RAIL_LABEL } from './clutter-signals.ts';
import { BLOCK_TAGS, collapse, preview, tagOf } from './text.ts';
import type { Removal } from './types.ts';

/** Blocks a tail is read in: the walk stops at these and judges each as one block. */
const LEAF_BLOCK = /^(P|H\d|UL|OL|DL|BLOCKQUOTE|PRE|TABLE|FIGURE)$/;
/** A tail block holding any of these is content (a closing chart, code, a video), never trimmed. */
const KEEP_INSIDE = 'img, picture, video, audio, iframe, svg, pre, table, code, math';
/** A paragraph of the story: this much text with few links. */
const PROSE_CHARS = 150;
/** Short lines after the story: a byline box, "Tags:", "Share", a sign-off prompt. */
const SHORT_CHARS = 80;
/** A sentence of three words or more: ends with sentence punctuation (a prompt like "Share" or "Tags" does not). */
const SENTENCE = /^\S+\s+\S+\s+\S+.*[.!?…]["”’)]?$/u;
/** The trimmed tail must stay a small part of the article, or the blocks are the article's own. */
const MAX_TAIL_SHARE = 0.2;
/** A blog's post footer: "Posted by David at December 16, 2025 11:15 AM" (its figures are a date). */
const POSTED = /^(posted|published|filed) (by|on|in)\b/i;
/** A rail under its own heading may be longer (teasers with excerpts), but never most of the text. */
const MAX_RAIL_SHARE = 0.6;
/**
 * A teaser's excerpt: cut off mid-text with an ellipsis ("…on Tuesday, December 1..."). It can be
 * as long as a paragraph, so it does not mark where the story ends (wcxb 0392). WordPress ends
 * its excerpts with "[…]" (wcxb 0246).
 */
const EXCERPT = /([^\s.](\.\.\.|…)|\[(\.\.\.|…)\])$/u;

/** A paragraph of the story: long enough and not mostly links. */
export function isStoryParagraph(leaf: Leaf): boolean {
  return leaf.text.length >= PROSE_CHARS && leaf.linkShare < 0.3;
}

/**
 * The author box under a story: "Jane Roe is a freelance writer who…", "About the author",
 * "Written by Jane Roe". Only ever judged in the tail, below the story's last paragraph.
 */
const AUTHOR_BIO =
  /^([Aa]bout [Tt]he [Aa]uthor\b|ABOUT THE AUTHOR\b|[Ww]ritten [Bb]y\b|WRITTEN BY\b|(?!(This|That|It|There|Here|What|Which|He|She|They)\b)[A-Z][\p{L}.'’-]+( [A-Z][\p{L}.'’-]+){0,3},? (is|was) (a|an|the|our)\b)/u;
function isAuthorBio(leaf: Leaf): boolean {
  return (
    leaf.text.length < 500 && !/^(H\d|UL|OL|TABLE)$/.test(tagOf(leaf.element)) && AUTHOR_BIO.test(leaf.text)
  );
}

/**
 * The site speaking about its links ("This post may contain affiliate links…", "As an Amazon
 * Associate I earn from qualifying purchases"): a line of sentences, so it can pass for a story
 * paragraph, but its wording is the site's own. An article about affiliate marketing says "you
 * earn a commission", not "we".
 */
const DISCLOSURE =
  /^(editorial |affiliate )?(note|disclosure|disclaimer)\b.*\baffiliate\b|\b(may|might|can) (contain|include) affiliate links\b|\b(we|I|us)( may| might| will| can)? earn (us )?(a )?(small )?commissions?\b|\bearn from qualifying purchases\b/iu;
export function isDisclosure(leaf: Leaf): boolean {
  return (
    leaf.text.length < 400 && !/^(H\d|UL|OL|TABLE)$/.test(tagOf(leaf.element)) && DISCLOSURE.test(leaf.text)
  );
}

/** A block of nothing but linked pictures: a badge, a teaser thumbnail, an affiliate banner. */
function isLinkedMedia(leaf: Leaf): boolean {
  if (leaf.text.length > 0 || leaf.linkCount === 0) return false;
  const media = Array.from(leaf.element.querySelectorAll(KEEP_INSIDE));
  return media.length > 0 && media.every((m) => m.closest('a') !== null);
}

export interface TailHit {
  element: Element;
  reason: 'links' | 'short';
  text: string;
}

export interface Leaf {
  element: Element;
  text: string;
  linkShare: number;
  linkCount: number;
  /** Links to another site than the page's own: a list of them is sources, not "related". */
  externalLinks: number;
}

function hostOf(href: string | null, base: string): string | null {
  try {
    return new URL(href ?? '', base).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The article's text blocks in reading order (a list or a table counts as one). */
export function leavesOf(root: Element, pageUrl: string | null = null): Leaf[] {
  const base = pageUrl || root.ownerDocument?.URL || 'http://invalid.invalid/';
  const pageHost = pageUrl ? hostOf(pageUrl, pageUrl) : null;
  const leaves: Leaf[] = [];
  const visit = (el: Element): void => {
    const hasBlockChild = Array.from(el.children).some((c) => c.tagName !== 'BR' && BLOCK_TAGS.has(tagOf(c)));
    if (LEAF_BLOCK.test(tagOf(el)) || !hasBlockChild) {
      const text = collapse(el.textContent ?? '');
      if (text.length === 0 && !el.querySelector(KEEP_INSIDE)) return;
      const links = Array.from(el.querySelectorAll('a'));
      let linkChars = 0;
      let externalLinks = 0;
      for (const a of links) {
        linkChars += collapse(a.textContent ?? '').length;
        const host = hostOf(a.getAttribute('href'), base);
        if (host && pageHost && host !== pageHost) externalLinks++;
      }
      leaves.push({
        element: el,
        text,
        linkShare: text.length ? linkChars / text.length : 0,
        linkCount: links.length,
        externalLinks,
      });
      return;
    }
    for (const child of Array.from(el.children)) visit(child);
  };
  for (const child of Array.from(root.children)) visit(child);
  return leaves;
}

/**
 * Blocks after the story's last paragraph that are not story: link lists (tags, "related"),
 * headings with nothing under them, and short lines (author boxes, share prompts). Read from the
 * end backwards and stops at the first block that could be content (a media block, a longer or
 * link-poor one), so a closing heading over a table or a chart stays.
 */
export function findTail(root: Element, pageUrl: string | null = root.ownerDocument?.URL ?? null): TailHit[] {
  const leaves = leavesOf(root, pageUrl);
  const total = leaves.reduce((n, l) => n + l.text.length, 0);
  // A closing box under its own heading (an author's bio, a donation appeal) goes whole, however
  // long its paragraphs run. The walk below still reads the box as before: where the story ends is
  // judged as it was, so what sits above the box (an FAQ, wcxb 0046) is not taken with it.
  const box = leaves.slice(boxStart(leaves));
  const boxHits =
    box.reduce((n, l) => n + l.text.length, 0) <= total * MAX_BOX_SHARE
      ? box.map((leaf): TailHit => ({ element: leaf.element, reason: 'short', text: leaf.text }))
      : [];
  const boxed = new Set(boxHits.map((h) => h.element));
  let last = -1;
  for (let i = leaves.length - 1; i >= 0; i--) {
    const leaf = leaves[i]!;
    if (isStoryParagraph(leaf) && !isAuthorBio(leaf) && !isDisclosure(leaf) && !EXCERPT.test(leaf.text)) {
      last = i;
      break;
    }
  }
  if (last < 0) return boxHits;
  const hits: TailHit[] = [];
  let chars = 0;
  // A rail's heading ("You might also like…") below the story: it and all under it go, pictures
  // too (teaser thumbnails), unless a list of other sites' links (sources) is among them.
  const rail = railStart(leaves, last);
  const railHits: TailHit[] = [];
  let railChars = 0;
  for (let i = rail; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    railChars += leaf.text.length;
    railHits.push({ element: leaf.element, reason: 'links', text: leaf.text });
  }
  for (let i = rail - 1; i > last; i--) {
    const leaf = leaves[i]!;
    if (isAuthorBio(leaf) || isDisclosure(leaf)) {
      chars += leaf.text.length;
      hits.push({ element: leaf.element, reason: 'short', text: leaf.text });
      continue;
    }
    const badge = isLinkedMedia(leaf);
    if (
      !badge &&
      (leaf.element.querySelector(KEEP_INSIDE) || /^(PRE|TABLE|FIGURE)$/.test(tagOf(leaf.element)))
    ) {
      // A closing picture without a word stays, and the walk reads on above it: a "Pin this for
      // later!" over the pinnable image is a prompt all the same (wcxb 4164, 4662).
      if (leaf.text.length === 0) continue;
      break;
    }
    // A closing sentence ("Thanks to Eric for his feedback.", "Happy Christmas!") is the
    // author's; a list of links to other sites is the article's sources.
    const heading = /^H\d$/.test(tagOf(leaf.element));
    if (!heading && leaf.linkShare < 0.5 && SENTENCE.test(leaf.text)) break;
    const sourceLinks = leaf.linkCount >= 2 || leaf.linkShare >= 0.9;
    if (sourceLinks && leaf.externalLinks >= leaf.linkCount * 0.5) break;
    // One long linked sentence is a closing remark; a link list has several links or is short.
    const links =
      badge ||
      (leaf.text.length > 0 &&
        leaf.linkShare >= 0.5 &&
        (leaf.linkCount >= 2 || leaf.text.length < SHORT_CHARS));
    // Short lines with figures ("Prep 10 mins", "Serves 4") are a closing fact box, not a prompt.
    const short =
      (leaf.text.length < SHORT_CHARS && (!/\d/.test(leaf.text) || POSTED.test(leaf.text))) || heading;
    if (!links && !short) break;
    chars += leaf.text.length;
    hits.push({ element: leaf.element, reason: links ? 'links' : 'short', text: leaf.text });
  }
  const walked = [
    ...(chars <= total * MAX_TAIL_SHARE ? hits.reverse() : []),
    ...(railChars <= total * MAX_RAIL_SHARE ? railHits : []),
  ];
  return [...walked.filter((hit) => !boxed.has(hit.element)), ...boxHits];
}

/**
 * The heading of a closing box: "About the author", "This story is funded by readers like you",
 * "Support independent journalism", a review site's "Checking our work" (wcxb 4430). The whole
 * line is the heading, so a sentence about an author or about support never counts. A closing "Ready to plant the Gardenary way?" is not one: what
 * follows is the author's own last word more often than a sales box (wcxb 0145, 0184, 4053).
 */
const BOX_HEADING =
  /^\W*(about the (author|writer)s?|meet the (author|writer)|(this|our) (story|article|journalism|reporting|newsroom) (is|was) (funded|supported|made possible) by (readers|people) like you|support (our|independent) (journalism|newsroom|reporting)|checking our work|why (you can )?trust us)\W*$/i;
/** A closing box is short: from its heading to the end, at most this much text... */
const MAX_BOX_CHARS = 1200;
/** ...and a small part of the article. */
const MAX_BOX_SHARE = 0.3;

/** Index of the closing box's heading; the end when there is none. */
function boxStart(leaves: readonly Leaf[]): number {
  let chars = 0;
  for (let i = leaves.length - 1; i >= 0; i--) {
    const leaf = leaves[i]!;
    if (leaf.text.length < RAIL_HEADING_CHARS && leaf.linkCount === 0 && BOX_HEADING.test(leaf.text))
      return i;
    chars += leaf.text.length;
    if (chars > MAX_BOX_CHARS) break;
  }
  return leaves.length;
}

/** Below this many characters a line can be a rail's heading. */
const RAIL_HEADING_CHARS = 80;

/**
 * Index of the first rail heading after leaf `last`; the end when what follows it holds a list of
 * other sites' links or a bare address (the article's sources: "Related papers" and a DOI link,
 * wcxb 4027), a table or code (a closing comparison, a listing).
 */
function railStart(leaves: readonly Leaf[], last: number): number {
  for (let i = last + 1; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    if (leaf.text.length >= RAIL_HEADING_CHARS || leaf.linkCount > 0 || !RAIL_LABEL.test(leaf.text)) continue;
    const rest = leaves.slice(i + 1);
    const content = rest.some(
      (l) =>
        (l.linkCount >= 2 && l.externalLinks >= l.linkCount * 0.5) ||
        /^https?:\/\/\S+$/.test(l.text) ||
        /^(TABLE|PRE)$/.test(tagOf(l.element)) ||
        l.element.querySelector('table, pre') !== null,
    );
    return content ? leaves.length : i;
  }
  return leaves.length;
}

/** Removes findTail's blocks from `root` (Readability's output) and records them. */
export function trimTail(root: Element, pageUrl?: string | null): Removal[] {
  return findTail(root, pageUrl).map((hit) => {
    hit.element.remove();
    return {
      rule: 'trailing-block',
      group: hit.reason === 'links' ? 'related' : 'meta',
      reason:
        hit.reason === 'links'
          ? 'A list of links after the end of the article (tags, related stories).'
          : 'A short line after the end of the article (author box, affiliate disclosure, share or comment prompt).',
      text: preview(hit.text),
    };
  });
}
