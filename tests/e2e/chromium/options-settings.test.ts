import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import type { PlaywrightUi } from '../shared/driver/playwright';
import { OptionsPage } from '../shared/pages/OptionsPage';
import * as settingsFile from '../shared/flows/settings-file';

// Options as a user walks it: per-account defaults, disable, export with a
// passphrase, remove, import back (the export and import shared with
// Firefox: tests/e2e/shared/flows/settings-file.ts); every control named and reachable.

const KEY = 'opt-e2e-media-key-31337';
const account = { key: KEY, label: 'Media opts', login: 'opt-user' };
const PASS = 'a good long passphrase';
let sim: HostSim;
let session: ExtensionSession;
let options: OptionsPage<PlaywrightUi>;
let exported = '';

const row = (page: Page, label: string) => page.getByRole('list', { name: 'Accounts' }).locator('li').filter({ hasText: label });

beforeAll(async () => {
  sim = await startHostSim();
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'opt-user' });
  session = await launchExtension();
  options = await OptionsPage.open(session);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('options', () => {
  it('shows a friendly empty state and names every control', async () => {
    const page = options.page;
    // The list comes from the background: wait for it, the form is drawn by then.
    await page.getByText('No accounts yet.').waitFor();
    const unnamed = await page.locator('input, select, textarea, button').evaluateAll((els) =>
      els
        .filter((el) => {
          const e = el as HTMLInputElement;
          return !(e.labels?.length || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' && e.textContent?.trim()));
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });

  it('reaches the form and its buttons with the keyboard alone', async () => {
    const page = options.page;
    await page.getByLabel('Host').focus();
    const reached: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    for (const name of [
      'api-base',
      'api-key',
      'label',
      'account-enabled',
      'default-folder',
      'default-link-format',
      'Test connection',
      'Save',
      'passphrase',
      'Export settings',
      'Import settings',
    ]) {
      expect(reached, name).toContain(name);
    }
  });

  it('saves an account with its upload defaults', async () => {
    const page = options.page;
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: KEY, name: 'Media opts' });
    await page.getByLabel('Folder').fill('12');
    await page.getByLabel('Tags').fill('travel, 2024');
    await page.getByLabel('Public').check();
    await page.getByLabel('Link format').selectOption('bbcode');
    await options.save();
    await row(page, 'Media opts').waitFor();
    await row(page, 'Media opts').getByRole('button', { name: 'Edit Media opts' }).click();
    await expect(page.getByLabel('Folder').inputValue()).resolves.toBe('12');
    await expect(page.getByLabel('Tags').inputValue()).resolves.toBe('travel, 2024');
    await expect(page.getByLabel('Public').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Adult content').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Link format').inputValue()).resolves.toBe('bbcode');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('disables and enables an account', async () => {
    const page = options.page;
    await row(page, 'Media opts').getByRole('button', { name: 'Disable Media opts' }).click();
    await expect.poll(() => row(page, 'Media opts').getAttribute('data-enabled')).toBe('false');
    await expect(row(page, 'Media opts').getByText('disabled', { exact: true }).isVisible()).resolves.toBe(true);
    await row(page, 'Media opts').getByRole('button', { name: 'Enable Media opts' }).click();
    await expect.poll(() => row(page, 'Media opts').getAttribute('data-enabled')).toBe('true');
  });

  it('exports with a passphrase: keys only encrypted', async () => {
    const file = await settingsFile.exportsWithPassphrase(options, account, PASS);
    exported = file.text;
    expect(file.parsed.accounts[0]).toMatchObject({ defaults: { folderId: '12', linkFormat: 'bbcode' } });
  });

  it('removes the account after confirmation', async () => {
    const page = options.page;
    options.ui.acceptNextDialog();
    await row(page, 'Media opts').getByRole('button', { name: 'Remove Media opts' }).click();
    await expect.poll(() => row(page, 'Media opts').count()).toBe(0);
  });

  it('refuses a wrong passphrase and a broken file, changing nothing', async () => {
    const page = options.page;
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByLabel('Settings file').setInputFiles({ name: 'vidrelay.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    const alert = page.locator('section[aria-labelledby="settings-file-heading"] [role="alert"]');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('invalid_input');
    await expect(alert.textContent()).resolves.toMatch(/passphrase/);
    await page.getByLabel('Settings file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(exported.slice(0, 50)) });
    await expect.poll(() => alert.textContent()).toMatch(/not valid JSON/);
    await expect(row(page, 'Media opts').count()).resolves.toBe(0);
  });

  it('imports the file back with the right passphrase, key included', () => settingsFile.importsBack(options, account, exported, PASS));
});
