/**
 * The clutter table's banners, sign-up boxes, offers, sales pitches and paywalls, and a
 * template's placeholder text (see clutter-rules.ts for how rules are read and tried). Kept apart
 * because their signals are the wordiest: a call to action and the wording around it, always
 * beside the prose check.
 */
import type { BlockStats } from './block-stats.ts';
import type { ClutterRule } from './clutter-rules.ts';
import {
  CONSENT_CTA,
  COOKIE_TEXT,
  CTA_LINE,
  hasCoreOffer,
  NEWSLETTER_CTA,
  NEWSLETTER_LABEL,
  NEWSLETTER_TEXT,
  OFFER_CTA_PATH,
  OFFER_CTA_TEXT,
  offerScore,
  PAYWALL_CTA,
  PAYWALL_TEXT,
  PLACEHOLDER_TEXT,
  SALES_CTA,
} from './clutter-signals.ts';
import { BLOCK_TAGS, tagOf } from './text.ts';

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

/**
 * A closing pitch: a short paragraph about a newsletter or e-mail that ends in its own sign-up
 * link ("…the industry's top source of news. Subscribe here."). The link as the last words is the
 * signal; a story that mentions a newsletter links it inside its sentences, if at all.
 */
function endsInSignUp(s: BlockStats): boolean {
  const last = s.links.at(-1);
  if (!last || s.links.length > 3 || s.text.length > 450 || !SIGN_UP_LINK.test(last.text)) return false;
  return s.text.replace(/[\s.!)]+$/, '').endsWith(last.text) && /newsletter|e-?mail|inbox/i.test(s.text);
}

/** The whole text of a sign-up link that closes a pitch. */
const SIGN_UP_LINK = /^(subscribe|sign up)( here| now| today| for free)?$/i;

/** Words of a site talking about itself. */
const PITCH_WORDS = /\b(our|we)\b/i;
const LEARN_MORE = /^(learn|find out) more\W*$/i;

/** A control's words without the arrows, pointing hands and brackets around them ("➡️ [Save Your Spot Now]"). */
const bare = (text: string): string => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}?!.]+$/gu, '');

const controlsMatch = (s: BlockStats, re: RegExp): boolean =>
  s.buttons.some((b) => re.test(bare(b))) || s.links.some((l) => re.test(bare(l.text)));

export const PROMO_RULES: readonly ClutterRule[] = [
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
      if (endsInSignUp(s)) return true;
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
    name: 'sales-pitch',
    group: 'offer',
    reason:
      'The site selling its own product inside the story: a heading, a line of pitch and a "Get started" or "Book a demo" button.',
    maxChars: 400,
    // Signal: a box that opens with a short heading, holds a sales control ("Learn more" only
    // beside the site's own "our"/"we": a story's sections end with it too) and says little else:
    // no paragraph past 250 characters, no more than three links.
    match: (el, ctx) => {
      if (!BLOCK_TAGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      if (s.label === null || s.links.length > 3 || s.hasForm || s.proseChars > 250) return false;
      // "Learn more" sells only when the box speaks for the site ("Our program equips you…",
      // wcxb 0163); a listicle's pick that ends in "Learn more" or "Book now" describes the pick.
      const sells =
        controlsMatch(s, SALES_CTA) || (controlsMatch(s, LEARN_MORE) && PITCH_WORDS.test(s.plainText));
      if (!sells) return false;
      // Between the heading and the control there is a pitch, in sentences: a pricing card's
      // "$20 per month (paid annually)" is not one (wcxb 0692).
      const pitch = s.plainText.replace(s.label, '');
      return pitch.split(' ').length >= 6 && /\p{L}[.!?](\s|$)/u.test(pitch);
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
  {
    name: 'placeholder',
    group: 'meta',
    reason: 'Text the page template shows until it is filled in ("Loading…", a builder\'s sample copy).',
    maxChars: 200,
    // Signal: the block's whole text is a template's stock placeholder, never a sentence of the story.
    match: (el, ctx) => PLACEHOLDER_TEXT.test(ctx.stats(el).text),
  },
  {
    name: 'paywall',
    group: 'offer',
    reason: 'A paywall notice ("This article is exclusive to subscribers", "Log in to continue reading").',
    maxChars: 600,
    // Signal: paywall wording AND a subscribe or log-in control, in a short block that is not a
    // paragraph of sentences (a story about paywalls says the words in prose, without controls).
    match: (el, ctx) => {
      // The block holding the notice, never a link alone: its words may sit in a sentence.
      if (!BLOCK_TAGS.has(tagOf(el))) return false;
      const s = ctx.stats(el);
      if (s.links.length > 4 || s.proseChars > 300 || !PAYWALL_TEXT.test(s.text)) return false;
      if (!controlsMatch(s, PAYWALL_CTA)) return false;
      return !readsAsProse(s) || s.buttons.length > 0;
    },
  },
];
