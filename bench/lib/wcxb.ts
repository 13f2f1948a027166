// Loads the WCXB corpus (ground-truth/<id>.json + html/<id>.html.gz), read in place.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WcxbPage {
  id: string;
  file: string;
  url: string | null;
  type: string;
  mainContent: string;
  with: string[];
  without: string[];
}

interface GroundTruthFile {
  url?: string | null;
  file_id?: string;
  _internal?: { page_type?: { primary?: string } | string } | null;
  ground_truth?: { main_content?: string | null; with?: string[] | null; without?: string[] | null };
}

/** Page type as evaluate.py reads it: `_internal.page_type.primary`, "category" counted as "collection". */
export function pageType(data: GroundTruthFile): string {
  const pt = data._internal?.page_type;
  const type = typeof pt === 'string' ? pt : (pt?.primary ?? 'article');
  return type === 'category' ? 'collection' : type;
}

export async function loadWcxb(corpus: string): Promise<WcxbPage[]> {
  const names = (await readdir(join(corpus, 'ground-truth'))).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const id = name.slice(0, -'.json'.length);
      const data = JSON.parse(await readFile(join(corpus, 'ground-truth', name), 'utf8')) as GroundTruthFile;
      const gt = data.ground_truth ?? {};
      return {
        id,
        file: join(corpus, 'html', `${id}.html.gz`),
        url: data.url || null,
        type: pageType(data),
        mainContent: gt.main_content ?? '',
        with: gt.with ?? [],
        without: gt.without ?? [],
      };
    }),
  );
}
