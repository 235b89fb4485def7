// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccountHandlers } from '../../../lib/background/handlers/accounts';
import { accountSchema, type Account } from '../../../lib/accounts';
import { exportSettings, importSettings } from '../../../lib/settings-file';
import { accountsItem } from '../../../lib/storage/items';
import { hasHostAccess } from '../../../lib/accounts/host-access';
import { storedItems } from '../../../lib/background/stored/registry';
import { createStoredServices } from '../../../lib/background/root/build-context';
import { fakePorts } from './context-fakes';

// A key is bound to the API origin it was entered for: moving an account to
// another origin (edit form, Test connection, settings import) needs the key
// again, and nothing is sent to the new origin with the old key. Two real
// servers on loopback ports stand for the old and the new address.

const KEY = 'origin-bound-key-7f3a9c';
const PASS = 'correct horse battery';
const seen: { port: number; url: string }[] = [];
let servers: Server[] = [];
let oldBase = '';
let newBase = '';

async function serve(): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ port: (server.address() as AddressInfo).port, url: req.url ?? '' });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 200, msg: 'OK', result: { login: 'someone', email: 'a@b.c', balance: '0', storage_used: '0', premium_expire: '' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

beforeAll(async () => {
  oldBase = await serve();
  newBase = await serve();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

// The stored services the background builds, over the real stored items and the (fake) browser's
// permissions: this test is about what reaches storage and the wire.
const services = createStoredServices(storedItems, fakePorts({ hasAccess: hasHostAccess }));
const handlers = createAccountHandlers(services);
const xfs = (over: Partial<Account> = {}) =>
  accountSchema.parse({ id: 'acc_xfs', hostId: 'xfs', label: 'My XFS', apiBase: oldBase, key: KEY, keyOrigin: new URL(oldBase).origin, createdAt: 1, ...over });
const input = (apiBase: string, key = '') => ({
  id: 'acc_xfs',
  hostId: 'xfs' as const,
  label: 'My XFS',
  apiBase,
  key,
  enabled: true,
  allowHttp: false,
  defaults: {},
});
const sentWithKey = () => seen.filter((r) => r.url.includes(KEY) || r.url.includes(encodeURIComponent(KEY)));

function grantAll() {
  fakeBrowser.permissions.contains = async () => true;
}

describe('the edit form', () => {
  it('refuses to test or save a moved account with its stored key, and sends nothing to the new address', async () => {
    grantAll();
    await accountsItem.set([xfs()]);
    seen.length = 0;
    await expect(handlers['accounts.test']({ account: input(newBase) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Enter the API key again/),
    });
    await expect(handlers['accounts.save']({ account: input(newBase) })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(seen).toEqual([]);
    expect((await accountsItem.get())[0]).toMatchObject({ apiBase: oldBase, key: KEY });
  });

  it('takes the move when the key is entered again, and binds it to the new origin', async () => {
    grantAll();
    await accountsItem.set([xfs()]);
    const saved = await handlers['accounts.save']({ account: input(newBase, 'a-new-key-for-new-origin') });
    expect(saved.keyOrigin).toBe(new URL(newBase).origin);
    expect((await accountsItem.get())[0]).toMatchObject({ apiBase: newBase, key: 'a-new-key-for-new-origin' });
  });

  it('keeps the stored key for an edit on the same origin (another path there)', async () => {
    grantAll();
    await accountsItem.set([xfs()]);
    seen.length = 0;
    await expect(handlers['accounts.test']({ account: input(oldBase.replace(/\/api$/, '/api/v2')) })).resolves.toBeDefined();
    // The form sent no key: whatever the test sent, it sent with the stored one, to the same origin (the new path).
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) {
      expect(request.port).toBe(Number(new URL(oldBase).port));
      expect(new URL(request.url, oldBase).pathname).toMatch(/^\/api\/v2\//);
      expect(new URL(request.url, oldBase).searchParams.get('key')).toBe(KEY);
    }
  });

  it('an account stored before the binding counts as bound to the origin it uses', async () => {
    grantAll();
    const { keyOrigin: _o, ...legacy } = xfs();
    await accountsItem.set([legacy as Account]);
    await expect(handlers['accounts.test']({ account: input(oldBase) })).resolves.toBeDefined();
    await expect(handlers['accounts.test']({ account: input(newBase) })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the client', () => {
  it('refuses to build a client whose key was entered for another origin', () => {
    expect(() => services.accounts.clientOf(xfs({ apiBase: newBase }))).toThrow(/changed since its key was entered/);
  });
});

describe('settings import', () => {
  const file = (accounts: object[], version = 2) =>
    JSON.stringify({ format: 'vidrelay-settings', version, exportedAt: '2026-01-01T00:00:00.000Z', accounts, settings: {} });
  const fileAccount = (apiBase: string, over: object = {}) => ({
    id: 'acc_xfs',
    hostId: 'xfs',
    label: 'My XFS',
    apiBase,
    enabled: true,
    allowHttp: false,
    defaults: {},
    createdAt: 1,
    ...over,
  });

  it('drops the stored key of an account the file moves to another origin, and sends it nowhere', async () => {
    await accountsItem.set([xfs()]);
    seen.length = 0;
    const result = await importSettings(file([fileAccount(newBase)]));
    expect(result).toEqual({ accounts: 1, keysImported: 0, missingKeys: ['My XFS'] });
    const [stored] = await accountsItem.get();
    expect(stored).toMatchObject({ apiBase: newBase, key: '' });
    expect(stored!.keyOrigin).toBeUndefined();
    expect(sentWithKey()).toEqual([]);
  });

  it('ignores an origin the file claims for the key', async () => {
    await accountsItem.set([xfs()]);
    await importSettings(file([fileAccount(newBase, { keyOrigin: new URL(newBase).origin })]));
    expect((await accountsItem.get())[0]).toMatchObject({ key: '' });
  });

  it('keeps the stored key when the file leaves the account on its origin', async () => {
    await accountsItem.set([xfs()]);
    const result = await importSettings(file([fileAccount(oldBase, { label: 'Renamed' })]));
    expect(result.missingKeys).toEqual([]);
    expect((await accountsItem.get())[0]).toMatchObject({ label: 'Renamed', key: KEY, keyOrigin: new URL(oldBase).origin });
  });

  it('takes an encrypted key only for the origin it was exported for, whatever the plain part says', async () => {
    await accountsItem.set([xfs()]);
    const exported = JSON.parse((await exportSettings(PASS)).text);
    expect(exported.version).toBe(3);
    await accountsItem.set([]);
    // Same file, its plain part edited to point elsewhere: the key stays out.
    const moved = { ...exported, accounts: [{ ...exported.accounts[0], apiBase: newBase }] };
    await expect(importSettings(JSON.stringify(moved), PASS)).resolves.toMatchObject({ keysImported: 0, missingKeys: ['My XFS'] });
    expect((await accountsItem.get())[0]).toMatchObject({ apiBase: newBase, key: '' });
    // Unchanged, it comes back with its key.
    await accountsItem.set([]);
    await expect(importSettings(JSON.stringify(exported), PASS)).resolves.toMatchObject({ keysImported: 1, missingKeys: [] });
    expect((await accountsItem.get())[0]).toMatchObject({ apiBase: oldBase, key: KEY });
  });
});

describe('settings import of a version 1 file (keys without their origin)', () => {
  it("takes its keys only for a host's built-in address", async () => {
    const { encryptText } = await import('../../../lib/settings-file/crypto');
    const keys = await encryptText(JSON.stringify({ acc_xfs: KEY, acc_media: 'media-v1-key-123456' }), PASS);
    const text = JSON.stringify({
      format: 'vidrelay-settings',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      accounts: [
        { id: 'acc_xfs', hostId: 'xfs', label: 'My XFS', apiBase: newBase, enabled: true, allowHttp: false, defaults: {}, createdAt: 1 },
        { id: 'acc_media', hostId: 'media.cm', label: 'Media', enabled: true, allowHttp: false, defaults: {}, createdAt: 1 },
      ],
      settings: {},
      keys,
    });
    await accountsItem.set([]);
    await expect(importSettings(text, PASS)).resolves.toMatchObject({ keysImported: 1, missingKeys: ['My XFS'] });
    const stored = await accountsItem.get();
    expect(stored.find((a) => a.id === 'acc_media')).toMatchObject({ key: 'media-v1-key-123456', keyOrigin: 'https://media.cm' });
    expect(stored.find((a) => a.id === 'acc_xfs')).toMatchObject({ key: '' });
  });
});
