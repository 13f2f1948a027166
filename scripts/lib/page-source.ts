// Reading saved pages from disk: corpora store some of them gzipped.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';

export async function readHtml(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

/** Address for a page whose original URL is unknown; never contacted, the tab answers it itself. */
export function localUrl(file: string): string {
  return `http://127.0.0.1/${encodeURIComponent(basename(file).replace(/\.gz$/, ''))}`;
}
