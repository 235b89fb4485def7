import { existsSync } from 'node:fs';
import { delimiter, join, win32 } from 'node:path';

// Finds a browser the demo can drive: any Chromium-family browser, or Firefox.
// Looked up in order: the environment variable, commands on PATH, then the
// usual install paths on macOS and Windows.

export type BrowserKind = 'chromium' | 'firefox';

export interface Found {
  kind: BrowserKind;
  path: string;
  /** Branded Google Chrome and Edge refuse --load-extension since version 137. */
  branded: boolean;
}

export interface Lookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
}

const chromiumCommands = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'brave-browser', 'microsoft-edge'];
const firefoxCommands = ['firefox-esr', 'firefox'];
const brandedNames = /google-chrome|Google Chrome|chrome\.exe|microsoft-edge|msedge/i;

function macApps(names: string[]): string[] {
  return names.map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
}

function windowsPaths(env: NodeJS.ProcessEnv, tails: string[]): string[] {
  const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
  return roots.flatMap((root) => tails.map((tail) => win32.join(root, tail)));
}

function candidates(kind: BrowserKind, { env, platform }: Lookup): string[] {
  const fromEnv = kind === 'chromium' ? [env.CHROME_PATH, env.CHROMIUM_PATH] : [env.FIREFOX_PATH];
  const commands = kind === 'chromium' ? chromiumCommands : firefoxCommands;
  const exe = platform === 'win32' ? '.exe' : '';
  const joinPath = platform === 'win32' ? win32.join : join;
  const onPath = (env.PATH ?? '')
    .split(platform === 'win32' ? ';' : delimiter)
    .filter(Boolean)
    .flatMap((dir) => commands.map((c) => joinPath(dir, c + exe)));
  const installed =
    platform === 'darwin'
      ? kind === 'chromium'
        ? [...macApps(['Chromium', 'Google Chrome', 'Brave Browser']), '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
        : ['/Applications/Firefox.app/Contents/MacOS/firefox']
      : platform === 'win32'
        ? kind === 'chromium'
          ? windowsPaths(env, [
              'Chromium\\Application\\chrome.exe',
              'Google\\Chrome\\Application\\chrome.exe',
              'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
              'Microsoft\\Edge\\Application\\msedge.exe',
            ])
          : windowsPaths(env, ['Mozilla Firefox\\firefox.exe'])
        : [];
  return [...fromEnv.filter((p): p is string => !!p), ...onPath, ...installed];
}

export function findBrowser(kind: BrowserKind, lookup: Lookup): Found | undefined {
  const path = candidates(kind, lookup).find((p) => lookup.exists(p));
  return path ? { kind, path, branded: kind === 'chromium' && brandedNames.test(path) } : undefined;
}

/** What to tell a newcomer who has no browser the demo can use. */
export function installAdvice(platform: NodeJS.Platform, wanted?: BrowserKind): string {
  const which = wanted === 'firefox' ? 'Firefox' : wanted === 'chromium' ? 'Chromium (or Chrome)' : 'Chromium (or Chrome) or Firefox';
  const how =
    platform === 'darwin'
      ? '  brew install --cask chromium      (or: brew install --cask firefox)'
      : platform === 'win32'
        ? '  winget install Hibbiki.Chromium   (or: winget install Mozilla.Firefox)'
        : '  Debian/Ubuntu: sudo apt-get install chromium   (or: sudo apt-get install firefox-esr)\n  Fedora:        sudo dnf install chromium       (or: sudo dnf install firefox)';
  return [
    `No ${which} found for the demo. Looked at ${wanted === 'firefox' ? 'FIREFOX_PATH' : 'CHROME_PATH'}, the PATH and the usual install folders.`,
    'Install one:',
    how,
    `or point the demo at one: CHROME_PATH=/path/to/chrome npm run demo   |   FIREFOX_PATH=/path/to/firefox npm run demo -- --browser firefox`,
  ].join('\n');
}

export function systemLookup(): Lookup {
  return { env: process.env, platform: process.platform, exists: existsSync };
}
