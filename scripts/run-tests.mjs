// Runs the test suites with node's own runner: unit tests (src/, bench/), the store packages
// (scripts/: zips, manifests, Firefox lint), the e2e suites in real Chromium (e2e/), then the same
// scenarios in real Firefox ESR (e2e/firefox/). `node scripts/run-tests.mjs [kind]` runs one kind.
// Files run one at a time: each e2e file starts its own browser and the machine has two cores.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KINDS = {
  unit: ['src', 'bench'],
  package: ['scripts'],
  e2e: ['e2e'],
  firefox: ['e2e/firefox'],
};
/** A kind's folder is its own: e2e's walk leaves e2e/firefox to the firefox kind. */
const KIND_ROOTS = new Set(Object.values(KINDS).flat());

const wanted = process.argv[2];
if (wanted && !(wanted in KINDS)) {
  console.error(`usage: node scripts/run-tests.mjs [${Object.keys(KINDS).join('|')}]`);
  process.exit(2);
}

/** Every *.test.ts under `dir`, sorted, skipping fixture pages and dependencies. */
async function testFiles(dir) {
  const found = [];
  const walk = async (d) => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        const own = KIND_ROOTS.has(relative(ROOT, path));
        if (e.name !== 'node_modules' && e.name !== 'pages' && !own) await walk(path);
      } else if (e.name.endsWith('.test.ts')) found.push(relative(ROOT, path));
    }
  };
  await walk(join(ROOT, dir));
  return found.sort();
}

const kinds = wanted ? [wanted] : Object.keys(KINDS);
const totals = { pass: 0, fail: 0, cancelled: 0, skipped: 0 };
let failed = false;
for (const kind of kinds) {
  const files = [];
  for (const dir of KINDS[kind]) files.push(...(await testFiles(dir)));
  if (files.length === 0) {
    console.error(`no ${kind} test files found`);
    failed = true;
    continue;
  }
  console.log(`\n# ${kind}: ${files.length} test files`);
  const code = await runNodeTests(files, totals);
  failed ||= code !== 0;
}
// One plain closing line for the whole run (the runner prints one summary per kind above it).
// A cancelled test (a timeout, a crashed file) is a failure too.
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\ntests: ${totals.pass} passed, ${totals.fail + totals.cancelled} failed${skipped}`);
process.exit(failed ? 1 : 0);

/**
 * node --test over `files`, echoing its output and adding its summary counts to `totals`.
 * The runner sorts files itself, hence one run per kind to keep unit tests first.
 */
async function runNodeTests(files, totals) {
  // spec reporter on stdout: readable, and it ends with the runner's own "ℹ tests / pass / fail" lines.
  const args = ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail += chunk.toString();
    const lines = tail.split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^ℹ (pass|fail|cancelled|skipped) (\d+)$/.exec(line.trim());
      if (m) totals[m[1]] += Number(m[2]);
    }
  });
  return new Promise((resolve) => child.on('close', (c, signal) => resolve(signal ? 1 : (c ?? 1))));
}
