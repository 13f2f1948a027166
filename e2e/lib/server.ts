/**
 * A static server for e2e/pages on 127.0.0.1 (random port). A mount serves the same files under a
 * path prefix with extra response headers, e.g. /strict-csp/sample-article.html with a strict CSP.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { PAGES_DIR } from './paths';

/** The strictest CSP a news site might send: no page styles at all, images from itself only. */
export const STRICT_CSP = "default-src 'none'; style-src 'none'; img-src 'self'";

export interface Mount {
  /** Starts and ends with "/"; stripped before the file is looked up. */
  prefix: string;
  headers: Record<string, string>;
}

export const STRICT_CSP_MOUNT: Mount = {
  prefix: '/strict-csp/',
  headers: { 'Content-Security-Policy': STRICT_CSP },
};

export interface PageServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

export async function startPageServer(
  options: { root?: string; mounts?: Mount[] } = {},
): Promise<PageServer> {
  const root = options.root ?? PAGES_DIR;
  const mounts = options.mounts ?? [STRICT_CSP_MOUNT];
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    if (mount) path = `/${path.slice(mount.prefix.length)}`;
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...mount?.headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
