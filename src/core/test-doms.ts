/**
 * Test support (not a test file): the DOM implementations the engine's tests run under.
 * Every DOM-only case runs under both, as Readability's own suite does, so the engine does not
 * come to rely on one implementation's quirks. DOMPurify needs a real window: jsdom only.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';

export const PAGE_URL = 'http://127.0.0.1/page.html';
export const SAMPLE_URL = 'http://127.0.0.1/sample-article.html';

export interface TestDom {
  name: 'jsdom' | 'linkedom';
  /** A Document for `html`; jsdom also knows its URL (linkedom has no notion of one). */
  parse(html: string, url?: string): Document;
}

export const JSDOM_IMPL: TestDom = {
  name: 'jsdom',
  parse: (html, url = PAGE_URL) => new JSDOM(html, { url }).window.document,
};

export const LINKEDOM_IMPL: TestDom = {
  name: 'linkedom',
  parse: (html) => parseHTML(html).document as unknown as Document,
};

export const DOMS: readonly TestDom[] = [JSDOM_IMPL, LINKEDOM_IMPL];

/** A whole page around a body snippet. */
export function page(body: string, head = '<title>Test page</title>'): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** The sample news page (e2e/pages/sample-article.html), read from the repo. */
export function sampleHtml(): string {
  return readFileSync(new URL('../../e2e/pages/sample-article.html', import.meta.url), 'utf8');
}

/** Long, ordinary prose (~400 chars) to put around test blocks. */
export const PROSE =
  'The harbor committee met on Tuesday evening to discuss the new moorings, and after two hours of debate ' +
  'the members agreed to ask the state for a survey of the outer channel before any more leases are granted. ' +
  'Several fishermen said the delay would cost them a season, while others argued that a careful start would ' +
  'prevent disputes later, when the farms are bigger and harder to move.';

/** Collapse whitespace, for comparing texts across DOMs. */
export function flat(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
