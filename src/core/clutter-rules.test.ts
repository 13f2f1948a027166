/**
 * Every clutter rule on small pages: each has cases it must take (the block marked id="t") and
 * look-alikes it must leave (nothing at all may be found). Run under jsdom and linkedom.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUTTER_RULES } from './clutter-rules.ts';
import { findClutter } from './find-clutter.ts';
import { DOMS, PAGE_URL, PROSE, page, type TestDom } from './test-doms.ts';

interface Case {
  title: string;
  body: string;
  /** The rule that must take #t; null = nothing on the page may be found. */
  rule: string | null;
  /** Only under these DOMs (default: all). */
  only?: TestDom['name'];
}

const CASES: Case[] = [
  // skip-link
  {
    title: 'seed skip links as one block',
    body: `<div id="t"><a href="#content">Skip to: Content</a> <a href="#nav">Skip to: Site Navigation</a> <a href="#search">Skip to: Search</a></div><p>${PROSE}</p>`,
    rule: 'skip-link',
  },
  {
    title: '"Skip to next paragraph" between paragraphs',
    body: `<div><p>${PROSE}</p><p id="t"><a href="#p2">Skip to next paragraph</a></p><p id="p2">${PROSE}</p></div>`,
    rule: 'skip-link',
  },
  {
    title: 'a skip link inside a nav is taken alone',
    body: `<nav><a id="t" href="#main">Skip to main content</a> <a href="/">Home</a> <a href="/news">News</a></nav><main id="main"><p>${PROSE}</p></main>`,
    rule: 'skip-link',
  },
  {
    title: 'skip link written as this page URL plus a fragment',
    body: `<p id="t"><a href="${PAGE_URL}#main">Skip to main content</a></p><p>${PROSE}</p>`,
    rule: 'skip-link',
    only: 'jsdom',
  },
  {
    title: 'a "skip" link to another page',
    body: `<p><a href="/skip-hire">Skip hire prices</a></p>`,
    rule: null,
  },
  {
    title: 'prose starting with "Skip" and a footnote anchor',
    body: `<p>Skip the queue, the guide says, by booking ahead<a href="#fn1">1</a>. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'an article\'s own "Jump to the full list" link (wcxb 4860, 0231)',
    body: `<p>${PROSE}</p><p><a href="#list">Jump to the full list of the best website builders for small business.</a></p><h2 id="list">The list</h2><p>${PROSE}</p>`,
    rule: null,
  },
  {
    title: '"Jump to main content" is still a skip link',
    body: `<p id="t"><a href="#main">Jump to main content</a></p><main id="main"><p>${PROSE}</p></main>`,
    rule: 'skip-link',
  },
  // table-of-contents
  {
    title: 'a table of contents under its heading',
    body: `<div id="t"><p>Table of Contents</p><ol><li><a href="#a">What kelp needs</a></li><li><a href="#b">Costs</a></li><li><a href="#c">The first harvest</a></li></ol></div><h2 id="a">What kelp needs</h2><p>${PROSE}</p>`,
    rule: 'table-of-contents',
  },
  {
    title: 'footnote links inside a paragraph',
    body: `<p>The survey<a href="#fn1">1</a> and the lease rules<a href="#fn2">2</a> differ, the report says<a href="#fn3">3</a>. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'a list of links to other pages',
    body: `<p>${PROSE}</p><ul><li><a href="/a">What kelp needs</a></li><li><a href="/b">Costs</a></li><li><a href="/c">The first harvest</a></li></ul>`,
    rule: null,
  },
  // back-to-top
  {
    title: '"Back to top"',
    body: `<p>${PROSE}</p><p id="t"><a href="#top">Back to top</a></p>`,
    rule: 'back-to-top',
  },
  { title: '"Top stories" link', body: `<p><a href="/top">Top stories</a></p><p>${PROSE}</p>`, rule: null },
  {
    title: '"Add as a preferred source on Google" above the story',
    body: `<p id="t"><a href="https://www.google.com/preferences/source?q=example.com">Add as a preferred source on Google</a></p><p>${PROSE}</p>`,
    rule: 'social-links',
  },
  {
    title: 'a link to Google search with source words in prose',
    body: `<p>${PROSE} <a href="https://www.google.com/search?q=preferred+source">a preferred source</a>.</p>`,
    rule: null,
  },
  // cta-button
  {
    title: 'a "Book Now" button under a listing',
    body: `<p>${PROSE}</p><p id="t"><a href="https://booking.example/x">Book Now</a></p><p>${PROSE}</p>`,
    rule: 'cta-button',
  },
  {
    title: 'a "Request a Quote" <button>',
    body: `<p>${PROSE}</p><div id="t"><button type="button">Request a Quote</button></div>`,
    rule: 'cta-button',
  },
  {
    title: 'CTA words inside a sentence, and a pick\'s own "Visit website" and "Shop the" links',
    body: `<p>${PROSE} You can <a href="/book">book now</a> for spring.</p><p><a href="https://kelp.example">Visit website</a></p><p><a href="/p">Shop the Kelp Kit</a></p>`,
    rule: null,
  },
  // sales-pitch
  {
    title: 'a product pitch box in the story: heading, a line, "Get started" (wcxb 4256)',
    body: `<p>${PROSE}</p><div id="t"><h3>Never take meeting notes again</h3><p>Record, transcribe and summarize your meetings with Fellow.</p><p><a href="/signup">Get started with Fellow</a></p></div><p>${PROSE}</p>`,
    rule: 'sales-pitch',
  },
  {
    title: 'a pitch whose button is dressed in an arrow and brackets (wcxb 4659)',
    body: `<p>${PROSE}</p><div id="t"><h2>🍞 Struggling With Sourdough?</h2><p>If your starter won't take off or your loaves are dense, I'll walk you through every step.</p><p><a href="/class">➡️ [Save Your Spot Now]</a></p></div><p>${PROSE}</p>`,
    rule: 'sales-pitch',
  },
  {
    title:
      'a section of a listicle that ends in "Learn more" and does not address the reader: only its button goes',
    body: `<div><h3>Power BI</h3><p>Power BI is a Microsoft tool that turns spreadsheets into charts and dashboards.</p><p id="t"><a href="https://powerbi.example/">Learn more</a></p></div><p>${PROSE}</p>`,
    rule: 'cta-button',
  },
  // placeholder
  {
    title: 'a "Loading paragraph..." stub left by a script that never ran (wcxb 4503)',
    body: `<p>${PROSE}</p><div id="t">Loading paragraph...</div><p>${PROSE}</p>`,
    rule: 'placeholder',
  },
  {
    title: "a site builder's sample copy (wcxb 4666)",
    body: `<p>${PROSE}</p><div id="t">This is some text inside of a div block.</div>`,
    rule: 'placeholder',
  },
  {
    title: 'a paragraph of lorem ipsum is what a test page or a mock-up has to read (Readability test pages)',
    body: `<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>`,
    rule: null,
  },
  {
    title: 'a paragraph that starts with "Loading" is the story',
    body: `<p>Loading the ferry took the crew three hours... ${PROSE}</p>`,
    rule: null,
  },
  // paywall
  {
    title: "a paywall's notice with its log-in link (wcxb 0221)",
    body: `<p>${PROSE}</p><div id="t"><p><img src="/plus-logo.svg" alt="STAT+"></p><h2>This article is exclusive to STAT+ subscribers</h2><h3>Unlock this article — plus in-depth analysis, newsletters, premium events, and news alerts.</h3><p>Already have an account? <a href="/login/">Log in</a></p></div>`,
    rule: 'paywall',
  },
  {
    title: 'a story about paywalls, with a link in its prose',
    body: `<p>${PROSE} Readers hit a notice saying the article is exclusive to subscribers, and many <a href="/subscribe-study">subscribe to continue reading</a> within a week, the study found.</p>`,
    rule: null,
  },
  // related-link
  {
    title: '"You might also like:" and one linked headline, inside the story (wcxb 4511)',
    body: `<p>${PROSE}</p><p id="t"><strong><em>You might also like: </em></strong><a href="/palm-oil"><strong><em>The Challenges of Sustainable Palm Oil Production</em></strong></a></p><p>${PROSE}</p>`,
    rule: 'related-link',
  },
  {
    title: '"Read more:" with two linked headlines',
    body: `<p>${PROSE}</p><p id="t">Read more: <a href="/a">Kelp farms grow</a> | <a href="/b">Harbour dredge returns</a></p><p>${PROSE}</p>`,
    rule: 'related-link',
  },
  {
    title:
      'a related label without a colon, a sentence starting "Related", and a label over words that are not links',
    body: `<p>${PROSE}</p><p>Related reading <a href="/a">Kelp farms grow</a></p><p>Related: the dredge arrived on Tuesday, and <a href="/a">the harbour</a> reopened to boats at noon.</p><p>Related species include <a href="/kelp">giant kelp</a>.</p><p>${PROSE}</p>`,
    rule: null,
  },
  // table-of-contents, with expand toggles
  {
    title: 'a table of contents in <details> with "+"/"−" toggle buttons (wcxb 4659)',
    body: `<details id="t"><summary>Table of Contents</summary><ul><li><a href="#a">Why it matters</a><span role="button" tabindex="0">+</span><span role="button" tabindex="0">−</span></li><li><a href="#b">How to start</a></li><li><a href="#c">Other Posts You May Enjoy</a></li></ul></details><h2 id="a">Why it matters</h2><p>${PROSE}</p><h2 id="b">How to start</h2><p>${PROSE}</p><h2 id="c">Other</h2>`,
    rule: 'table-of-contents',
  },
  {
    title: 'in-page links beside a worded button are not a table of contents',
    body: `<div><a href="#a">One</a> <a href="#b">Two</a> <a href="#c">Three</a> <button>Show more</button></div><p id="a">${PROSE}</p>`,
    rule: null,
  },
  // legal-links
  {
    title: "a footer's legal links (wcxb 0285)",
    body: `<p>${PROSE}</p><div id="t"><span><a href="/privacy">Privacy Policy</a></span> <span><a href="/cookies">Cookie Notice</a></span> <span><a href="/terms">Terms of Use</a></span> <span><a href="/dns">Do Not Sell My Personal Information</a></span></div>`,
    rule: 'legal-links',
  },
  {
    title: 'a sentence linking to privacy and terms pages, and a list of policy links among others',
    body: `<p>${PROSE} Read the <a href="/privacy">privacy policy</a>, the <a href="/terms">terms</a> and the <a href="/cookies">cookie notice</a> before you sign.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/kelp">Kelp farming guide</a></li></ul>`,
    rule: null,
  },
  // toc-label
  {
    title: "a table of contents' title left over from links that never worked (wcxb 0355)",
    body: `<nav><div id="t"><div>TABLE OF CONTENTS</div></div><ul><li><a>Intro</a></li></ul></nav><p>${PROSE}</p>`,
    rule: 'toc-label',
  },
  {
    title: 'a "Contents" heading and a sentence about the table of contents',
    body: `<h2>Contents</h2><p>${PROSE} The table of contents is on page two.</p>`,
    rule: null,
  },
  // ad-slot
  {
    title: 'Advertisement label over an empty slot',
    body: `<p>${PROSE}</p><div id="t"><div>ADVERTISEMENT</div><div></div></div>`,
    rule: 'ad-slot',
  },
  {
    title: "a newsletter's sponsor line (wcxb 0391)",
    body: `<p id="t">In partnership with</p><p>${PROSE}</p>`,
    rule: 'ad-slot',
  },
  {
    title: 'a "Sponsor this newsletter" link (wcxb 2453)',
    body: `<p>${PROSE}</p><p id="t"><strong><a href="/sponsorship">Sponsor this newsletter</a></strong></p>`,
    rule: 'ad-slot',
  },
  {
    title: 'a sentence about a partnership is the story',
    body: `<p>The harbor museum opened in partnership with the city, which paid for the new roof. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: '"Advertisement - Continue Reading Below" between paragraphs',
    body: `<p>${PROSE}</p><div id="t"><p>Advertisement - Continue Reading Below</p></div><p>${PROSE}</p>`,
    rule: 'ad-slot',
  },
  {
    title: 'bare "Article Continues Below" over an ad slot',
    body: `<p>${PROSE}</p><p id="t"><span>Article Continues Below</span></p><p>${PROSE}</p>`,
    rule: 'ad-slot',
  },
  {
    title: 'a sentence that says the article continues below',
    body: `<p>${PROSE}</p><p>The article continues below with the full list.</p><p>${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'AdSense <ins>',
    body: `<div><p>${PROSE}</p><ins id="t" class="adsbygoogle" data-ad-client="ca-pub-1"></ins></div>`,
    rule: 'ad-slot',
  },
  {
    title: 'article about advertising, with ad-ish class names',
    body: `<div class="ads ad-story"><h2>Advertising</h2><p>Advertising revenue fell again. ${PROSE}</p><h3>Advertisement</h3><p>${PROSE}</p></div>`,
    rule: null,
  },
  // cookie-consent
  {
    title: 'cookie banner with an accept button',
    body: `<p>${PROSE}</p><div id="t" role="dialog">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a> <button>Accept all</button></div>`,
    rule: 'cookie-consent',
  },
  {
    title: 'article paragraph about cookie consent',
    body: `<p>Regulators say the cookie consent banners that now cover most sites rarely give a real choice. ${PROSE} <a href="/law">The law</a> applies to every site.</p>`,
    rule: null,
  },
  // newsletter-signup
  {
    title: 'a closing paragraph that pitches the newsletter and ends in "Subscribe here" (wcxb 0052)',
    body: `<p>${PROSE}</p><p id="t">Want to keep up with the latest sales and marketing trends? The free weekly Insider email is the industry's top source for sales, marketing and industrial news you can't find anywhere else. <strong><a href="https://insider.example/">Subscribe here</a></strong>.</p>`,
    rule: 'newsletter-signup',
  },
  {
    title: 'a story paragraph that links a newsletter inside its sentence',
    body: `<p>The council's weekly e-mail, which anyone can <a href="/subscribe">subscribe</a> to, first reported the vote, and the harbor master confirmed it the next morning. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'a sign-up box whose form a script never built: its opening line says what it is',
    body: `<p>${PROSE}</p><div id="t"><p>Subscribe to the Neural Network Newsletter</p><p>Sign up to join 800,000+ other subscribers and receive regular emails on neuroscience and health.</p></div><p>${PROSE}</p>`,
    rule: 'newsletter-signup',
  },
  {
    title: 'a section about newsletters under a sign-up-like heading',
    body: `<div><h2>Get the newsletter habit</h2><p>${PROSE} Newsletters reward patience.</p><p>${PROSE}</p></div>`,
    rule: null,
  },
  {
    title: 'newsletter box with an e-mail field',
    body: `<p>${PROSE}</p><div id="t"><h3>Morning Briefing</h3><p>The news in your inbox every morning.</p><form><input type="email" name="email"><button>Sign up</button></form></div>`,
    rule: 'newsletter-signup',
  },
  {
    title: 'newsletter line with a sign-up link',
    body: `<p>${PROSE}</p><p id="t">Get our weekly newsletter. <a href="/newsletters">Sign up</a></p>`,
    rule: 'newsletter-signup',
  },
  {
    title: 'a post-notification box whose form never loaded (wcxb 0442)',
    body: `<p>${PROSE}</p><div id="t"><p><strong>Would you like to receive notifications about new posts?</strong></p></div>`,
    rule: 'newsletter-signup',
  },
  {
    title: 'a question about notifications inside the story',
    body: `<p>${PROSE}</p><p>Would you like to receive notifications about new posts from the council, the mayor asked residents at the hearing? Most said no, and the plan was dropped. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'prose mentioning a newsletter',
    body: `<p>The co-op also sells a cheaper newsletter of recipes for readers who live too far away for deliveries. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: "a blog author's thank-you paragraph above a subscribe form: only the form goes (wcxb 0460)",
    body: `<p>${PROSE}</p><div><p>Thank you for supporting this newsletter. Your subscription supports my research and writing, and I love doing both. To receive new posts and support my work, consider becoming a subscriber.</p><form id="t"><input type="email"><button>Subscribe</button></form></div>`,
    rule: 'newsletter-signup',
  },
  // subscription-offer
  {
    title: 'seed subscription offer',
    body: `<p>${PROSE}</p><div id="t"><ul><li>Weekly review of global news and ideas</li><li>Balanced, insightful and trustworthy</li><li>Subscribe in print or digital</li></ul><a href="/subscribe">Special Offer</a></div><p>${PROSE}</p>`,
    rule: 'subscription-offer',
  },
  {
    title: 'price box with a button',
    body: `<p>${PROSE}</p><aside id="t"><p>Unlimited access for $1 per week.</p><button>Subscribe now</button></aside>`,
    rule: 'subscription-offer',
  },
  {
    title: 'article paragraph about subscriptions and a special offer',
    body: `<p>Last spring the co-op began selling subscriptions: a box every other week. The first 200 subscriptions sold out, and there is a special offer for schools. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'the same paragraph with a link to a subscribe page',
    body: `<p>Readers can subscribe in print or digital at <a href="/subscribe">the paper's site</a>, a special offer the co-op copied. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'one-line promo with a subscribe link',
    body: `<p>${PROSE}</p><p id="t">Get unlimited digital access for $1 a week. <a href="/subscribe">Subscribe now</a></p>`,
    rule: 'subscription-offer',
  },
  {
    title: 'a deals story paragraph with a price, a discount and a "Buy" link',
    body: `<p>${PROSE}</p><p>Right now, you can put a laptop under the tree for just $429.99, 76% off its regular price, while supplies last. <a href="/offer/laptop">Buy it here</a></p>`,
    rule: null,
  },
  {
    title: 'a pricing table in a product review: prices and periods, no subscription pitch (wcxb 0692)',
    body: `<p>${PROSE}</p><div><div><h4>Pro</h4><p>$20 per month (paid annually)</p><p>or $25/mo if billed monthly</p><a href="/pricing">Get started</a></div><div><h4>Business</h4><p>$200 per month</p><a href="/pricing">Get started</a></div></div>`,
    rule: null,
  },
  {
    title: 'a story paragraph linking to an affiliate offer URL',
    body: `<p>${PROSE}</p><p>The <a href="https://go.example.com/aff_c?offer_id=898">Black Friday campaign</a> offers 30% off for a 1- or 2-year subscription until December 10th.</p>`,
    rule: null,
  },
  {
    title: 'a site nav with a Subscribe link',
    body: `<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/subscribe">Subscribe</a></nav><p>${PROSE}</p>`,
    rule: null,
  },
  // social-links
  {
    title: 'a closing line that asks for a follow on four networks (wcxb 4472)',
    body: `<p>${PROSE}</p><p id="t"><em>Catch up on our in-depth coverage of tech and tools, wellness and more, and follow us on <a href="https://www.facebook.com/select">Facebook</a>, <a href="https://www.instagram.com/select/">Instagram</a>, <a href="https://twitter.com/select">Twitter</a> and <a href="https://www.tiktok.com/@select">TikTok</a> to stay up to date.</em></p>`,
    rule: 'social-links',
  },
  {
    title: 'a story paragraph that links two social posts without asking for a follow',
    body: `<p>The mayor announced the closure on <a href="https://twitter.com/mayor/status/1">Twitter</a> and then on <a href="https://www.facebook.com/mayor/posts/2">Facebook</a>, hours before the council met to discuss the harbor.</p><p>${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'seed "Become a fan! Follow us!" block',
    body: `<p>${PROSE}</p><div id="t">Become a fan! <a href="http://www.facebook.com/x">Facebook</a> Follow us! <a href="http://twitter.com/x">Twitter</a> <a href="https://plus.google.com/+x">Google+</a> <a href="http://www.youtube.com/user/x">YouTube</a> <a href="/feeds/rss.xml">See our feeds!</a></div>`,
    rule: 'social-links',
  },
  {
    title: 'icon-only share bar',
    body: `<p>${PROSE}</p><div id="t"><a href="https://www.facebook.com/sharer/sharer.php?u=x" aria-label="Share on Facebook"><svg><path d="M0 0"/></svg></a><a href="https://twitter.com/intent/tweet?url=x"><svg><path d="M0 0"/></svg></a><a href="mailto:?subject=A%20story">✉</a></div>`,
    rule: 'social-links',
  },
  {
    title: 'article paragraph about social media',
    body: `<p>The cooperative's Facebook page now has more followers than the town has residents. "People want to follow their food back to the water," she says. "We point the camera at the boat and let them share it." Follow us, the page says. ${PROSE}</p>`,
    rule: null,
  },
  {
    title: 'short sentence citing two posts',
    body: `<p>Reactions poured in on <a href="https://twitter.com/a/status/1">Twitter</a> and <a href="https://www.facebook.com/b/posts/2">Facebook</a> within minutes of the vote.</p><p>${PROSE}</p>`,
    rule: null,
  },
  // teaser-rail
  {
    title: 'seed "Editors\' picks:" rail',
    body: `<p>${PROSE}</p><div id="t"><h3>Editors' picks:</h3><div><div>Doing Good</div><a href="/a">What happens when ordinary people decide to pay it forward? Extraordinary change...</a></div><div><a href="/b"><strong>After the Boston Marathon bombings, Danny Bent took on a cross-country challenge</strong></a><div>The athlete-adventurer co-founded a relay run.</div></div></div>`,
    rule: 'teaser-rail',
  },
  {
    title: '"Related stories" list',
    body: `<p>${PROSE}</p><div id="t"><h4>Related stories</h4><ul><li><a href="/1">New England cod quotas cut again</a></li><li><a href="/2">Why lobster is cheap at the dock</a></li></ul></div>`,
    rule: 'teaser-rail',
  },
  {
    title: '"Most read" list with an inline label',
    body: `<p>${PROSE}</p><div id="t"><strong>Most read:</strong> <a href="/1">Ferry strike strands thousands</a> <a href="/2">What the shutdown cost</a></div>`,
    rule: 'teaser-rail',
  },
  {
    title: '"Related" at the start of a paragraph with links',
    body: `<div><p>Related research by <a href="/smith">Smith</a> and <a href="/jones">Jones</a> shows the same shift. ${PROSE}</p></div>`,
    rule: null,
  },
  {
    title: 'a section titled "More on the science" with prose',
    body: `<section><h2>More on the science</h2><p>${PROSE} <a href="/study">The study</a> is online.</p><p>${PROSE}</p></section>`,
    rule: null,
  },
  {
    title: 'a "Related research" section of prose with two links',
    body: `<section><h3>Related research</h3><p>Two earlier surveys, by <a href="/smith">Smith</a> and by <a href="/jones">Jones</a>, found the same northward shift in the catch, though both covered fewer harbors and ended before the warm summer of 2012 changed the picture for good.</p></section><p>${PROSE}</p>`,
    rule: null,
  },
  // comments
  {
    title: 'a comment prompt left without its form',
    body: `<p>${PROSE}</p><div id="t"><p>Be the first to comment</p></div>`,
    rule: 'comments',
  },
  {
    title: "a comment form's small print",
    body: `<p>${PROSE}</p><p id="t">By posting a comment, you consent to have your personally identifiable information collected and used in accordance with our <a href="/privacy">privacy policy</a>.</p>`,
    rule: 'comments',
  },
  {
    title: 'a story sentence about comments',
    body: `<p>${PROSE}</p><p>No comments were made by the harbor master, who left a reply on the door.</p>`,
    rule: null,
  },
  {
    title: 'comments heading and form',
    body: `<p>${PROSE}</p><div id="t"><h3>Comments</h3><form><textarea name="c"></textarea><button>Post comment</button></form></div>`,
    rule: 'comments',
  },
  {
    title: 'a section about comments, without a form',
    body: `<section><h2>Comments from readers shaped the rule</h2><p>${PROSE}</p></section>`,
    rule: null,
  },
  // page-tools
  {
    title: 'print / e-mail / text size tools',
    body: `<p>${PROSE}</p><div id="t"><a href="/print">Print</a> | <a href="/email-story">Email</a> | <button>A+</button></div>`,
    rule: 'page-tools',
  },
  { title: 'prose about print editions', body: `<p>Print editions are shrinking. ${PROSE}</p>`, rule: null },
];

describe('clutter rules', () => {
  it('have unique names and a reason each', () => {
    const names = CLUTTER_RULES.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    for (const rule of CLUTTER_RULES) assert.ok(rule.reason.length > 10, rule.name);
  });

  it('each rule has a case that must match it and the table has cases that must not', () => {
    for (const rule of CLUTTER_RULES) {
      assert.ok(
        CASES.some((c) => c.rule === rule.name),
        `no positive case for ${rule.name}`,
      );
    }
    assert.ok(CASES.filter((c) => c.rule === null).length >= 15);
  });

  for (const dom of DOMS) {
    describe(dom.name, () => {
      for (const c of CASES) {
        if (c.only && c.only !== dom.name) continue;
        it(`${c.rule ?? 'none'}: ${c.title}`, () => {
          const doc = dom.parse(page(c.body));
          const hits = findClutter(doc);
          if (c.rule === null) {
            assert.deepEqual(
              hits.map((h) => `${h.rule}: ${h.text}`),
              [],
            );
            return;
          }
          const target = doc.getElementById('t');
          assert.ok(target, 'case needs an element with id="t"');
          assert.deepEqual(
            hits.map((h) => [h.rule, h.element === target]),
            [[c.rule, true]],
          );
        });
      }

      it('ad-slot: a GPT slot is found by its id', () => {
        const doc = dom.parse(page(`<p>${PROSE}</p><div id="div-gpt-ad-1234-0"><div></div></div>`));
        assert.deepEqual(
          findClutter(doc).map((h) => [h.rule, h.element.id]),
          [['ad-slot', 'div-gpt-ad-1234-0']],
        );
      });
    });
  }
});
