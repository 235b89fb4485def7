import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobStore, type CorruptJob } from '../../../../lib/queue/store';
import { jobRecordVersion } from '../../../../lib/queue/store/db';
import { job } from '../fakes';
import { dbRecords, seedRecords } from './db-helpers';

const stored = dbRecords;

afterEach(() => {
  vi.useRealTimers();
});

describe('JobStore', () => {
  it('puts, gets, updates and removes, one record per job', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'a' }));
    expect(await store.get('a')).toMatchObject({ id: 'a', state: 'queued' });
    await store.update('a', (j) => ({ ...j, state: 'sending' }));
    expect((await stored()).a).toMatchObject({ state: 'sending', v: jobRecordVersion });
    await store.remove('a');
    expect(await store.all()).toEqual([]);
    expect(await stored()).toEqual({});
  });

  it('loses nothing when many updates race', async () => {
    const store = createJobStore();
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.put(job({ id: `j${i}` }))));
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update(`j${i}`, (j) => ({ ...j, attempts: j.attempts + 1 }))));
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update(`j${i}`, (j) => ({ ...j, attempts: j.attempts + 1 }))));
    const all = await store.all();
    expect(all).toHaveLength(25);
    expect(all.every((j) => j.attempts === 2)).toBe(true);
    expect(Object.keys(await stored())).toHaveLength(25);
  });

  it('rejects an update of a missing job and a put that breaks the schema', async () => {
    const store = createJobStore();
    await expect(store.update('nope', (j) => j)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.put({ ...job({ id: 'x' }), state: 'lost' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.all()).toEqual([]);
  });

  it('reads a version 2 record (before remote jobs could wait for the host) through the steps, and writes it back as the current version', async () => {
    const v2 = {
      id: 'old2',
      v: 2,
      kind: 'remote',
      accountId: 'a',
      state: 'encoding',
      url: 'https://cdn.example/v.mp4',
      fileCode: 'abc',
      options: {},
      createdAt: 5,
      updatedAt: 5,
      attempts: 1,
    };
    await seedRecords([v2]);
    const store = createJobStore();
    const read = await store.get('old2');
    expect(read).toMatchObject({ state: 'encoding', fileCode: 'abc' });
    expect(read).not.toHaveProperty('waiting');
    await store.update('old2', (j) => ({ ...j, progress: 10 }));
    expect((await stored()).old2).toMatchObject({ v: jobRecordVersion, fileCode: 'abc', progress: 10 });
  });

  it('keeps unreadable and newer records out, reports them, and never overwrites them', async () => {
    const broken = { id: 'broken', v: jobRecordVersion, kind: 'remote', state: 'exploded', createdAt: 5, accountId: 'a' };
    const newer = { ...job({ id: 'newer', state: 'queued' }), v: jobRecordVersion + 1, shinyField: true };
    await seedRecords([{ ...job({ id: 'good' }), v: jobRecordVersion }, broken, newer]);
    const reports: CorruptJob[] = [];
    const store = createJobStore({ onCorrupt: (entries) => reports.push(...entries) });
    expect((await store.active()).map((j) => j.id)).toEqual(['good']);
    expect((await store.all()).map((j) => j.id)).toEqual(['good']);
    const problems = await store.corrupted();
    expect(problems.map((c) => c.id).sort()).toEqual(['broken', 'newer']);
    expect(problems.find((c) => c.id === 'broken')?.problem).toMatch(/state/);
    expect(problems.find((c) => c.id === 'newer')?.problem).toMatch(/newer/);
    expect(reports.map((r) => r.id).sort()).toEqual(['broken', 'newer']);

    // Neither an update nor a put with the same id replaces what could not be read.
    await expect(store.update('newer', (j) => j)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.put(job({ id: 'newer' }))).rejects.toMatchObject({ code: 'storage_unreadable' });
    await store.put(job({ id: 'new' }));
    const raw = await stored();
    expect(Object.keys(raw).sort()).toEqual(['broken', 'good', 'new', 'newer']);
    expect(raw.broken).toEqual(broken);
    expect(raw.newer).toEqual(newer);
  });

  it('does not overwrite a record it never read, even under a fresh id', async () => {
    const store = createJobStore();
    await store.ready();
    await seedRecords([{ id: 'clash', v: jobRecordVersion + 1, createdAt: 1, state: 'queued', accountId: 'a' }]);
    await expect(store.put(job({ id: 'clash' }))).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect((await stored()).clash).toMatchObject({ v: jobRecordVersion + 1 });
  });

  it('holds the active jobs in memory and reads history newest first in pages', async () => {
    const store = createJobStore();
    const history = Array.from({ length: 1_203 }, (_, i) =>
      job({ id: `h${String(i).padStart(5, '0')}`, state: i % 2 ? 'ready' : 'failed', createdAt: 10_000 + Math.floor(i / 3), fileCode: `c${i}` }),
    );
    await seedRecords(history.map((j) => ({ ...j, v: jobRecordVersion })));
    await store.put(job({ id: 'live', state: 'queued', createdAt: 50_000 }));
    expect((await store.active()).map((j) => j.id)).toEqual(['live']);
    const seen: string[] = [];
    await store.each((j) => void seen.push(j.id));
    expect(seen).toHaveLength(1_204);
    expect(new Set(seen).size).toBe(1_204);
    expect(seen[0]).toBe('live');
    expect(seen[1]).toBe('h01202');
    const ready: string[] = [];
    await store.each((j) => void ready.push(j.state), { state: 'ready' });
    expect(ready).toHaveLength(601);
    expect((await store.recent(3)).map((j) => j.id)).toEqual(['live', 'h01202', 'h01201']);
    expect(await store.count()).toBe(1_204);
    expect(await store.codesTaken('acc1', ['c4', 'c5', 'nope'], 'h00004')).toEqual(new Set(['c5']));
  });

  it('reads a terminal job back from the database for a retry', async () => {
    await seedRecords([{ ...job({ id: 'done', state: 'failed' }), v: jobRecordVersion }]);
    const store = createJobStore();
    expect(await store.active()).toEqual([]);
    await store.update('done', (j) => ({ ...j, state: 'queued' }));
    expect((await store.active()).map((j) => j.id)).toEqual(['done']);
  });

  it('throttles progress-only writes but writes state changes at once', async () => {
    vi.useFakeTimers();
    const store = createJobStore({ throttleMs: 500 });
    await store.put(job({ id: 'p', kind: 'file', state: 'uploading', bytesSent: 0 }));
    await store.update('p', (j) => ({ ...j, bytesSent: 10 }), { throttle: true });
    expect((await stored()).p).toMatchObject({ bytesSent: 0 });
    expect(await store.get('p')).toMatchObject({ bytesSent: 10 });

    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(async () => expect((await stored()).p).toMatchObject({ bytesSent: 10 }));

    await store.update('p', (j) => ({ ...j, bytesSent: 20 }), { throttle: true });
    await store.update('p', (j) => ({ ...j, state: 'encoding', fileCode: 'c' }), { throttle: true });
    expect((await stored()).p).toMatchObject({ state: 'encoding', bytesSent: 20 });
  });

  it('flush writes pending progress', async () => {
    vi.useFakeTimers();
    const store = createJobStore();
    await store.put(job({ id: 'p', kind: 'file', state: 'uploading' }));
    await store.update('p', (j) => ({ ...j, bytesSent: 7 }), { throttle: true });
    await store.flush();
    expect((await stored()).p).toMatchObject({ bytesSent: 7 });
  });

  it('tells watchers about every written change', async () => {
    const store = createJobStore();
    const seen: string[] = [];
    const unwatch = store.watch((changed, removed) => seen.push(...changed.map((j) => `${j.id}:${j.state}`), ...removed.map((id) => `${id}:-`)));
    await store.put(job({ id: 'w' }));
    await store.update('w', (j) => ({ ...j, state: 'sending' }));
    await store.remove('w');
    expect(seen).toEqual(['w:queued', 'w:sending', 'w:-']);
    unwatch();
  });

  it('keeps values across stores (a new worker) in its meta table', async () => {
    await createJobStore().setMeta('nextPoll', 123);
    expect(await createJobStore().getMeta('nextPoll')).toBe(123);
  });
});

describe('JobStore.getMany while a change commits', () => {
  it('finds a job whose change is committed while the others are read from the database', async () => {
    // A finished job only the database holds, and an active one the store holds in memory.
    await seedRecords([{ ...job({ id: 'old', state: 'ready', createdAt: 1 }), v: jobRecordVersion }]);
    const store = createJobStore();
    await store.put(job({ id: 'live', state: 'sending', createdAt: 2 }));
    for (let round = 0; round < 20; round++) {
      // getMany starts while the change's write is under way: its read of "old" waits for that write.
      const done = store.update('live', (j) => ({ ...j, state: round % 2 ? 'sending' : 'ready' }));
      await new Promise((resolve) => setTimeout(resolve, round % 4));
      const found = await store.getMany(['old', 'live']);
      await done;
      expect(found.map((j) => j.id)).toEqual(['old', 'live']);
    }
  });
});
