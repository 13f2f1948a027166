/**
 * Chromium with the extension for the reading-experience suites: like launchWithExtension, plus
 * what those suites need: a profile folder that outlives the browser (settings must survive a
 * restart), extra switches, and an environment (LANGUAGE=ar for an Arabic UI).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { attachExtension, CHROMIUM_ARGS, type ExtensionBrowser } from './browser';
import { CHROMIUM_PATH, requireBuild } from './paths';
import { type PageServer, startPageServer } from './server';

export interface ReadingLaunch {
  /** A profile folder to reuse; a fresh temporary one (removed on close) when omitted. */
  userDataDir?: string;
  args?: string[];
  env?: Record<string, string>;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

export async function launchReading(options: ReadingLaunch = {}): Promise<ExtensionBrowser> {
  const dir = requireBuild();
  const own = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'declutter-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
    ],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const close = async () => {
    await context.close();
    if (own) await rm(userDataDir, { recursive: true, force: true });
  };
  return attachExtension(context, close);
}

export interface ReadingSession {
  server: PageServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export async function startReading(options: ReadingLaunch = {}): Promise<ReadingSession> {
  const server = await startPageServer();
  try {
    const browser = await launchReading(options);
    return {
      server,
      browser,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
