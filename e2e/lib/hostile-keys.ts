/**
 * The real shortcut for the robustness suites: a headed Chromium on an X display (Xvfb when
 * there is none) and xdotool key presses, as in shortcut.test.ts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { type Display, ensureDisplay, focusWindow, hasCommand } from './display';
import { type HostileSession, startHostileSession } from './hostile-session';

const run = promisify(execFile);
export const SHORTCUT = 'alt+shift+d';

/** A skip reason when xdotool/Xvfb are missing (outside CI only: CI installs them). */
export async function keysUnavailable(): Promise<string | false> {
  const missing: string[] = [];
  for (const bin of ['xdotool', ...(process.env.DISPLAY ? [] : ['Xvfb'])]) {
    if (!(await hasCommand(bin))) missing.push(bin);
  }
  return missing.length > 0 && !process.env.CI ? `needs ${missing.join(', ')}` : false;
}

/**
 * Keyboard focus to the browser window: by the page's title where it is a plain one, else (a
 * data: URL or view-source: as the title) the one visible Chromium window.
 */
async function focusBrowser(display: string, page: Page): Promise<void> {
  const title = await page.title().catch(() => '');
  if (/^[\w ,.:'-]{3,}$/.test(title)) return focusWindow(display, title);
  const env = { ...process.env, DISPLAY: display };
  const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], {
    env,
    timeout: 10_000,
  });
  const id = stdout.trim().split('\n').pop();
  if (!id) throw new Error('no visible Chromium window');
  await run('xdotool', ['windowfocus', '--sync', id], { env, timeout: 10_000 });
}

export interface HeadedSession extends HostileSession {
  display: Display;
  /** Focuses the window showing `page` and presses the shortcut `times` times (xdotool --repeat). */
  press(page: Page, times?: number, delayMs?: number): Promise<void>;
}

export async function startHeadedSession(): Promise<HeadedSession> {
  const display = await ensureDisplay();
  try {
    const session = await startHostileSession({ headless: false, display: display.name });
    return {
      ...session,
      display,
      async press(page, times = 1, delayMs = 30) {
        await page.bringToFront();
        await focusBrowser(display.name, page);
        await run(
          'xdotool',
          ['key', '--clearmodifiers', '--repeat', String(times), '--delay', String(delayMs), SHORTCUT],
          {
            env: { ...process.env, DISPLAY: display.name },
            timeout: 20_000,
          },
        );
      },
      close: async () => {
        await session.close();
        await display.stop();
      },
    };
  } catch (error) {
    await display.stop();
    throw error;
  }
}
