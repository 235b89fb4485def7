import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDB } from 'idb';
import { unseenProblems } from '../../../lib/background/health/checks';
import { healthItem } from '../../../lib/background/stored/link-health';
import { healthDbName } from '../../../lib/background/stored/link-health-db';
import fixture from '../../fixtures/storage/link-health-v1.json';

// Link health's results live in IndexedDB; the record an older build kept in
// storage.local is moved over when first read, or left untouched when it
// cannot be read.

const legacy = async () => (await fakeBrowser.storage.local.get('linkHealth')).linkHealth;
const inDb = async () => {
  // Opened as the extension opens it (an absent database is made empty, as the extension would).
  const db = await openDB(healthDbName, 1, { upgrade: (made) => void made.createObjectStore('records') });
  try {
    return await db.get('records', 'linkHealth');
  } finally {
    db.close();
  }
};

describe('link health in IndexedDB', () => {
  it('moves the version 1 record from storage.local, every result and the unseen count kept', async () => {
    await fakeBrowser.storage.local.set({ linkHealth: fixture });
    expect(await healthItem.get()).toEqual(fixture.data);
    expect(await legacy()).toBeUndefined();
    expect(await inDb()).toEqual(fixture);
    expect(await unseenProblems(healthItem)).toBe(2);
    await healthItem.update((current) => ({ ...current, unseen: 0 }));
    expect(await inDb()).toMatchObject({ version: 1, data: { unseen: 0, entries: fixture.data.entries } });
    expect(await legacy()).toBeUndefined();
  });

  it('leaves a record it cannot read in storage.local untouched, refuses to write over it, and removes it on request', async () => {
    const newer = { version: 4, data: { results: ['from a newer build'] } };
    await fakeBrowser.storage.local.set({ linkHealth: newer });
    expect(await healthItem.problem()).toMatchObject({ code: 'newer_version', version: 4 });
    await expect(healthItem.set({ entries: {}, unseen: 0 })).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect(await legacy()).toEqual(newer);
    expect(await inDb()).toBeUndefined();
    expect(await healthItem.removeUnreadable()).toBe(true);
    expect(await legacy()).toBeUndefined();
    await healthItem.set({ entries: {}, unseen: 1 });
    expect(await inDb()).toEqual({ version: 1, data: { entries: {}, unseen: 1 } });
  });

  it('merges a record an older build wrote again after this one: the later result of each file wins', async () => {
    await healthItem.set({ checkedAt: 10, entries: { 'a:1': { status: 'ok', checkedAt: 10 }, 'a:2': { status: 'ok', checkedAt: 5 } }, unseen: 0 });
    await fakeBrowser.storage.local.set({
      linkHealth: {
        version: 1,
        data: { checkedAt: 8, entries: { 'a:2': { status: 'deleted', checkedAt: 8 }, 'a:3': { status: 'ok', checkedAt: 8 } }, unseen: 1 },
      },
    });
    expect(await healthItem.get()).toEqual({
      checkedAt: 10,
      entries: { 'a:1': { status: 'ok', checkedAt: 10 }, 'a:2': { status: 'deleted', checkedAt: 8 }, 'a:3': { status: 'ok', checkedAt: 8 } },
      unseen: 1,
    });
    expect(await legacy()).toBeUndefined();
  });
});

describe("the badge's count of unseen link problems", () => {
  it('reads the count alone, without checking every stored result, and 0 where there is no readable count', async () => {
    const item = (raw: unknown) => ({ raw: async () => raw });
    // A result no build would write: the count is read all the same.
    const odd = { version: 1, data: { entries: { 'a:1': { status: 'not a status', checkedAt: 1 } }, unseen: 3 } };
    expect(await unseenProblems(item(odd))).toBe(3);
    expect(await unseenProblems(item(null))).toBe(0);
    expect(await unseenProblems(item({ version: 1, data: { entries: {}, unseen: -1 } }))).toBe(0);
    expect(await unseenProblems(item({ version: 99, data: { entries: {}, unseen: 3 } }))).toBe(0);
  });
});
