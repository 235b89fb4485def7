import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { seedShowcase } from '../shared/flows/showcase';
import { role } from '../shared/driver/driver';
import { launchFirefox, type FirefoxOptions, type FirefoxSession } from '../../browsers/firefox';

// Screenshots of popup, options and manager in Firefox, light, dark and
// German, saved for review as artifacts/screenshots/firefox-*.png. Firefox
// takes the colour scheme and the UI language from prefs, so each variant is
// its own browser. Each shot checks the page followed the scheme or language.

const outDir = resolve('artifacts/screenshots');
const KEY = 'ff-shots-media-key-2024';
let sim: HostSim;

const pages = [
  { name: 'popup', path: 'popup.html', viewport: { width: 400, height: 600 }, heading: { en: 'VidRelay', de: 'VidRelay' } },
  { name: 'options', path: 'options.html', viewport: { width: 900, height: 1300 }, heading: { en: 'VidRelay options', de: 'VidRelay-Einstellungen' } },
  { name: 'manager', path: 'manager.html', viewport: { width: 1200, height: 800 }, heading: { en: 'VidRelay manager', de: 'VidRelay-Manager' } },
] as const;

/** A Firefox with two accounts and two sent URLs, so the pages have something to show. */
async function seeded(options: FirefoxOptions): Promise<FirefoxSession> {
  const session = await launchFirefox(options);
  const ext = await session.open('options.html');
  await seedShowcase(ext, sim, { key: KEY, otherKey: 'ff-shots-other-key', defaults: { linkFormat: 'bbcode', tags: 'travel' } });
  await ext.close();
  return session;
}

async function shootAll(session: FirefoxSession, variant: string, lang: 'en' | 'de'): Promise<Record<string, string>> {
  const backgrounds: Record<string, string> = {};
  for (const { name, path, viewport, heading } of pages) {
    const ui = await session.open(path);
    await ui.page.setViewport(viewport);
    await ui.find(role('heading', heading[lang])).waitFor();
    // Let lists load from the background before the shot.
    await new Promise((r) => setTimeout(r, 600));
    await ui.page.screenshot({ path: join(outDir, `firefox-${name}-${variant}.png`) as `${string}.png`, fullPage: true });
    backgrounds[name] = await ui.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined);
    await ui.close();
  }
  return backgrounds;
}

beforeAll(async () => {
  await mkdir(outDir, { recursive: true });
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'shots-user' });
});

afterAll(async () => {
  await sim?.close();
});

describe('Firefox screenshots for review', () => {
  let light: Record<string, string> = {};

  it('popup, options and manager, light', async () => {
    const session = await seeded({ colorScheme: 'light' });
    try {
      light = await shootAll(session, 'light', 'en');
    } finally {
      await session.close();
    }
  });

  it('popup, options and manager, dark', async () => {
    const session = await seeded({ colorScheme: 'dark' });
    try {
      const dark = await shootAll(session, 'dark', 'en');
      for (const { name } of pages) expect(dark[name], `${name} follows the dark scheme`).not.toBe(light[name]);
    } finally {
      await session.close();
    }
  });

  it('popup, options and manager in German', async () => {
    const session = await seeded({ colorScheme: 'light', locale: 'de' });
    try {
      // shootAll waits for each page's German heading; the popup's German send button proves the popup too.
      const ui = await session.open('popup.html');
      await ui.find(role('button', 'Senden')).waitFor();
      await ui.close();
      await shootAll(session, 'de-light', 'de');
    } finally {
      await session.close();
    }
  });
});
