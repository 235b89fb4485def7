// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { createSettingsFileHandlers } from '../../../lib/background/handlers/settings-file';
import { accountSchema, type Account } from '../../../lib/accounts';
import { fakeContext, type FakeContext } from '../background/context-fakes';

// Export and import as the Options page asks for them: through the router
// (sender check + zod) to the settings-file handlers, over a background
// context whose accounts and settings are in-memory stores.

const PASS = 'correct horse battery';
const options = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html', origin: 'chrome-extension://test-extension-id' };
const account = (over: Partial<Account>): Account =>
  accountSchema.parse({ id: 'acc_x', hostId: 'media.cm', label: 'X', key: 'stored-key-abcdef', keyOrigin: 'https://media.cm', createdAt: 1, ...over });

function context(): FakeContext {
  return fakeContext({
    accounts: [
      account({ id: 'acc_media', label: 'Media', key: 'media-key-0000' }),
      account({ id: 'acc_vip', hostId: 'vipstream.cc', label: 'Vip', key: 'vip-key-9999', keyOrigin: 'https://vipstream.cc' }),
    ],
    settings: { defaultAccountId: 'acc_vip', linkFormat: 'html' },
  });
}

async function call<T>(ctx: FakeContext, type: string, payload: unknown, sender: object = options): Promise<T> {
  const reply = await dispatch(createSettingsFileHandlers(ctx) as unknown as Handlers, { vidrelay: 1, type, payload }, sender);
  if (!reply?.ok) throw Object.assign(new Error(reply?.error.message), reply?.error);
  return reply.data as T;
}

type Exported = { text: string; keysIncluded: boolean; accounts: number; unreadableAccounts: number };

describe('settings-file handlers', () => {
  it('exports without keys when no passphrase is given (an empty one counts as none)', async () => {
    const out = await call<Exported>(context(), 'settings.export', { passphrase: '' });
    expect(out).toMatchObject({ keysIncluded: false, accounts: 2, unreadableAccounts: 0 });
    expect(out.text).not.toMatch(/media-key-0000|vip-key-9999/);
  });

  it('moves accounts, keys and settings into another profile with the passphrase', async () => {
    const out = await call<Exported>(context(), 'settings.export', { passphrase: PASS });
    expect(out.keysIncluded).toBe(true);
    expect(out.text).not.toContain('vip-key-9999');

    const other = fakeContext();
    await expect(call(other, 'settings.import', { text: out.text })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/passphrase/),
    });
    expect(other.stores.accounts.peek()).toEqual([]);
    const result = await call(other, 'settings.import', { text: out.text, passphrase: PASS });
    expect(result).toEqual({ accounts: 2, keysImported: 2, missingKeys: [] });
    expect(other.stores.accounts.peek().map((a) => [a.id, a.key, a.keyOrigin])).toEqual([
      ['acc_media', 'media-key-0000', 'https://media.cm'],
      ['acc_vip', 'vip-key-9999', 'https://vipstream.cc'],
    ]);
    expect(other.stores.settings.peek()).toMatchObject({ defaultAccountId: 'acc_vip', linkFormat: 'html' });
  });

  it('counts accounts it could not read and left out', async () => {
    const ctx = context();
    ctx.stores.accounts.unreadableEntries.push({ entryKey: 'acc_future', id: 'acc_future', problem: { code: 'newer_version', version: 3, known: 1 } });
    await expect(call(ctx, 'settings.export', {})).resolves.toMatchObject({ accounts: 2, unreadableAccounts: 1, unreadableAccountLists: 0 });
  });

  it('refuses both ways while the settings cannot be read, and writes nothing', async () => {
    const source = await call<Exported>(context(), 'settings.export', { passphrase: PASS });
    const ctx = context();
    ctx.stores.settings.storedProblem = { code: 'bad_shape', fields: ['concurrency'] };
    const before = ctx.stores.accounts.peek();
    await expect(call(ctx, 'settings.export', {})).rejects.toMatchObject({ code: 'storage_unreadable' });
    await expect(call(ctx, 'settings.import', { text: source.text, passphrase: PASS })).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect(ctx.stores.accounts.peek()).toEqual(before);
  });

  it('answers only extension pages', async () => {
    const page = { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 3 } };
    await expect(call(context(), 'settings.export', { passphrase: PASS }, page)).rejects.toMatchObject({ message: expect.stringMatching(/^Refused/) });
  });
});
