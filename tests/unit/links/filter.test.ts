import { describe, expect, it } from 'vitest';
import type { RemoteFile } from '../../../lib/hosts/types';
import { createFileIndex, filterFiles, type FileQuery } from '../../../lib/links/filter';

const files: RemoteFile[] = [
  { fileCode: 'aaa111', title: 'Summer Holiday 2023', status: 'ready', public: true, folderId: '1', tags: 'beach,sun' },
  { fileCode: 'bbb222', title: 'Winter holiday', status: 'encoding', public: false, folderId: '2' },
  { fileCode: 'ccc333', title: 'Concert', status: 'ready', public: false, folderId: '1', tags: 'music' },
  { fileCode: 'ddd444', status: 'missing' },
];

const codesOf = (list: RemoteFile[]) => list.map((f) => f.fileCode);

const cases: [FileQuery, string[]][] = [
  [{}, ['aaa111', 'bbb222', 'ccc333', 'ddd444']],
  [{ text: 'HOLIDAY' }, ['aaa111', 'bbb222']],
  [{ text: '  holiday   summer ' }, ['aaa111']],
  [{ text: 'holiday concert' }, []],
  [{ text: 'ccc3' }, ['ccc333']],
  [{ text: 'music' }, ['ccc333']],
  [{ text: 'sun aaa' }, ['aaa111']],
  [{ text: 'sun\naaa' }, ['aaa111']],
  [{ status: 'ready' }, ['aaa111', 'ccc333']],
  [{ status: '' }, ['aaa111', 'bbb222', 'ccc333', 'ddd444']],
  [{ public: true }, ['aaa111']],
  [{ public: false }, ['bbb222', 'ccc333']],
  [{ folderId: '1' }, ['aaa111', 'ccc333']],
  [{ folderId: '1', status: 'ready', public: false, text: 'con' }, ['ccc333']],
];

describe('filterFiles', () => {
  it.each(cases)('%j', (query, expected) => {
    expect(codesOf(filterFiles(files, query))).toEqual(expected);
  });

  it('does not match a word spanning two fields', () => {
    expect(filterFiles([{ fileCode: 'xyz', title: 'abc', status: 'ready' }], { text: 'cxy' })).toEqual([]);
  });

  it('sees a replaced file object with its new title', () => {
    const list = [...files];
    expect(filterFiles(list, { text: 'renamed' })).toEqual([]);
    list[1] = { ...list[1], title: 'Renamed' };
    expect(codesOf(filterFiles(list, { text: 'renamed' }))).toEqual(['bbb222']);
  });
});

describe('createFileIndex', () => {
  it.each(cases)('%j gives the same result as filterFiles', (query, expected) => {
    expect(codesOf(createFileIndex(files).filter(query))).toEqual(expected);
  });

  // Its speed (the 50 ms target) is measured by bench/list-filter.ts, not here.
  it('filters 10,000 files on two words and a status, the cache built by an earlier filter', () => {
    const many: RemoteFile[] = Array.from({ length: 10_000 }, (_, i) => ({
      fileCode: `f${i}`,
      title: `video number ${i} ${i % 2 ? 'odd' : 'even'}`,
      status: i % 3 ? 'ready' : 'encoding',
      public: i % 2 === 0,
    }));
    expect(filterFiles(many, { text: 'warm' })).toEqual([]);
    const out = filterFiles(many, { text: 'number odd', status: 'ready' });
    expect(out.length).toBe(3333);
    expect(
      out.every(
        (f, n) => f.status === 'ready' && f.title!.endsWith(' odd') && (n === 0 || Number(f.fileCode.slice(1)) > Number(out[n - 1]!.fileCode.slice(1))),
      ),
    ).toBe(true);
    expect(codesOf(out.slice(0, 3))).toEqual(['f1', 'f5', 'f7']);
  });
});
