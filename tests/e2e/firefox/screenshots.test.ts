import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { seedShowcase } from '../shared/flows/showcase';
import { css, role } from '../shared/driver/driver';
import { launchFirefox, type FirefoxOptions, type FirefoxSession } from '../../browsers/firefox';
import { expectContent, expectScheme, type Scheme } from '../shared/flows/shown';
import { chooseLanguageInOptions, documentLanguage, layoutProblems } from '../shared/flows/language';

// Screenshots of popup, options and manager in Firefox, light, dark and
// German, saved for review as artifacts/screenshots/firefox-*.png. Firefox
// takes the colour scheme and the UI language from prefs, so each variant is
// its own browser. Each shot first checks what it shows (tests/e2e/shared/flows/shown.ts):
// the scheme's colours on the page, the seeded content, and the language.
// Then the language chosen in Options: the pseudo-locale (accented, ~40%
// longer) with no control cut off, Arabic (right to left) and Vietnamese.

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

/** Each page in the browser's scheme and language: checked (heading in that language, scheme, content), then shot. */
async function shootAll(session: FirefoxSession, variant: string, lang: 'en' | 'de', scheme: Scheme): Promise<void> {
  for (const { name, path, viewport, heading } of pages) {
    const ui = await session.open(path);
    try {
      await ui.page.setViewport(viewport);
      await ui.find(role('heading', heading[lang])).waitFor();
      await expectScheme(ui, scheme);
      await expectContent(ui, name);
      // Let lists settle before the shot.
      await new Promise((r) => setTimeout(r, 300));
      await ui.page.screenshot({ path: join(outDir, `firefox-${name}-${variant}.png`) as `${string}.png`, fullPage: true });
    } finally {
      await ui.close();
    }
  }
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
  it('popup, options and manager, light', async () => {
    const session = await seeded({ colorScheme: 'light' });
    try {
      await shootAll(session, 'light', 'en', 'light');
    } finally {
      await session.close();
    }
  });

  it('popup, options and manager, dark', async () => {
    const session = await seeded({ colorScheme: 'dark' });
    try {
      await shootAll(session, 'dark', 'en', 'dark');
    } finally {
      await session.close();
    }
  });

  it('in the language chosen in Options: pseudo-locale with nothing cut off, Arabic right to left, Vietnamese', async () => {
    const session = await seeded({ colorScheme: 'light' });
    try {
      for (const [code, tag, dir, variant] of [
        ['en_XA', 'en-XA', 'ltr', 'pseudo'],
        ['ar', 'ar', 'rtl', 'ar'],
        ['vi', 'vi', 'ltr', 'vi'],
      ] as const) {
        const options = await session.open('options.html');
        await chooseLanguageInOptions(options, code, tag);
        await options.close();
        const problems: Record<string, string[]> = {};
        for (const { name, path, viewport } of pages) {
          const ui = await session.open(path);
          try {
            await ui.page.setViewport(viewport);
            await ui.find(css('h1')).waitFor();
            expect(await documentLanguage(ui)).toEqual({ lang: tag, dir, direction: dir });
            await expectScheme(ui, 'light');
            await expectContent(ui, name);
            await new Promise((r) => setTimeout(r, 300));
            problems[name] = await layoutProblems(ui);
            await ui.page.screenshot({ path: join(outDir, `firefox-${name}-${variant}-light.png`) as `${string}.png`, fullPage: true });
          } finally {
            await ui.close();
          }
        }
        expect(problems, variant).toEqual({ popup: [], options: [], manager: [] });
      }
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
      await shootAll(session, 'de-light', 'de', 'light');
    } finally {
      await session.close();
    }
  });
});
