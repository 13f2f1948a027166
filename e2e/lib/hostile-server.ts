/**
 * The page server for the hostile and robustness suites: e2e/pages plus what a static server
 * can't give them.
 *
 * - `/pwned/<name>`: a beacon. Payloads that could escape the page's own flag (a CSS url(), a
 *   frame with an opaque origin) request it; after `arm()`, every hit counts as executed.
 * - `/csp-header/<file>` and `/csp-meta/<file>`: a page under `default-src 'none'`, sent as a
 *   header or written into the page as a <meta> (the first thing in its <head>).
 * - `/gen/…`: pages made on the fly: huge-<n>.html (n elements; huge-lite-<n>.html skips laying
 *   out the comments), search.html, app.html, tiny.pdf.
 * - `__ORIGIN__` / `__CROSS__` in xss-*, spa-* and frames-* pages become this origin and a
 *   second origin on the same port (localhost instead of 127.0.0.1), for cross-origin frames.
 * Every request is logged with its Referer, so a test can see what a link click sent.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { appPage, hugePage, searchPage, tinyPdf } from './hostile-pages';
import { PAGES_DIR } from './paths';

export const STRICTEST_CSP = "default-src 'none'";

export interface Beacon {
  name: string;
  armed: boolean;
  referer: string;
}

export interface HostileServer {
  origin: string;
  /** The same server as another site: http://localhost:<port>. */
  crossOrigin: string;
  url(path: string): string;
  /** Every /pwned/ hit so far. */
  readonly beacons: Beacon[];
  /** Every request so far: path (with query) and Referer. */
  readonly requests: { path: string; referer: string }[];
  /** From now on, beacon hits count as executed payloads. */
  arm(): void;
  /** Names of beacons hit since arm(). */
  pwned(): string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
};
const HTML = TYPES['.html'] as string;
/** A 1×1 transparent GIF: beacons answer as an image so an <img> beacon doesn't also error. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

type Reply = { status: number; type: string; body: string | Buffer; headers?: Record<string, string> };

export async function startHostileServer(): Promise<HostileServer> {
  const beacons: Beacon[] = [];
  const requests: { path: string; referer: string }[] = [];
  let armed = false;
  let origin = '';
  let crossOrigin = '';

  async function staticFile(path: string): Promise<Reply | null> {
    const file = normalize(join(PAGES_DIR, path));
    if (!file.startsWith(PAGES_DIR + sep)) return { status: 403, type: 'text/plain', body: 'forbidden' };
    try {
      let body: string | Buffer = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (/\/(xss|spa|frames)-[^/]*\.html$/.test(file)) {
        body = body.toString('utf8').replaceAll('__ORIGIN__', origin).replaceAll('__CROSS__', crossOrigin);
      }
      return { status: 200, type, body };
    } catch {
      return null;
    }
  }

  async function route(path: string): Promise<Reply | null> {
    if (path.startsWith('/pwned/')) {
      return { status: 200, type: 'image/gif', body: GIF };
    }
    if (path.startsWith('/csp-header/')) {
      const page = await staticFile(path.slice('/csp-header'.length));
      return page && { ...page, headers: { 'Content-Security-Policy': STRICTEST_CSP } };
    }
    if (path.startsWith('/csp-meta/')) {
      const page = await staticFile(path.slice('/csp-meta'.length));
      if (!page) return null;
      const meta = `<meta http-equiv="Content-Security-Policy" content="${STRICTEST_CSP}">`;
      return { ...page, body: page.body.toString().replace(/<head>/i, `<head>${meta}`) };
    }
    const huge = /^\/gen\/huge-(lite-)?(\d+)\.html$/.exec(path);
    if (huge) return { status: 200, type: HTML, body: hugePage(Number(huge[2]), { lite: Boolean(huge[1]) }) };
    if (path === '/gen/search.html') return { status: 200, type: HTML, body: searchPage() };
    if (path === '/gen/app.html') return { status: 200, type: HTML, body: appPage() };
    if (path === '/gen/tiny.pdf') return { status: 200, type: TYPES['.pdf'] as string, body: tinyPdf() };
    return staticFile(path.endsWith('/') ? `${path}index.html` : path);
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const referer = req.headers.referer ?? '';
    requests.push({ path: path + url.search, referer });
    if (path.startsWith('/pwned/')) beacons.push({ name: path.slice('/pwned/'.length), armed, referer });
    const reply = await route(path);
    if (!reply) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(reply.status, {
      'Content-Type': reply.type,
      'Cache-Control': 'no-store',
      ...reply.headers,
    });
    res.end(reply.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  crossOrigin = `http://localhost:${port}`;
  return {
    origin,
    crossOrigin,
    url: (path) => new URL(path, origin).href,
    beacons,
    requests,
    arm() {
      armed = true;
    },
    pwned: () => beacons.filter((b) => b.armed).map((b) => b.name),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: the browser shows its own error page. */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return `http://127.0.0.1:${port}/`;
}
