/**
 * The clutter table: what Declutter takes out of a page besides what Readability drops, as data.
 *
 * Each rule names a kind of block, its group (how the UI lists it) and the reason a person reads.
 * Rules decide on structure and links first (in-page anchors, where links go, calls to action,
 * form fields, how short and link-dense a block is) and use words only beside those. No rule
 * matches class-name substrings. Every rule is guarded by the prose check (BlockStats.proseChars):
 * a block holding a real paragraph is never clutter, so an article about social media,
 * subscriptions or ads keeps its text.
 *
 * findClutter walks the page once, tries the rules in this order on each element and takes the
 * first that matches; a matched block's descendants are not visited.
 */
import type { BlockStats, LinkInfo } from './block-stats.ts';
import { PROMO_RULES } from './clutter-rules-promo.ts';
import {
  AD_LABEL,
  COMMENT_PROMPT,
  COMMENTS_LABEL,
  INLINE_RELATED,
  isAdUrl,
  isSocialUrl,
  LEGAL_LINK,
  mightBeSocialHref,
  RAIL_LABEL,
  SKIP_TEXT,
  SOCIAL_PHRASE,
  TOC_LABEL,
  TOOL_TEXT,
  TOP_TEXT,
  withoutSocialWords,
} from './clutter-signals.ts';
import { BLOCK_TAGS, tagOf } from './text.ts';
import type { RuleGroup } from './types.ts';

export interface RuleContext {
  /** Measures of a block, computed once per element and pass. */
  stats(el: Element): BlockStats;
}

export interface ClutterRule {
  name: string;
  group: RuleGroup;
  /** Why the block goes, in words a person can read (shown in the reading view's "removed" list). */
  reason: string;
  /** The most text (characters) a block this rule takes can hold; bigger blocks are not tried. */
  maxChars: number;
  match(el: Element, ctx: RuleContext): boolean;
}

/** Headings are content: "Advertising" or "Related work" as a section title must stay. */
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** A block that is nothing but links of one kind: no other text (separators aside), no buttons or fields. */
function onlyLinks(s: BlockStats, kind: (link: LinkInfo) => boolean): boolean {
  return (
    s.links.length > 0 &&
    s.links.every(kind) &&
    s.plainText.replace(/[\s|:•·,/-]/g, '').length <= 3 &&
    s.buttons.length === 0 &&
    !s.hasForm
  );
}

const isSkipLink = (l: LinkInfo): boolean => l.inPage && SKIP_TEXT.test(l.text);
const isTopLink = (l: LinkInfo): boolean => (l.inPage || l.href === '#') && TOP_TEXT.test(l.text);
/** Per link object: a page's links are asked again for every small block around them. */
const socialLinks = new WeakMap<LinkInfo, boolean>();
function isSocialLink(l: LinkInfo): boolean {
  let social = socialLinks.get(l);
  if (social === undefined) {
    social = l.text.length <= 40 && mightBeSocialHref(l.href) && l.url !== null && isSocialUrl(l.url);
    socialLinks.set(l, social);
  }
  return social;
}

/** Markup that ad tags insert: standard ad-tech hooks, matched exactly, never by substring. */
function isAdSlotMarkup(el: Element): boolean {
  // Every hook below is an attribute: most small blocks of a page have none to read.
  if (!el.hasAttributes()) return false;
  const tag = tagOf(el);
  if (tag === 'INS' && el.classList.contains('adsbygoogle')) return true;
  if (
    el.hasAttribute('data-ad-slot') ||
    el.hasAttribute('data-ad-unit') ||
    el.hasAttribute('data-google-query-id')
  )
    return true;
  if (/^(div-gpt-ad|google_ads_iframe)/.test(el.id)) return true;
  if (tag === 'IFRAME') {
    try {
      return isAdUrl(new URL(el.getAttribute('src') ?? '', 'http://invalid.invalid/'));
    } catch {
      return false;
    }
  }
  return false;
}

