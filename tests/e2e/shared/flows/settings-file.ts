import { expect } from 'vitest';
import type { SettingsFile } from '../../../../lib/settings-file/format';
import type { OptionsPage } from '../pages/OptionsPage';
import { role } from '../driver/driver';
import { pageHtml } from './foundation';

// The settings file, the same in every browser: export with a passphrase
// (the key only encrypted), and import it back, key included.

/** The one stored account the file carries: its key, name, and the login its host answers a connection test with. */
export interface SettingsAccount {
  key: string;
  label: string;
  login: string;
}

/** Exports with the passphrase and checks the file; resolves with its text and what it parses to. */
export async function exportsWithPassphrase(
  options: OptionsPage,
  account: SettingsAccount,
  passphrase: string,
): Promise<{ text: string; parsed: SettingsFile }> {
  const file = await options.exportSettingsFile(passphrase);
  expect(file.name).toMatch(/\.json$/);
  expect(file.text).not.toContain(account.key);
  // Not parsed with the schema: that would drop fields the file must not carry.
  const parsed = JSON.parse(file.text) as SettingsFile;
  expect(parsed).toMatchObject({ format: 'vidrelay-settings', version: 3 });
  // Logins travel inside the encrypted block only.
  expect(parsed.accounts[0].login).toBeUndefined();
  expect(parsed.accounts[0]).toMatchObject({ label: account.label });
  expect(parsed.keys?.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  await expect(options.status().text()).resolves.toMatch(/Exported 1 accounts .*encrypted/);
  return { text: file.text, parsed };
}

/** Imports the exported file (the account gone meanwhile): the account is back with its key, which works without retyping it. */
export async function importsBack(options: OptionsPage, account: SettingsAccount, exported: string, passphrase: string): Promise<void> {
  await expect(options.importSettings(exported, passphrase)).resolves.toMatch(/Imported 1 accounts \(1 with keys\)/);
  await expect.poll(() => options.accounts(account.label).text()).toContain(`key ••••${account.key.slice(-4)}`);
  // Test the connection from the edit form: the imported key is the one the host knows.
  await options
    .accounts(account.label)
    .find(role('button', `Edit ${account.label}`))
    .click();
  await options.testConnection();
  await expect(options.accountInfo('login').text()).resolves.toBe(account.login);
  expect(await pageHtml(options.ui)).not.toContain(account.key);
}
