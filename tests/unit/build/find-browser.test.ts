import { describe, expect, it } from 'vitest';
import { findBrowser, installAdvice, type Lookup } from '../../../scripts/find-browser';

// The demo's browser lookup, against made-up machines.

function machine(platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv = {}): Lookup {
  const set = new Set(files);
  return { platform, env, exists: (p) => set.has(p) };
}

describe('findBrowser', () => {
  it('prefers CHROME_PATH, then commands on PATH', () => {
    const lookup = machine('linux', ['/opt/c/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/c/chrome', PATH: '/usr/bin' });
    expect(findBrowser('chromium', lookup)?.path).toBe('/opt/c/chrome');
    expect(findBrowser('chromium', machine('linux', ['/usr/bin/chromium'], { PATH: '/usr/local/bin:/usr/bin' }))).toEqual({
      kind: 'chromium',
      path: '/usr/bin/chromium',
      branded: false,
    });
  });

  it('finds chromium-browser and google-chrome, and marks branded Chrome', () => {
    expect(findBrowser('chromium', machine('linux', ['/usr/bin/chromium-browser'], { PATH: '/usr/bin' }))?.path).toBe('/usr/bin/chromium-browser');
    expect(findBrowser('chromium', machine('linux', ['/usr/bin/google-chrome'], { PATH: '/usr/bin' }))).toMatchObject({ branded: true });
  });

  it('finds the macOS and Windows installs', () => {
    expect(findBrowser('chromium', machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))?.path).toContain('Google Chrome.app');
    const win = machine('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], { PROGRAMFILES: 'C:\\Program Files' });
    expect(findBrowser('chromium', win)?.path).toMatch(/chrome\.exe$/);
    expect(findBrowser('firefox', machine('darwin', ['/Applications/Firefox.app/Contents/MacOS/firefox']))?.path).toContain('Firefox.app');
  });

  it('finds firefox-esr or firefox for --browser firefox', () => {
    expect(findBrowser('firefox', machine('linux', ['/usr/bin/firefox'], { PATH: '/usr/bin' }))?.path).toBe('/usr/bin/firefox');
    expect(findBrowser('firefox', machine('linux', [], { PATH: '/usr/bin', FIREFOX_PATH: '/nowhere' }))).toBeUndefined();
  });

  it('says exactly what to install when nothing is found', () => {
    const text = installAdvice('linux');
    expect(text).toContain('sudo apt-get install chromium');
    expect(text).toContain('--browser firefox');
    expect(installAdvice('darwin', 'firefox')).toMatch(/No Firefox found[\s\S]*brew install --cask firefox/);
  });
});
