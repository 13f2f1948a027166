/**
 * Store packages: two builds of the same tree give byte-identical zips, which hold the extension
 * and nothing else, the Chrome manifest has only keys Chrome knows, and the Firefox zip passes
 * Mozilla's linter with no error and only explained warnings.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { chromeManifestProblems } from './lib/chrome-manifest';
import { crc32 } from './lib/zip';
import { lintFirefox } from './lint-firefox';

const run = promisify(execFile);

interface Entry {
  name: string;
  data: Buffer;
  dosDate: number;
  dosTime: number;
}

/** Reads a zip through its central directory and inflates each entry, checking its CRC. */
function unzip(archive: Buffer): Entry[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the archive has an end-of-central-directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(archive.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const bodyAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const body = archive.subarray(bodyAt, bodyAt + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    assert.equal(crc32(data), crc, `${name}: CRC matches`);
    entries.push({
      name,
      data,
      dosTime: archive.readUInt16LE(at + 12),
      dosDate: archive.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + extra;
  }
  return entries;
}

const version: string = JSON.parse(await readFile('manifest.json', 'utf8')).version;
const zipIn = (dir: string, target: string) => join(dir, `declutter-${target}-${version}.zip`);
const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

/** What a package is made from: nothing else may change what is in the zips. */
const INPUTS = ['build.mjs', 'manifest.json', 'package.json', 'src', 'icons', 'scripts'];

let work: string;
let first: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'declutter-package-test-'));
  first = join(work, 'a');
  // A frozen copy of the inputs, so an edit to the working tree between the two builds (another
  // change in progress) can't pass for non-determinism; it also shows they are all it takes.
  const tree = join(work, 'tree');
  for (const input of INPUTS) await cp(input, join(tree, input), { recursive: true });
  await symlink(join(process.cwd(), 'node_modules'), join(tree, 'node_modules'), 'dir');
  // What `npm run package` runs, twice, each in a process of its own: a value fixed once per
  // process (a timestamp taken at load) would otherwise pass for deterministic.
  for (const dir of [first, join(work, 'b')]) {
    await run(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--outdir', dir], { cwd: tree });
  }
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

test('packaging twice from the same tree gives byte-identical zips, named by version', async () => {
  for (const target of ['chrome', 'firefox']) {
    const a = zipIn(first, target);
    const b = zipIn(join(work, 'b'), target);
    assert.equal(await sha256(a), await sha256(b), `${target}: same sha256 both times`);
    assert.deepEqual(await readFile(a), await readFile(b), `${target}: same bytes`);
  }
});

test('each zip holds the extension at its root and nothing else: no source maps, sources, tests or dotfiles', async () => {
  for (const target of ['chrome', 'firefox']) {
    const entries = unzip(await readFile(zipIn(first, target)));
    const names = entries.map((e) => e.name);
    assert.deepEqual(names, [...names].sort(), `${target}: entries in sorted order`);
    for (const required of ['manifest.json', 'background.js', 'content.js', 'popup.html', 'popup.js']) {
      assert.ok(names.includes(required), `${target}: has ${required}`);
    }
    assert.ok(names.includes('_locales/en/messages.json'), `${target}: has the English messages`);
    const junk = names.filter((n) => /\.(map|ts|mjs|svg|md)$|\.test\.|(^|\/)\./.test(n));
    assert.deepEqual(junk, [], `${target}: no dev files`);
    const mapped = entries.filter((e) => e.name.endsWith('.js') && e.data.includes('sourceMappingURL'));
    assert.deepEqual(
      mapped.map((e) => e.name),
      [],
      `${target}: no inline source maps`,
    );
    const stamped = entries.filter((e) => e.dosDate !== 0x21 || e.dosTime !== 0);
    assert.deepEqual(
      stamped.map((e) => e.name),
      [],
      `${target}: every entry dated 1980-01-01 00:00`,
    );
  }
});

test('the Chrome manifest has only keys Chrome knows (and the check catches one it does not)', async () => {
  const entries = unzip(await readFile(zipIn(first, 'chrome')));
  const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '{}');
  assert.deepEqual(chromeManifestProblems(manifest), []);
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(
    chromeManifestProblems({ ...manifest, browser_specific_settings: {}, background: { scripts: [] } }),
    ['unknown key "browser_specific_settings"', 'unknown key "background.scripts"'],
  );
});

test('the Firefox zip passes addons-linter: no errors, only the explained warnings', async () => {
  const path = zipIn(first, 'firefox');
  const manifest = JSON.parse(
    unzip(await readFile(path))
      .find((e) => e.name === 'manifest.json')
      ?.data.toString('utf8') ?? '{}',
  );
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.equal(manifest.browser_specific_settings.gecko.id, 'declutter@declutter.example');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, {
    required: ['none'],
  });

  const report = await lintFirefox(path);
  assert.equal(report.summary.errors, 0, JSON.stringify(report.errors));
  assert.deepEqual(report.problems, []);
});

test('the lint gate fails on a warning nobody explained', async () => {
  // The Firefox package unpacked, plus one unsanitized innerHTML assignment in our own popup code.
  const dir = join(work, 'tampered');
  for (const e of unzip(await readFile(zipIn(first, 'firefox')))) {
    await mkdir(dirname(join(dir, e.name)), { recursive: true });
    await writeFile(join(dir, e.name), e.data);
  }
  const popup = join(dir, 'popup.js');
  await writeFile(popup, `${await readFile(popup, 'utf8')}\ndocument.body.innerHTML = location.hash;\n`);
  const report = await lintFirefox(dir);
  assert.ok(
    report.problems.some((p) => p.startsWith('unexplained warning UNSAFE_VAR_ASSIGNMENT popup.js')),
    `the new warning is reported: ${report.problems.join('; ')}`,
  );
});
