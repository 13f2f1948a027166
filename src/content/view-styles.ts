/**
 * The reading view's stylesheet, adopted into its shadow root as a constructable stylesheet:
 * page CSS cannot reach it, and a page CSP (`style-src 'none'`) does not apply to CSSOM sheets.
 * :host declarations are !important because, for important rules, the shadow context wins over
 * page rules that target our host element (e.g. `* { display: none }`).
 */
export const VIEW_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  color-scheme: light dark;
}
.dc-root {
  --bg: #fbfaf7; --fg: #1d1d1f; --muted: #5f6368; --rule: #e4e1da; --link: #1a5fb4; --accent: #b5400f;
  --measure: 38rem;
  position: absolute; inset: 0; overflow-y: auto; overscroll-behavior: contain;
  background: var(--bg); color: var(--fg);
  font: 400 20px/1.65 Charter, "Bitstream Charter", "Iowan Old Style", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", serif;
  -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility;
  outline: none;
}
@media (prefers-color-scheme: dark) {
  .dc-root { --bg: #17181a; --fg: #e6e4df; --muted: #a3a7ad; --rule: #34363a; --link: #8ab4f8; --accent: #f0a27a; }
}
@media (forced-colors: active) {
  .dc-root { --bg: Canvas; --fg: CanvasText; --muted: CanvasText; --rule: CanvasText; --link: LinkText; --accent: CanvasText; }
}
.dc-toolbar {
  position: sticky; top: 0; z-index: 1; display: flex; justify-content: flex-end; gap: .5rem;
  padding: .5rem .75rem; background: color-mix(in srgb, var(--bg) 92%, transparent);
  backdrop-filter: blur(6px);
}
.dc-toolbar button {
  font: 500 15px/1 system-ui, sans-serif; color: var(--fg); background: transparent;
  border: 1px solid var(--rule); border-radius: 999px; padding: .45rem .9rem; cursor: pointer;
}
.dc-toolbar button:hover { border-color: var(--muted); }
.dc-toolbar button:focus-visible, .dc-root a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.dc-page { max-width: var(--measure); margin: 0 auto; padding: 1rem 1.5rem 6rem; }
.dc-site { font: 600 13px/1.3 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); margin: 1.5rem 0 .5rem; }
.dc-title { font-size: 2.1em; line-height: 1.15; font-weight: 700; letter-spacing: -.01em; margin: 0 0 .6rem; text-wrap: balance; }
.dc-byline, .dc-meta { font: 400 15px/1.5 system-ui, sans-serif; color: var(--muted); margin: 0; }
.dc-meta { margin-bottom: 2rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--rule); }
.dc-article { overflow-wrap: break-word; hyphens: auto; }
.dc-article p, .dc-article ul, .dc-article ol, .dc-article blockquote, .dc-article figure, .dc-article table, .dc-article pre { margin: 0 0 1.15em; }
.dc-article h1, .dc-article h2, .dc-article h3, .dc-article h4 { line-height: 1.25; margin: 1.8em 0 .6em; }
.dc-article h1 { font-size: 1.5em; } .dc-article h2 { font-size: 1.3em; } .dc-article h3 { font-size: 1.12em; }
.dc-article a { color: var(--link); text-underline-offset: .15em; }
.dc-article img, .dc-article video, .dc-article svg, .dc-article picture { max-width: 100%; height: auto; }
.dc-article img { display: block; margin: 0 auto; border-radius: 2px; }
.dc-article figure { margin-inline: 0; }
.dc-article figcaption, .dc-article .caption { font: 400 14px/1.45 system-ui, sans-serif; color: var(--muted); margin-top: .5em; }
.dc-article blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); font-style: italic; }
.dc-article pre { overflow-x: auto; white-space: pre; font: 15px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; background: color-mix(in srgb, var(--fg) 6%, transparent); padding: .8em 1em; border-radius: 4px; }
.dc-article code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88em; }
.dc-article table { display: block; overflow-x: auto; border-collapse: collapse; font-size: .85em; }
.dc-article th, .dc-article td { border: 1px solid var(--rule); padding: .35em .6em; text-align: start; vertical-align: top; }
.dc-article hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
`;

/** A small notice (e.g. "no article found") shown briefly in the page. */
export const NOTICE_CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; inset: auto 1rem 1rem auto !important; }
.dc-notice {
  font: 500 15px/1.4 system-ui, sans-serif; color: #fff; background: #1d1d1f; padding: .75rem 1rem;
  border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25); max-width: 22rem;
}
`;
