/** Plain data the engine returns. No DOM references, so it crosses messages and JSON. */

/** The groups of the clutter table; the UI lists removals under these. */
export type RuleGroup =
  | 'skip-link'
  | 'offer'
  | 'social'
  | 'related'
  | 'newsletter'
  | 'consent'
  | 'ads'
  | 'comments'
  | 'meta';

/** One block the clutter rules took out, recorded so the UI can show it and undo it. */
export interface Removal {
  /** Rule name, e.g. "skip-link". */
  rule: string;
  group: RuleGroup;
  /** Why the rule fired, in words a person can read. */
  reason: string;
  /** The block's text, collapsed and cut to a short preview. */
  text: string;
}

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO-ish string as the page gave it, or null. */
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Sanitized article HTML (DOMPurify), absolute URLs. */
  html: string;
  /** Plain text of the article. */
  text: string;
  readingMinutes: number;
  removed: Removal[];
}