export const CLUTTER_RULES: readonly ClutterRule[] = [
  // ── Navigation aids of the page itself ────────────────────────────────────────────────
  {
    name: 'skip-link',
    group: 'skip-link',
    reason:
      'An accessibility link that jumps within the original page ("Skip to…"); it has no target in the reading view.',
    maxChars: 200,
    // Signal: every link points into this page (href="#…") and its text starts with "Skip"/"Jump".
    match: (el, ctx) => onlyLinks(ctx.stats(el), isSkipLink),
  },
  {
    name: 'back-to-top',
    group: 'skip-link',
    reason: 'A "Back to top" link of the original page.',
    maxChars: 60,
    match: (el, ctx) => onlyLinks(ctx.stats(el), isTopLink),
  },

  {
    name: 'table-of-contents',
    group: 'skip-link',
    reason: 'A table of contents of jump links into the original page.',
    maxChars: 1500,
    // Signal: three or more links, every one into this page (href="#…"), and little else: at most
    // a heading ("Table of contents", "In this article"). Footnote links sit inside prose and
    // never make up a whole block.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      // Buttons without a word are the contents' own expand toggles ("+", "−", "▾").
      const wordy = s.buttons.some((b) => /\p{L}/u.test(b));
      if (s.links.length < 3 || wordy || s.hasForm || !s.links.every((l) => l.inPage)) return false;
      const other = s.plainText.replace(/[\s|:•·,/\-\d.+−–▾▸▼►›»]/g, '').length;
      return other <= 40 && (s.label === null || s.plainText.length <= s.label.length + 10);
    },
  },

  {
    name: 'toc-label',
    group: 'skip-link',
    reason: 'The title of a table of contents whose links are gone or never worked ("Table of contents").',
    maxChars: 40,
    // Signal: the block's whole text is a contents title and it holds no link. Headings are left to
    // the table-of-contents rule, which takes them together with their links.
    match: (el, ctx) => {
      if (HEADINGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      return s.links.length === 0 && TOC_LABEL.test(s.text);
    },
  },

  // ── Ads ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'ad-slot',
    group: 'ads',
    reason: 'An ad slot or an "Advertisement" label.',
    maxChars: 80,
    // Signal: ad-tech markup (adsbygoogle, GPT slot ids, ad-server iframes), or a block whose whole
    // text is an ad label. Headings are exempt so an article about advertising keeps its titles.
    match: (el, ctx) => {
      if (isAdSlotMarkup(el)) return true;
      if (HEADINGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      return s.links.length <= 1 && AD_LABEL.test(s.text);
    },
  },

  // ── Banners, sign-up boxes, offers and paywalls (clutter-rules-promo.ts) ──────────────
  ...PROMO_RULES,

  // ── Social ───────────────────────────────────────────────────────────────────────────
  {
    name: 'social-links',
    group: 'social',
    reason: 'Follow/share links to social networks and feeds ("Become a fan! Follow us!").',
    maxChars: 300,
    // Signal: most links go to social networks, share intents or feeds, and apart from
    // "Follow us"-style words and network names the block says nothing. Or a follow/share
    // phrase next to a social link or a button. Short blocks only.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      // Without a link or a button neither test below can pass: skip the text work.
      if (s.links.length === 0 && s.buttons.length === 0) return false;
      // Both tests below need a social link or a button; links are checked once per pass.
      const social = s.links.filter(isSocialLink).length;
      if (social === 0 && s.buttons.length === 0) return false;
      // A closing line that asks for a follow and links two networks or more ("…and follow us on
      // Facebook, Instagram and TikTok to stay up to date."), whatever else it says.
      if (social >= 2 && SOCIAL_PHRASE.test(s.text) && !HEADINGS.has(tagOf(el))) return true;
      if (s.proseChars > 150 || withoutSocialWords(s.plainText).length > 20) return false;
      if (s.links.length >= 2 && social / s.links.length >= 0.6) return true;
      return SOCIAL_PHRASE.test(s.text) && (social >= 1 || s.buttons.length > 0);
    },
  },

  // ── Teaser rails and discussion ──────────────────────────────────────────────────────────
  {
    name: 'teaser-rail',
    group: 'related',
    reason: 'A rail of links to other stories ("Editors\' picks", "Related", "Most read").',
    maxChars: 2500,
    // Signal: the block opens with a rail heading AND is mostly links (>= 35% of its text).
    // The heading is the block's first line only, so "related" inside a sentence never counts.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (!s.label || !RAIL_LABEL.test(s.label) || s.links.length < 2 || s.proseChars > 300) return false;
      return s.linkChars / Math.max(1, s.text.length) >= 0.35;
    },
  },
  {
    name: 'related-link',
    group: 'related',
    reason:
      'A line inside the article that points to another story ("You might also like: …", "Related: …").',
    maxChars: 220,
    // Signal: a line that opens with a teaser label and a colon, and past the label is one or two
    // links and nothing else.
    match: (el, ctx) => {
      if (!BLOCK_TAGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      if (s.links.length === 0 || s.links.length > 2 || s.buttons.length > 0) return false;
      const label = INLINE_RELATED.exec(s.text);
      if (!label) return false;
      const rest = s.text.length - label[0].length;
      return rest > 0 && s.linkChars >= rest * 0.85;
    },
  },
  {
    name: 'comments',
    group: 'comments',
    reason: 'The comments section and its form.',
    maxChars: 5000,
    // Signal: a "Comments"/"Join the discussion" heading AND a form or text box; or Disqus's mount
    // point; or, outside headings, a block that is all prompt ("Be the first to comment") or the
    // form's small print ("By posting a comment, you consent…").
    match: (el, ctx) => {
      if (el.id === 'disqus_thread') return true;
      const s = ctx.stats(el);
      if (
        s.text.length <= 300 &&
        s.links.length <= 1 &&
        !HEADINGS.has(tagOf(el)) &&
        COMMENT_PROMPT.test(s.text)
      )
        return true;
      return s.label !== null && COMMENTS_LABEL.test(s.label) && (s.hasTextarea || s.hasForm);
    },
  },
  {
    name: 'legal-links',
    group: 'meta',
    reason: 'The site\'s legal links ("Privacy Policy", "Terms of Use", "Cookie Notice").',
    maxChars: 300,
    // Signal: three or more links, every one a legal or corporate page, and almost no other text.
    // A sentence that links to a privacy policy has words of its own.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (s.links.length < 3 || !s.links.every((l) => LEGAL_LINK.test(l.text))) return false;
      return s.plainText.replace(/[\s|:•·,/-]/g, '').length <= 3;
    },
  },
  {
    name: 'page-tools',
    group: 'meta',
    reason: 'Page tools of the original site (print, e-mail, text size).',
    maxChars: 150,
    // Signal: two or more controls, most of them page tools, and almost no other text.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (s.links.length + s.buttons.length < 2) return false;
      const controls = [...s.links.map((l) => l.text), ...s.buttons];
      const tools = controls.filter((t) => TOOL_TEXT.test(t)).length;
      return (
        tools >= 2 && tools >= controls.length * 0.6 && s.plainText.replace(/[\s|:•·,/-]/g, '').length <= 3
      );
    },
  },
];
