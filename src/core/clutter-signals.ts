/**
 * The vocabulary the clutter rules look for, in one place so no table is copied twice.
 * Words are only ever one signal among several: every rule that uses them also checks structure
 * (link targets, link density, calls to action, block size), so an article ABOUT subscriptions,
 * social media or advertising keeps its paragraphs.
 */

/**
 * Link text of an accessibility skip link: "Skip to: Content", "Skip to next paragraph", "Jump to
 * main content". "Jump to" only with a part of the page as its target: "Jump to the full list" or
 * "jump to the end of the list" are the article's own table-of-contents links.
 */
export const SKIP_TEXT =
  /^(skip\b|jump to:? (the )?(main |page |primary )?(content|navigation|nav|menu|main|search|footer|article|story)\b)/i;

/** Link text of an in-page "back to top" link. */
/** The whole text of a table of contents' title. */
export const TOC_LABEL =
  /^(table of contents?|contents|in this (article|post|guide|page)|on this page|jump to section)\W*$/i;
export const TOP_TEXT = /^(back to top|return to top|top of (the )?page|to top|top)\W*$/i;

/**
 * Phrases that name a site's own subscription pitch. A pricing table in a product review has
 * prices and "per month" but none of these, and must stay.
 */
const CORE_OFFER_PHRASES: readonly RegExp[] = [
  /subscri(be|ption|ber)/i,
  /special offer|limited[- ]time|introductory (offer|rate)/i,
  /free trial|try (it )?free|\d+ (days|weeks|months) free/i,
  /\bprint (or|and|&|\+) digital\b|\bdigital (edition|access|subscription)\b/i,
  /unlimited (access|articles|reading)|\bmembership\b|become a (member|subscriber)/i,
  /support (our|independent|quality) journalism/i,
];

/** Phrases that mark a block as an offer; a block needs two different ones (see offerScore). */
const OFFER_PHRASES: readonly RegExp[] = [
  ...CORE_OFFER_PHRASES,
  /\bper (week|month|year)\b|\/(wk|mo|month|yr|year)\b/i,
  /[$€£]\s?\d/,
  /\bsave \d+\s?%|\d+\s?% off\b/i,
];

/** The text pitches a subscription, not just a price (see CORE_OFFER_PHRASES). */
export function hasCoreOffer(text: string): boolean {
  return CORE_OFFER_PHRASES.some((re) => re.test(text));
}

/** How many different offer phrases a text contains, counting up to `enough` (all by default). */
export function offerScore(text: string, enough = OFFER_PHRASES.length): number {
  let score = 0;
  for (const re of OFFER_PHRASES) if (re.test(text) && ++score >= enough) break;
  return score;
}

/** A button or link that sells: its text, or the path it leads to. */
export const OFFER_CTA_TEXT =
  /subscri|special offer|free trial|start (your|my) (free )?trial|become a (member|subscriber)|\bjoin\b|get (access|started|the offer|offer)|claim|give a gift|\bbuy\b|^offer\b/i;
export const OFFER_CTA_PATH = /subscri|offer|membership|\/join\b|checkout|promo/i;

/**
 * A paywall's notice: "This article is exclusive to STAT+ subscribers", "Subscribe to continue
 * reading", "Unlock this article", "You have reached your free article limit".
 */
