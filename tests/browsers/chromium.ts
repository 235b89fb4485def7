import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { UiSession } from '../e2e/shared/driver/driver';
import { PlaywrightUi } from '../e2e/shared/driver/playwright';

// Real Chromium with the real build output loaded as an extension: the test
// build (`npm run build:test`), which is the production build plus the hook tests
// fire browser events through (lib/background/root/test-hooks.ts).

export const extensionDir = resolve(process.env.VIDRELAY_EXTENSION_DIR ?? '.output/test/chrome-mv3');
/** The production build (`npm run build`): what users install, without the hook. */
export const productionDir = resolve('.output/chrome-mv3');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}; install it with: apt-get install -y chromium`);
  return path;
}

export function chromiumArgs(dir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
  ];
}

export interface ExtensionSession extends UiSession<PlaywrightUi> {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  url(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  userDataDir?: string;
  /** Another Chromium-family browser (the demo); CHROMIUM_PATH or /usr/bin/chromium otherwise. */
  executablePath?: string;
  extraArgs?: string[];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}; run "npm run build:test" first`);
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'vidrelay-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    args: [...chromiumArgs(extensionDir), ...(options.extraArgs ?? [])],
  });
  const worker = async () => {
    const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return found ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    worker,
    url,
    open: async (path) => {
      const page = await context.newPage();
      await page.goto(url(path));
      return new PlaywrightUi(page);
    },
    close: async () => {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
