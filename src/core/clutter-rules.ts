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
import {
  AD_LABEL,
  COMMENT_PROMPT,
  COMMENTS_LABEL,
  CONSENT_CTA,
  COOKIE_TEXT,
  CTA_LINE,
  hasCoreOffer,
  INLINE_RELATED,
  isAdUrl,
  isSocialUrl,
  LEGAL_LINK,
  mightBeSocialHref,
  NEWSLETTER_CTA,
  NEWSLETTER_LABEL,
  NEWSLETTER_TEXT,
  OFFER_CTA_PATH,
  OFFER_CTA_TEXT,
  offerScore,
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

/**
 * The block's own words are one paragraph of sentences: nearly all its non-link text sits in one
 * block, it runs to a dozen words or more and has sentence punctuation. Promo boxes are short
 * lines ("Weekly review of global news and ideas"); a story's paragraph is not.
 */
function readsAsProse(s: BlockStats): boolean {
  const plain = s.plainText;
  const oneBlock = s.proseChars >= 0.8 * plain.length;
  return oneBlock && plain.split(' ').length >= 12 && /[.!?]["”’)]?(\s|$)/.test(plain);
}

const controlsMatch = (s: BlockStats, re: RegExp): boolean =>
  s.buttons.some((b) => re.test(b)) || s.links.some((l) => re.test(l.text));

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

  // ── Banners and sign-up boxes ───────────────────────────────────────────────────────────
  {
    name: 'cookie-consent',
    group: 'consent',
    reason: 'A cookie or consent banner.',
    maxChars: 1200,
    // Signal: talks about cookies/consent AND offers an accept/reject/close control. A long
    // paragraph only counts when it carries a real <button>: articles about privacy have none.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (s.links.length > 4) return false;
      // The control first: it is one short string, the wording test reads the whole block.
      const button = s.buttons.some((b) => CONSENT_CTA.test(b));
      if (!button && !s.links.some((l) => CONSENT_CTA.test(l.text))) return false;
      if (!COOKIE_TEXT.test(s.text)) return false;
      if (button) return s.proseChars <= 900;
      return s.proseChars <= 300;
    },
  },
  {
    name: 'newsletter-signup',
    group: 'newsletter',
    reason: 'A newsletter sign-up box.',
    maxChars: 500,
    // Signal: an e-mail field, or newsletter wording with a sign-up button/link; few links, no prose.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (s.links.length > 3 || s.proseChars > 250) return false;
      // A paragraph of sentences with a form under it (a blog's own "thank you for reading") is
      // the author speaking: a sign-up box says one short line.
      if (s.proseChars > 150 && readsAsProse(s)) return false;
      if (s.hasEmailInput && s.buttons.some((b) => NEWSLETTER_CTA.test(b))) return true;
      // Without any control, the box must open with a sign-up line and stay short.
      if (!s.hasEmailInput && s.buttons.length === 0 && s.label !== null && NEWSLETTER_LABEL.test(s.label))
        return s.text.length <= 400 && s.links.length <= 2;
      // Without an e-mail field it takes a sign-up control: check that before the wording.
      if (!s.hasEmailInput && !controlsMatch(s, NEWSLETTER_CTA)) return false;
      return NEWSLETTER_TEXT.test(s.text);
    },
  },
  {
    name: 'subscription-offer',
    group: 'offer',
    reason: 'A subscription or special-offer promotion.',
    maxChars: 600,
    // Signal: at least two different offer phrases ("Subscribe…", "Special Offer", "print or
    // digital", prices) AND a call to action: a button, or a link whose text or path sells. A
    // block that reads as one paragraph of sentences (a deals story: "76% off… for just $429")
    // needs a real button: its links are links in prose, not calls to action.
    match: (el, ctx) => {
      const s = ctx.stats(el);
      if (s.links.length > 3 || s.proseChars > 200) return false;
      // The call to action first: a few short strings, where the phrases read the whole block.
      const button = s.buttons.some((b) => OFFER_CTA_TEXT.test(b));
      const link =
        !button &&
        s.links.some(
          (l) => OFFER_CTA_TEXT.test(l.text) || (l.url !== null && OFFER_CTA_PATH.test(l.url.pathname)),
        );
      if (!button && !link) return false;
      if (offerScore(s.text, 2) < 2 || !hasCoreOffer(s.text)) return false;
      return button || !readsAsProse(s);
    },
  },

  {
    name: 'cta-button',
    group: 'offer',
    reason: 'A call-to-action button of the site ("Book now", "Get a quote", "Learn more").',
    maxChars: 40,
    // Signal: the block is one link or button and nothing else, and its whole text is a call to
    // action. A link with those words inside a sentence is never a whole block.
    match: (el, ctx) => {
      // The line holding the control, not the link itself: a link inside a sentence is an element too.
      if (!BLOCK_TAGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      if (s.links.length + s.buttons.length !== 1 || s.hasForm) return false;
      const control = s.links[0]?.text ?? s.buttons[0] ?? '';
      // A button's words are not link text: the block says nothing else when its text is the button's.
      if (s.text.replace(control, '').replace(/[\s|:•·,/→›»-]/g, '').length > 0) return false;
      return CTA_LINE.test(control);
    },
  },

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