export const PAYWALL_TEXT =
  /\b(exclusive(ly)? (to|for) [\w+ ]{1,30}(subscribers|members)|(subscribe|log ?in|sign ?in|register) to (continue|keep) reading|to (continue|keep) reading,? (please )?(subscribe|log ?in|sign ?in)|unlock (this|the full) (article|story)|you('ve| have) (reached|used up|read) your (free )?(monthly )?(article )?limit|(this|the) (article|story|content) is (only )?(for|available to) (paid )?(subscribers|members))\b/i;
/** A paywall's control: subscribe, log in, sign in. */
export const PAYWALL_CTA = /subscri|log ?in|sign ?in|unlock|join/i;

export const NEWSLETTER_TEXT =
  /newsletter|sign up for (our|the)|e-?mail (updates|alerts|briefing)|in(to)? your inbox|daily (briefing|digest)/i;
/**
 * A sign-up box's opening line, when its form is gone (built by a script the capture or the page
 * never ran): "Subscribe to the X Newsletter", "Receive tips, delivered to your inbox".
 */
export const NEWSLETTER_LABEL =
  /^\W*((subscribe|sign up|join|get)\b.{0,50}\bnewsletters?\b|(receive|get)\b.{0,50}\b(in|to) your inbox|(would you like to )?(receive|get) (e-?mail )?notifications? (about|of|for|on|when)\b.{0,40}|notify me (of|about|when)\b.{0,40})\W*$/iu;
export const NEWSLETTER_CTA = /sign ?up|subscribe|\bjoin\b|get it|register|^go$|submit/i;

export const COOKIE_TEXT =
  /\bcookies?\b|\bconsent\b|\bgdpr\b|tracking technolog|privacy (choices|preferences|settings)/i;
/** The whole text of a consent button or link. */
export const CONSENT_CTA =
  /^(ok|okay|got it|i understand|understood|accept|i accept|agree|i agree|allow|allow all|accept all|accept (all )?cookies|allow (all )?cookies|reject|reject all|decline|manage (cookies|settings|preferences|options)|cookie settings|customi[sz]e|continue|close|dismiss|x|×)\W*$/i;

/** Calls to follow or share, wherever they appear in a short block. */
const SOCIAL_PHRASES =
  'follow us|become a fan|like us on|find us on|connect with us|join us on|see our feeds|share (this|on|via)\\b|share (the|this) (story|article)|tweet this|e-?mail this|subscribe to our (rss|feeds?)|rss feeds?|(add|set) (us )?as (a )?preferred source';
/** Names of networks and feed formats, which social blocks print beside their links. */
const SOCIAL_NAMES =
  'facebook|twitter|google\\+|google plus|youtube|instagram|linkedin|pinterest|tiktok|reddit|tumblr|whatsapp|telegram|threads|bluesky|mastodon|flipboard|rss|atom|e-?mail|[!|•·,/&:]';

export const SOCIAL_PHRASE = new RegExp(SOCIAL_PHRASES, 'i');
// Global regexes are safe to share with String.replace: it resets lastIndex itself.
const SOCIAL_PHRASES_ALL = new RegExp(SOCIAL_PHRASES, 'gi');
const SOCIAL_NAMES_ALL = new RegExp(SOCIAL_NAMES, 'gi');

/** What is left of a text once follow/share phrases and network names are taken out. */
export function withoutSocialWords(text: string): string {
  return text.replace(SOCIAL_PHRASES_ALL, ' ').replace(SOCIAL_NAMES_ALL, ' ').replace(/\s+/g, ' ').trim();
}

/** Hosts of social networks and link-sharing services (a link's host ends with one of these). */
const SOCIAL_HOSTS = new Set([
  'facebook.com',
  'fb.com',
  'fb.me',
  'twitter.com',
  'x.com',
  'instagram.com',
  'linkedin.com',
  'pinterest.com',
  'youtube.com',
  'youtu.be',
  'plus.google.com',
  'tiktok.com',
  'reddit.com',
  'tumblr.com',
  'whatsapp.com',
  'wa.me',
  't.me',
  'telegram.me',
  'threads.net',
  'bsky.app',
  'mastodon.social',
  'flipboard.com',
  'vk.com',
  'weibo.com',
  'snapchat.com',
  'digg.com',
  'stumbleupon.com',
  'delicious.com',
  'feedburner.com',
]);

/** `host` is one of `hosts` or a subdomain of one: one lookup per label, not one test per entry. */
function inDomains(host: string, hosts: ReadonlySet<string>): boolean {
  let suffix = host;
  for (;;) {
    if (hosts.has(suffix)) return true;
    const dot = suffix.indexOf('.');
    if (dot === -1) return false;
    suffix = suffix.slice(dot + 1);
  }
}

/**
 * Words every href that isSocialUrl accepts contains as written (a social host, mail, a feed or
 * share path): most of a page's links fail this test and skip URL parsing. A relative link on a
 * social network's own pages is the one thing it misses, and those are its own navigation.
 */
const SOCIAL_HREF_HINT = new RegExp(
  `${[...SOCIAL_HOSTS].map((h) => h.replace(/[.+]/g, '\\$&')).join('|')}|mailto:|feed|rss|atom|shar|intent|preferences/source`,
  'i',
);

export function mightBeSocialHref(href: string): boolean {
  return SOCIAL_HREF_HINT.test(href);
}

/** A link to a social network, a share intent, a mail-this-story link or a feed. */
export function isSocialUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (inDomains(host, SOCIAL_HOSTS)) return true;
  if (url.protocol === 'mailto:') return /[?&](subject|body)=/i.test(url.search);
  if (host.startsWith('feeds.')) return true;
  // "Add as a preferred source on Google": a follow button for Google's news surfaces.
  if (/(^|\.)google\.[a-z.]+$/.test(host) && url.pathname === '/preferences/source') return true;
  return /(^|\/)(rss|atom|feeds?)(\/|\.xml$|$)|\.(rss|atom)$|\/sharer|\/intent\/(tweet|post)|\/share(article)?\b/i.test(
    url.pathname,
  );
}

/**
 * The heading of a teaser rail. Matched against the block's leading label only (its first short
 * heading-like line), never against prose, so "related" in a sentence does not count.
 */
export const RAIL_LABEL =
  /^(editors'?\s?(picks?|choice)|related( stories| articles| coverage| content| posts| links| reading| news)?|more (from|on|in|about|stories|news|headlines)\b|most (read|popular|viewed|shared|e-?mailed|commented)|you (might|may) (also )?(like|enjoy|be interested)|other (posts|articles|stories)( you (might|may) (also )?(like|enjoy|find interesting))?(?=\W*$)|(posts|articles|stories) you (might|may) (also )?(like|enjoy)|recommended( for you| stories| reading)?|read (more|next|this next)|trending( now)?|popular( now| stories)?|further reading|also (on|in|read)|don'?t miss|top stories|latest (news|stories)|in other news|elsewhere on|from around the web|promoted stories|what to read next|(previous|next) (article|post|story)(?=\W*$))\b/i;

/**
 * A line's opening that points to another story: "You might also like: <link>", "Related: <link>",
 * "Read more: <link>". Only with the colon (or dash) that introduces the link, never in a sentence.
 */
export const INLINE_RELATED =
  /^\W*(you (might|may) (also )?(like|enjoy)|related( (story|stories|article|articles|post|posts|reading|content|coverage))?|read (more|also|next|this next)|also read|recommended( reading)?|more on this( story)?|don'?t miss)\s*[:：—–]\s*/i;

/** The whole text of a site's legal or corporate link ("Privacy Policy", "Do Not Sell My Personal Information"). */
export const LEGAL_LINK =
  /^(privacy( policy| notice| statement| settings| choices)?|cookies?( policy| notice| settings| preferences)?|terms( of (use|service))?|terms (and|&) conditions|do not sell( or share)? my (personal )?(info|information)|your privacy choices|accessibility( statement)?|sitemap|site map|imprint|impressum|legal( notice)?|disclaimer|contact( us)?|about( us)?|careers|advertise( with us)?)\W*$/i;

/**
 * The whole text of an ad label, an ad placeholder or a newsletter's sponsor line ("In partnership
 * with", "Sponsor this newsletter"). Bare "Ad"/"Advertising" are left alone: too often real words.
 */
export const AD_LABEL =
  /^(advertisements?|sponsored( content| links?| stories)?|paid (content|post|partner content)|promoted( content)?|(story|article) continues below(( this)? (advertisement|ad))?|(advertisement\W*)?(continue reading (the main story|below)|scroll to continue( with content)?)|in partnership with|sponsor this (newsletter|issue|post|podcast|episode)|(this (edition|issue|newsletter|episode|post) is )?(sponsored|brought to you|presented) by|anzeige|publicité)\W*$/i;

/** Hosts that serve ads into iframes. */
const AD_HOSTS = new Set([
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
  'amazon-adsystem.com',
  'adnxs.com',
  'adsrvr.org',
  'criteo.com',
  'criteo.net',
  'rubiconproject.com',
  'pubmatic.com',
  'moatads.com',
]);

export function isAdUrl(url: URL): boolean {
  return inDomains(url.hostname.toLowerCase(), AD_HOSTS);
}

/** Heading of a comments section. */
/** The whole text of a comment box's leftovers once its form is gone: a prompt or the form's small print. */
export const COMMENT_PROMPT =
  /^(be the first to comment|no comments( yet)?|leave a (comment|reply)|add a comment|post a comment|comments are closed|by (posting|submitting) (a|your) comment\b.*)\W*$/i;
export const COMMENTS_LABEL =
  /^(\d+\s+)?(comments?|reader comments|join the (discussion|conversation)|leave a (comment|reply)|post a comment|add a comment|discussion|responses?)\b/i;

/** The whole text of a page-tool link or button (print, e-mail, text size...). */
export const TOOL_TEXT =
  /^(print( this)?( page| article| story)?|e-?mail( this)?( page| article| story)?|text size|font size|a\s?[+-]|reprints?( (&|and) permissions)?|permalink|save( for later| article| story)?|bookmark|listen( to this article)?|share|comments?( \(\d+\))?|\d+ comments?)\W*$/i;

/**
 * The whole text of a site's call-to-action button: book, buy, get a quote, learn more. Not
 * "Visit website" or "Shop the <product>": in a list of picks those name the pick and are read.
 */
export const CTA_LINE =
  /^(book( now| a (demo|call|chat)( today)?)?|buy( it)? now|buy poster|shop now|order now|(request|get) a( custom| free)? quote|get (a )?quote|get started( today| now)?|start (your|my) free trial|try (it )?(for )?free|subscribe( now| today)?|sign up( now| today| for free)?|join (now|today)|check (the )?price( on| at) [\w.]+|see (all|more|list|full bio)|view (all|in list|all plans)|learn more|read more|find out more)\W*$/i;

/**
 * The whole text of a sales call to action: a control that sells the site's own product or
 * service (not "Learn more" or "Read more", which a story's own sections also end with).
 */
export const SALES_CTA =
  /^(get started( (for free|today|now)| with [\w .-]{1,30})?|book (a |your )?(demo|call|consultation|tour)( today)?|(request|schedule|get) (a |your )?(free )?(demo|quote|estimate|consultation)|contact (our )?sales|talk to (sales|an expert|us)|start (your |my |a )?free trial|try (it |us )?(for )?free( today)?|shop now|buy now|order now|reserve (your date|now)|save (your|my) (spot|seat)( now)?|start planning( your event)?|sign up (now|today|for free))\W*$/i;

/**
 * Text a page template shows until a script or an editor fills it in: a builder's sample copy
 * ("This is some text inside of a div block.", "Button Text"), "Loading…" stubs. Not lorem
 * ipsum: a page of it is a test page or a mock-up, and its lorem ipsum is all it has to read.
 */
export const PLACEHOLDER_TEXT =
  /^((loading( paragraph| image| content)?\s*(\.\.\.|…)\s*)+|button text|this is some text inside of a div block\.?)$/i;
