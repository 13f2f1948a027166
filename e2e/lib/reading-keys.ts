/** Typing text on the X display (display.ts presses chords; a keyboard-only person also types URLs). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function typeText(display: string, text: string): Promise<void> {
  await run('xdotool', ['type', '--clearmodifiers', '--delay', '20', text], {
    env: { ...process.env, DISPLAY: display },
    timeout: 20_000,
  });
}
