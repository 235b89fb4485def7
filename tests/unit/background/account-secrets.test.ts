import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDB } from 'idb';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { createAccountHandlers } from '../../../lib/background/handlers/accounts';
import { createStorageHandlers } from '../../../lib/background/handlers/unreadable';
import { createSettingsFileHandlers } from '../../../lib/background/handlers/settings-file';
import { createStoredServices } from '../../../lib/background/root/build-context';
import { storedItems } from '../../../lib/background/stored/registry';
import { SECRET_MARKER, UNREADABLE_EXPORT_PURPOSE } from '../../../lib/background/stored/unreadable-export';
import { accountSchema } from '../../../lib/accounts';
import { secretsDbName } from '../../../lib/storage/secret-store';
import { decryptText } from '../../../lib/settings-file/crypto';
import { encryptedKeysSchema } from '../../../lib/settings-file/format';
import { fakePorts } from './context-fakes';

// The background over the real stored accounts: what pages save, import and
// remove puts keys and logins into the extension's IndexedDB only, while the
// background still works with whole accounts and pages get them masked.

const services = createStoredServices(storedItems, fakePorts());
const handlers = { ...createAccountHandlers(services), ...createStorageHandlers(services), ...createSettingsFileHandlers(services) } as unknown as Handlers;
const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const call = async <T = unknown>(type: string, payload: unknown): Promise<T> => {
  const reply = (await dispatch(handlers, { vidrelay: 1, type, payload }, page())) as { ok: boolean; data?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
};

const KEY = 'bg-secret-key-314159';
const LOGIN = 'bg-secret-login';
const input = { hostId: 'megamax.me', label: 'Mega', key: KEY, login: LOGIN, enabled: true, allowHttp: false, defaults: {} };
const localText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

async function records(): Promise<unknown[]> {
  const db = await openDB(secretsDbName, 1, { upgrade: (d) => void d.createObjectStore('secrets') });
  const all = await db.getAll('secrets');
  db.close();
  return all;
}

describe('keys and logins through the background', () => {
  it('saves an account with its key and login in IndexedDB only; pages get it masked, the background whole', async () => {
    const saved = await call<{ id: string; keyHint: string; hasKey: boolean }>('accounts.save', { account: input });
    expect(saved).toMatchObject({ hasKey: true, keyHint: '••••4159' });
    expect(await localText()).not.toContain(KEY);
    expect(await localText()).not.toContain(LOGIN);
    expect(await records()).toEqual([{ version: 1, data: { accountId: saved.id, key: KEY, login: LOGIN } }]);

    expect(JSON.stringify(await call('accounts.list', {}))).not.toContain(KEY);
    await expect(services.accounts.get(saved.id)).resolves.toMatchObject({ key: KEY, login: LOGIN });
    await expect(services.accounts.secretsOf(saved.id)).resolves.toEqual([KEY, LOGIN]);
  });

  it('keeps the stored key when the form sends none, writes the new one when it sends one, and removes it with the account', async () => {
    const { id } = await call<{ id: string }>('accounts.save', { account: input });
    await call('accounts.save', { account: { ...input, id, key: '', label: 'Renamed' } });
    await expect(services.accounts.get(id)).resolves.toMatchObject({ label: 'Renamed', key: KEY });
    await call('accounts.save', { account: { ...input, id, key: 'bg-replaced-key-2718' } });
    expect(await records()).toEqual([{ version: 1, data: { accountId: id, key: 'bg-replaced-key-2718', login: LOGIN } }]);
    await call('accounts.remove', { id });
    expect(await records()).toEqual([]);
    expect(await localText()).not.toContain('bg-');
  });

  it('imports a settings file with keys into IndexedDB, and exports them again from there', async () => {
    await call('accounts.save', { account: input });
    const exported = await call<{ text: string }>('settings.export', { passphrase: 'a long passphrase 1' });
    await fakeBrowser.storage.local.clear();
    await call('settings.import', { text: exported.text, passphrase: 'a long passphrase 1' });
    expect(await localText()).not.toContain(KEY);
    expect((await services.accounts.all()).map((a) => [a.label, a.key, a.login])).toEqual([['Mega', KEY, LOGIN]]);
  });
});

describe('an unreadable account whose key is in IndexedDB', () => {
  async function seedOdd(): Promise<void> {
    const entry = { ...accountSchema.parse({ id: 'acc_odd', hostId: 'media.cm', label: 'Odd', key: '' }), secretRef: 'sec_odd' };
    const { key: _key, ...data } = entry;
    await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries: { acc_odd: { version: 2, data } } } });
    const db = await openDB(secretsDbName, 1, { upgrade: (d) => void d.createObjectStore('secrets') });
    await db.put('secrets', { version: 2, data: { accountId: 'acc_odd', key: 'odd-secret-key-5555', login: 'odd-login' } }, 'sec_odd');
    db.close();
  }

  it('is reported, and exported with the record it names: secrets replaced without a passphrase, all of it encrypted with one', async () => {
    await seedOdd();
    const list = await call<{ ref: string; problem: { code: string } }[]>('storage.unreadable', {});
    expect(list.map((r) => [r.ref, r.problem.code])).toEqual([['account:acc_odd', 'newer_version']]);

    const plain = await call<{ text: string; redacted: number }>('storage.exportUnreadable', { ref: 'account:acc_odd' });
    expect(plain.text).not.toContain('odd-secret-key-5555');
    expect(plain.text).not.toContain('odd-login');
    expect(JSON.parse(plain.text).value).toMatchObject({
      entry: { version: 2, data: { id: 'acc_odd', secretRef: 'sec_odd' } },
      secret: { version: SECRET_MARKER, data: { accountId: SECRET_MARKER, key: SECRET_MARKER, login: SECRET_MARKER } },
    });

    const sealed = await call<{ text: string }>('storage.exportUnreadable', { ref: 'account:acc_odd', passphrase: 'a long passphrase 2' });
    expect(sealed.text).not.toContain('odd-secret-key-5555');
    const inside = JSON.parse(
      await decryptText(encryptedKeysSchema.parse(JSON.parse(sealed.text).encryption), 'a long passphrase 2', UNREADABLE_EXPORT_PURPOSE),
    );
    expect(inside.value.secret).toEqual({ version: 2, data: { accountId: 'acc_odd', key: 'odd-secret-key-5555', login: 'odd-login' } });

    await call('storage.removeUnreadable', { ref: 'account:acc_odd', confirmed: true });
    expect(await records()).toEqual([]);
  });
});
