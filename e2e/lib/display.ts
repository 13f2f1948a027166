/**
 * A real X display for headed runs, and real key presses on it. Extension commands (shortcuts)
 * are handled by the browser UI, above the page, so Playwright's synthetic keyboard never reaches
 * them; xdotool sends the keys through the X server like a physical keyboard.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Display {
  name: string;
  stop(): Promise<void>;
}

/** True when `bin` is on PATH. */
export async function hasCommand(bin: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${bin}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The DISPLAY we were given, or a fresh Xvfb. `-displayfd` makes Xvfb pick a free display
 * number itself and write it to the pipe once it is ready, so there is no race and no guessing.
 */
export async function ensureDisplay(): Promise<Display> {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop: async () => {} };
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x960x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  xvfb.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const name = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 10_000);
    xvfb.stdio[3]?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
  });
  return {
    name,
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill('SIGTERM');
      }),
  };
}

/** Gives keyboard focus to the browser window whose title contains `title`. */
export async function focusWindow(display: string, title: string): Promise<void> {
  const env = { ...process.env, DISPLAY: display };
  const { stdout } = await run('xdotool', ['search', '--sync', '--onlyvisible', '--name', title], {
    env,
    timeout: 10_000,
  });
  const id = stdout.trim().split('\n')[0];
  if (!id) throw new Error(`no window titled ${title}`);
  // windowfocus, not windowactivate: a bare Xvfb has no window manager to honour activation.
  await run('xdotool', ['windowfocus', '--sync', id], { env, timeout: 10_000 });
}

/** Presses a key chord on the display, e.g. "alt+shift+d". */
export async function pressKeys(display: string, keys: string): Promise<void> {
  await run('xdotool', ['key', '--clearmodifiers', keys], {
    env: { ...process.env, DISPLAY: display },
    timeout: 10_000,
  });
}
