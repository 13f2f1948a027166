// Serves benchmark pages from 127.0.0.1 with their scripts blocked.
//
//   /p/<n>.html   page n of the list, decompressed, with a CSP that forbids every script, plugin,
//                 frame and worker (the extension's content script is not subject to it)
//   /blank.html   an empty page, to start a tab on
//   anything else 404 at once (a page's relative stylesheets and images)
//
// Requests to other hosts never leave the browser: the benchmarks launch it with a host resolver
// rule that answers every name but 127.0.0.1 with "not found" (see RESOLVER_ARG).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readHtml } from '../../scripts/lib/page-source.ts';
import type { BenchPage } from './speed-pages.ts';

export const PAGE_CSP = "script-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'";

/** Chromium flag: every host name but 127.0.0.1 fails to resolve, locally and at once. */
export const RESOLVER_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export interface BenchServer {
  /** Address of page `n` of the list. */
  pageUrl(n: number): string;
  blankUrl: string;
  close(): Promise<void>;
}

export async function startBenchServer(pages: readonly BenchPage[]): Promise<BenchServer> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (path === '/blank.html') {
      res.writeHead(200, html).end('<!doctype html><title>blank</title>');
      return;
    }
    const match = /^\/p\/(\d+)\.html$/.exec(path);
    const page = match ? pages[Number(match[1])] : undefined;
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end();
      return;
    }
    try {
      const body = await readHtml(page.file);
      res.writeHead(200, { ...html, 'Content-Security-Policy': PAGE_CSP }).end(body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl: (n) => `${origin}/p/${n}.html`,
    blankUrl: `${origin}/blank.html`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
