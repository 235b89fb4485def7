import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from '../../../lib/zod';
import { defineVersionedItem, migrate, problemText, readVersioned } from '../../../lib/storage/versioned-item';

const schema = z.object({ names: z.array(z.string()) });
const v0Fixture = { version: 0, data: ['a', 'b'] };
const migrations = { 0: (data: unknown) => ({ names: data as string[] }) };

function item(onInvalid = vi.fn()) {
  return {
    onInvalid,
    item: defineVersionedItem({ key: 'local:test-item', version: 1, label: 'test item', schema, fallback: () => ({ names: [] }), migrations, onInvalid }),
  };
}

const stored = async () => (await fakeBrowser.storage.local.get('test-item'))['test-item'];

describe('migrate', () => {
  it('moves a v0 fixture to v1', () => {
    expect(migrate(v0Fixture, 1, migrations)).toEqual({ data: { names: ['a', 'b'] }, from: 0 });
  });
  it('names a newer version, a shape without a version and a gap in the chain', () => {
    expect(migrate({ version: 2, data: {} }, 1)).toEqual({ problem: { code: 'newer_version', version: 2, known: 1 } });
    expect(migrate(['raw'], 1)).toEqual({ problem: { code: 'not_record' } });
    expect(migrate('text', 1)).toEqual({ problem: { code: 'not_record' } });
    expect(migrate({ version: '1', data: {} }, 1)).toEqual({ problem: { code: 'not_record' } });
    expect(migrate({ version: 0, data: 1 }, 2, { 0: (d) => d })).toEqual({ problem: { code: 'no_migration', version: 1 } });
  });
  it('reports a migration step that throws instead of throwing', () => {
    const boom = () => {
      throw new Error('bad');
    };
    expect(migrate({ version: 0, data: 1 }, 1, { 0: boom })).toEqual({ problem: { code: 'migration_failed', version: 0 } });
  });
});

describe('readVersioned', () => {
  it('names the fields that are wrong, not their values', () => {
    const result = readVersioned({ version: 1, data: { names: 'secret-value-123' } }, { version: 1, schema });
    expect(result).toEqual({ ok: false, problem: { code: 'bad_shape', fields: ['names'] } });
    if (!result.ok) expect(problemText(result.problem)).not.toContain('secret-value-123');
  });
});

describe('defineVersionedItem', () => {
  it('reads a stored v0 fixture through its migration', async () => {
    await fakeBrowser.storage.local.set({ 'test-item': v0Fixture });
    await expect(item().item.get()).resolves.toEqual({ names: ['a', 'b'] });
  });

  it.each([
    ['a bad shape', { version: 1, data: { names: 'oops' } }, 'bad_shape'],
    ['a newer version', { version: 9, data: { names: [] } }, 'newer_version'],
    ['a value that is not a record', 'just text', 'not_record'],
    ['an array without a version', [{ names: [] }], 'not_record'],
  ])('runs on the fallback for %s, keeps it untouched and refuses to write over it', async (_name, value, code) => {
    const { item: it1, onInvalid } = item();
    await fakeBrowser.storage.local.set({ 'test-item': value });
    await expect(it1.get()).resolves.toEqual({ names: [] });
    expect(onInvalid).toHaveBeenCalledWith(expect.objectContaining({ code }));
    await expect(it1.problem()).resolves.toMatchObject({ code });
    await expect(it1.set({ names: ['new'] })).rejects.toMatchObject({ code: 'storage_unreadable' });
    await expect(it1.update((v) => ({ names: [...v.names, 'x'] }))).rejects.toMatchObject({ code: 'storage_unreadable' });
    await expect(it1.assertWritable()).rejects.toMatchObject({ code: 'storage_unreadable', message: expect.stringContaining('test item') });
    expect(await stored()).toEqual(value);
    await expect(it1.raw()).resolves.toEqual(value);
  });

  it('removes only a value that is still unreadable, then writes again', async () => {
    const { item: it1 } = item();
    await it1.set({ names: ['fine'] });
    await expect(it1.removeUnreadable()).resolves.toBe(false);
    expect(await stored()).toEqual({ version: 1, data: { names: ['fine'] } });
    await fakeBrowser.storage.local.set({ 'test-item': { version: 3, data: {} } });
    await expect(it1.removeUnreadable()).resolves.toBe(true);
    expect(await stored()).toBeUndefined();
    await it1.set({ names: ['again'] });
    await expect(it1.get()).resolves.toEqual({ names: ['again'] });
    await expect(it1.problem()).resolves.toBeUndefined();
  });

  it('serializes concurrent updates so none is lost', async () => {
    const { item: it1 } = item();
    await Promise.all(Array.from({ length: 20 }, (_, i) => it1.update((v) => ({ names: [...v.names, `n${i}`] }))));
    const { names } = await it1.get();
    expect(names).toHaveLength(20);
    expect(await stored()).toMatchObject({ version: 1 });
  });
});

describe('reading only when asked', () => {
  it('defines stored items without reading them: a worker start reads nothing it was not asked for', async () => {
    const { defineEntryRecord } = await import('../../../lib/storage/entry-record');
    await fakeBrowser.storage.local.set({ 'big-item': { version: 1, data: { names: ['x'] } } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      const versioned = defineVersionedItem({ key: 'local:big-item', version: 1, label: 'big item', schema, fallback: () => ({ names: [] }) });
      defineEntryRecord({ key: 'local:big-entries', label: 'entry', version: 1, schema, idOf: () => 'x', explain: () => [] } as never);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(get).not.toHaveBeenCalled();
      expect(await versioned.get()).toEqual({ names: ['x'] });
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      get.mockRestore();
    }
  });
});
