import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extensionDir as testBuildDir, productionDir as extensionDir } from '../../browsers/chromium';
import { pageScripts } from '../../../scripts/page-scripts';

// Scans the production build (what users install; `npm run build`): every script
// a UI page loads, and every script that may be injected into a web page, must
// hold no code that reads keys, and no script at all the hook e2e tests use
// (which only the test build has). Markers are strings the bundler keeps
// verbatim; each must appear where it belongs (key-reading markers in
// background.js, hook markers in the test build's background.js), which proves
// it still identifies that code.

const keyReadingMarkers = [
  // The storage key of the accounts (with their keys).
  'local:accounts',
  'local:accountEntries',
  // Error texts that exist only in lib/background/accounts/service.ts, the one place keys are read.
  'Enter the API key from your account settings on the host.',
  'That account no longer exists. Pick another one in Options.',
  // Decrypting or encrypting keys for the settings file happens in the background.
  'PBKDF2',
  'vidrelay-settings-keys',
  // Encrypting an unreadable entry for export, too.
  'vidrelay-unreadable-entry',
];

// The e2e hook (lib/background/root/test-hooks.ts): its error text, a method name, and its global.
const testHookMarkers = [/cannot be fired in this browser/, /\bmenuClick\b/, /\.vidrelay\s*=(?!=)/];

// UI pages and injected scripts talk to the background only through messages.
const storageApi = /\bstorage\s*\.\s*(local|session|sync)\b/;

/** Uploader pages receive an upload target (which holds the key) for the POST itself; they never read stored keys. */
const uploaderPages = new Set(['offscreen.html']);

function read(file: string): string {
  return readFileSync(join(extensionDir, file), 'utf8');
}

const scriptsOfPage = (page: string) => pageScripts(extensionDir, page);
const scriptsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')) : []);

const manifest = existsSync(join(extensionDir, 'manifest.json')) ? JSON.parse(read('manifest.json')) : undefined;
const pages = existsSync(extensionDir) ? readdirSync(extensionDir).filter((f) => f.endsWith('.html') && !uploaderPages.has(f)) : [];
const injected = existsSync(extensionDir)
  ? readdirSync(extensionDir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /^(finder|content-scripts\/.*)\.js$/.test(f) || /^(content|injected)/.test(dirname(f)),
    )
  : [];

describe('built output holds no key-reading code outside the background', () => {
  it('has a build to scan, with the UI pages and the injected finder', () => {
    expect(manifest, `no build in ${extensionDir}`).toBeDefined();
    for (const page of ['popup.html', 'options.html', 'manager.html']) expect(pages).toContain(page);
    expect(injected).toContain('finder.js');
  });

  it('the markers are real: background.js contains each of them', () => {
    const background = read('background.js');
    for (const marker of keyReadingMarkers) expect(background, marker).toContain(marker);
    expect(background).toMatch(storageApi);
  });

  it('declares no static content script, no externally_connectable and no web-accessible pages', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('asks at install only for what it uses; host access comes per account at runtime', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'offscreen', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('every chunk loaded by a UI page is free of key-reading code', () => {
    const checked: string[] = [];
    for (const page of pages) {
      const scripts = scriptsOfPage(page);
      expect(scripts.length, `${page} loads no script?`).toBeGreaterThan(0);
      for (const file of scripts) {
        const code = read(file);
        expect(file).not.toBe('background.js');
        for (const marker of keyReadingMarkers) expect(code.includes(marker), `${page} -> ${file} contains "${marker}"`).toBe(false);
        expect(storageApi.test(code), `${page} -> ${file} uses extension storage directly`).toBe(false);
        checked.push(file);
      }
    }
    expect(new Set(checked).size).toBeGreaterThanOrEqual(3);
  });

  it('every injected script is free of key-reading code and of messaging', () => {
    for (const file of injected) {
      const code = read(file);
      for (const marker of keyReadingMarkers) expect(code.includes(marker), `${file} contains "${marker}"`).toBe(false);
      expect(storageApi.test(code), `${file} uses extension storage`).toBe(false);
      // The finder returns its result to executeScript; it never needs to message the background.
      expect(code, file).not.toMatch(/runtime\s*\.\s*(sendMessage|connect)\b/);
    }
  });
});

describe('the production build holds no test hook', () => {
  it("the markers are real: the test build's background.js contains each of them", () => {
    const file = join(testBuildDir, 'background.js');
    expect(existsSync(file), `no test build in ${testBuildDir} (npm run build:test)`).toBe(true);
    const background = readFileSync(file, 'utf8');
    for (const marker of testHookMarkers) expect(background, String(marker)).toMatch(marker);
  });

  it("the benches' empty page (entrypoints/blank) is in the test build only", () => {
    expect(existsSync(join(testBuildDir, 'blank.html')), `no blank.html in ${testBuildDir}`).toBe(true);
    expect(existsSync(join(extensionDir, 'blank.html'))).toBe(false);
  });

  it('no script of the production build holds the hook', () => {
    const scripts = scriptsIn(extensionDir);
    expect(scripts).toContain('background.js');
    for (const file of scripts) {
      const code = read(file);
      for (const marker of testHookMarkers) expect(marker.test(code), `${file} matches ${marker}`).toBe(false);
    }
  });
});
