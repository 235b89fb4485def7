import { describe, expect, it } from 'vitest';
import type { RemoteFile } from '../../../lib/hosts/types';
import { checkHealth, countNewProblems, type HealthStatus } from '../../../lib/links/health';

const codes = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

/** Answers like file/info: one entry per asked code, 404 entries for codes it does not know. */
function fakeFileInfo(known: (code: string) => boolean, failOnCall?: number) {
  const calls: string[][] = [];
  const fileInfo = async (batch: string[]): Promise<RemoteFile[]> => {
    calls.push(batch);
    if (calls.length === failOnCall) throw new Error('HTTP 500');
    return batch.map((fileCode) => ({ fileCode, status: known(fileCode) ? 'ready' : 'missing' }));
  };
  return { fileInfo, calls };
}

describe('checkHealth', () => {
  it('batches 50 codes per call by default and marks 404 entries missing', async () => {
    const { fileInfo, calls } = fakeFileInfo((code) => code !== 'c7' && code !== 'c120');
    const result = await checkHealth(codes(120), fileInfo);
    expect(calls.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(calls.flat()).toEqual(codes(120));
    expect(result.size).toBe(120);
    expect(result.get('c7')).toBe('missing');
    expect(result.get('c0')).toBe('ok');
    expect([...result.values()].filter((s) => s === 'ok')).toHaveLength(119);
  });

  it('honours batchSize and does not ask twice for a repeated code', async () => {
    const { fileInfo, calls } = fakeFileInfo(() => true);
    await checkHealth(['a', 'b', 'a', 'c', 'd', 'e'], fileInfo, { batchSize: 2 });
    expect(calls).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('a failed batch marks only its codes unknown and the rest still run', async () => {
    const { fileInfo, calls } = fakeFileInfo(() => true, 2);
    const result = await checkHealth(codes(25), fileInfo, { batchSize: 10 });
    expect(calls).toHaveLength(3);
    expect(codes(25).map((code) => result.get(code))).toEqual([
      ...Array<HealthStatus>(10).fill('ok'),
      ...Array<HealthStatus>(10).fill('unknown'),
      ...Array<HealthStatus>(5).fill('ok'),
    ]);
  });

  it('uses the DMCA and deleted lists without asking for those codes', async () => {
    const { fileInfo, calls } = fakeFileInfo(() => true);
    const result = await checkHealth(['a', 'b', 'c', 'd'], fileInfo, {
      dmca: [{ fileCode: 'b' }, { fileCode: 'd' }],
      deleted: [{ fileCode: 'c' }, { fileCode: 'd' }],
    });
    expect(calls).toEqual([['a']]);
    expect(Object.fromEntries(result)).toEqual({ a: 'ok', b: 'dmca', c: 'deleted', d: 'deleted' });
  });

  it('leaves a code unknown when the reply does not mention it, and ignores codes it did not ask for', async () => {
    const fileInfo = async (): Promise<RemoteFile[]> => [
      { fileCode: 'a', status: 'encoding' },
      { fileCode: 'zzz', status: 'missing' },
    ];
    const result = await checkHealth(['a', 'b'], fileInfo);
    expect(Object.fromEntries(result)).toEqual({ a: 'ok', b: 'unknown' });
  });

  it('makes no call for no codes and rejects a bad batch size', async () => {
    const { fileInfo, calls } = fakeFileInfo(() => true);
    expect((await checkHealth([], fileInfo)).size).toBe(0);
    expect(calls).toHaveLength(0);
    await expect(checkHealth(['a'], fileInfo, { batchSize: 0 })).rejects.toThrow(/Batch size/);
    await expect(checkHealth(['a'], fileInfo, { batchSize: 1.5 })).rejects.toThrow(/Batch size/);
  });
});

describe('countNewProblems', () => {
  it('counts codes that became a problem since the last check', () => {
    const prev = new Map<string, HealthStatus>([
      ['a', 'ok'],
      ['b', 'missing'],
      ['c', 'unknown'],
      ['d', 'dmca'],
    ]);
    const next = new Map<string, HealthStatus>([
      ['a', 'missing'],
      ['b', 'missing'],
      ['c', 'dmca'],
      ['d', 'deleted'],
      ['e', 'deleted'],
      ['f', 'ok'],
    ]);
    expect(countNewProblems(prev, next)).toBe(3);
    expect(countNewProblems(next, next)).toBe(0);
    expect(countNewProblems(new Map(), new Map())).toBe(0);
  });
});
