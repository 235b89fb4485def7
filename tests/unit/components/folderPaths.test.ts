import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../lib/hosts/types';
import { walkFolders } from '../../../components/shared/folderPaths';

// A tree as hosts list it: one folder's children per call.
const tree: Record<string, Folder[]> = {
  root: [
    { folderId: '10', name: 'Movies' },
    { folderId: '11', name: 'Clips' },
  ],
  '10': [{ folderId: '12', name: 'Trailers' }],
  '12': [{ folderId: '13', name: '2026' }],
  '11': [{ folderId: '10', name: 'Movies' }],
};

describe('walkFolders', () => {
  it('lists every folder with its path, sorted, each once even where the host loops', async () => {
    const asked: (string | undefined)[] = [];
    const paths = await walkFolders(async (id) => {
      asked.push(id);
      return tree[id ?? 'root'] ?? [];
    });
    expect(paths).toEqual([
      { folderId: '11', path: 'Clips' },
      { folderId: '10', path: 'Movies' },
      { folderId: '12', path: 'Movies / Trailers' },
      { folderId: '13', path: 'Movies / Trailers / 2026' },
    ]);
    expect(asked).toEqual([undefined, '10', '11', '12', '13']);
  });

  it('stops at the depth and count limits', async () => {
    const deep = async (id: string | undefined) => [{ folderId: String(Number(id ?? 0) + 1), name: `L${Number(id ?? 0) + 1}` }];
    expect(await walkFolders(deep, { folders: 100, depth: 3 })).toHaveLength(3);
    const wide = async (id: string | undefined) => (id ? [] : Array.from({ length: 50 }, (_, i) => ({ folderId: `f${i}`, name: `F${i}` })));
    expect(await walkFolders(wide, { folders: 20, depth: 8 })).toHaveLength(20);
  });

  it('passes a host error on, so the picker can show it and fall back to a typed id', async () => {
    await expect(walkFolders(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
