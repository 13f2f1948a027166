// Store packages: `npm run package` writes dist/declutter-chrome-<version>.zip and
// dist/declutter-firefox-<version>.zip, each from a fresh build of the working tree (run with tsx).
//
//   build.mjs --outdir <tmp> ─▶ check files (allowlist) ─▶ check manifests ─▶ zip (deterministic)
//                                                                          └─▶ lint the Firefox zip
//
// The same commit gives byte-identical zips (scripts/lib/zip.ts: sorted entries, fixed times).
// `--outdir DIR` writes the zips to DIR instead of dist/.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromeManifestProblems } from './lib/chrome-manifest';
import { type ZipEntry, zip } from './lib/zip';
import { lintFirefox } from './lint-firefox';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = ['chrome', 'firefox'];
/** What an extension package may hold; anything else (maps, sources, tests, dotfiles) fails. */
const ALLOWED = /^(?!.*\/\.)(?!\.)[\w./-]+\.(js|json|html|css|png)$/;
const FORBIDDEN_IN_JS = /sourceMappingURL|\bnode:test\b/;

/** Every file under `dir`, named by its path relative to `dir` with "/". */
async function filesIn(dir: string): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ name: relative(dir, path).split(sep).join('/'), data: await readFile(path) });
  }
  return out;
}

function checkFiles(target: string, files: ZipEntry[]): void {
  const bad = files.filter(
    (f) =>
      !ALLOWED.test(f.name) ||
      /\.test\.|\.map$/.test(f.name) ||
      (f.name.endsWith('.js') && FORBIDDEN_IN_JS.test(Buffer.from(f.data).toString('utf8'))),
  );
  if (bad.length) throw new Error(`${target}: not for a store package: ${bad.map((f) => f.name).join(', ')}`);
  if (!files.some((f) => f.name === 'manifest.json'))
    throw new Error(`${target}: no manifest.json at the root`);
}

export interface PackageResult {
  target: string;
  path: string;
  bytes: number;
  sha256: string;
}

/** Builds, checks and zips both targets into `outDir`; `lint: false` skips the Firefox lint. */
export async function packageAll({
  outDir = join(ROOT, 'dist'),
  lint = true,
} = {}): Promise<PackageResult[]> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  const pkgVersion = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version;
  if (version !== pkgVersion) throw new Error(`manifest.json ${version} ≠ package.json ${pkgVersion}`);

  const staging = await mkdtemp(join(tmpdir(), 'declutter-package-'));
  try {
    await promisify(execFile)(process.execPath, ['build.mjs', '--outdir', staging], { cwd: ROOT });
    await mkdir(outDir, { recursive: true });
    const results: PackageResult[] = [];
    for (const target of TARGETS) {
      const files = await filesIn(join(staging, target));
      checkFiles(target, files);
      const manifestFile = files.find((f) => f.name === 'manifest.json');
      const manifest = JSON.parse(Buffer.from(manifestFile?.data ?? []).toString('utf8'));
      if (target === 'chrome') {
        const problems = chromeManifestProblems(manifest);
        if (problems.length) throw new Error(`chrome manifest: ${problems.join('; ')}`);
      }
      const archive = zip(files);
      const path = join(outDir, `declutter-${target}-${version}.zip`);
      await writeFile(path, archive);
      if (target === 'firefox' && lint) {
        const { problems } = await lintFirefox(path);
        if (problems.length) throw new Error(`firefox lint: ${problems.join('; ')}`);
      }
      results.push({
        target,
        path,
        bytes: archive.length,
        sha256: createHash('sha256').update(archive).digest('hex'),
      });
    }
    return results;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const i = process.argv.indexOf('--outdir');
  const outDir = i > 0 ? process.argv[i + 1] : undefined;
  for (const r of await packageAll(outDir ? { outDir } : {})) {
    console.log(`${relative(process.cwd(), r.path)}  ${(r.bytes / 1024).toFixed(1)} KB  sha256 ${r.sha256}`);
  }
  console.log('checked: file allowlist, Chrome manifest keys, Firefox zip lint (scripts/lint-firefox.ts)');
}
