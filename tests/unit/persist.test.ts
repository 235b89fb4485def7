import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from '../../lib/zod';
import { defineVersionedItem, migrate } from '../../lib/persist';

const schema = z.object({ names: z.array(z.string()) });
const v0Fixture = { version: 0, data: ['a', 'b'] };

function item(onInvalid = vi.fn()) {
  return {
    onInvalid,
    item: defineVersionedItem({
      key: 'local:test-item',
      version: 1,
      schema,
      fallback: () => ({ names: [] }),
      migrations: { 0: (data) => ({ names: data as string[] }) },
      onInvalid,
    }),
  };
}

describe('migrate', () => {
  it('moves a v0 fixture to v1', () => {
    expect(migrate(v0Fixture, 1, { 0: (d) => ({ names: d }) })).toEqual({ data: { names: ['a', 'b'] }, from: 0 });
  });
  it('refuses a newer version and a shape without a version', () => {
    expect(migrate({ version: 2, data: {} }, 1)).toBeUndefined();
    expect(migrate(['raw'], 1)).toBeUndefined();
  });
  it('refuses a gap in the migration chain', () => {
    expect(migrate({ version: 0, data: 1 }, 2, { 0: (d) => d })).toBeUndefined();
  });
});

describe('defineVersionedItem', () => {
  it('reads a stored v0 fixture through its migration', async () => {
    await fakeBrowser.storage.local.set({ 'test-item': v0Fixture });
    await expect(item().item.get()).resolves.toEqual({ names: ['a', 'b'] });
  });

  it('falls back and reports when stored data is corrupt or newer', async () => {
    const { item: it1, onInvalid } = item();
    await fakeBrowser.storage.local.set({ 'test-item': { version: 1, data: { names: 'oops' } } });
    await expect(it1.get()).resolves.toEqual({ names: [] });
    await fakeBrowser.storage.local.set({ 'test-item': { version: 9, data: { names: [] } } });
    await expect(it1.get()).resolves.toEqual({ names: [] });
    expect(onInvalid).toHaveBeenCalledTimes(2);
  });

  it('serializes concurrent updates so none is lost', async () => {
    const { item: it1 } = item();
    await Promise.all(Array.from({ length: 20 }, (_, i) => it1.update((v) => ({ names: [...v.names, `n${i}`] }))));
    const { names } = await it1.get();
    expect(names).toHaveLength(20);
    const raw = await fakeBrowser.storage.local.get('test-item');
    expect(raw['test-item']).toMatchObject({ version: 1 });
  });
});
