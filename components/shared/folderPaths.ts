import type { Folder } from '../../lib/hosts/types';
import { send } from '../../lib/messaging';

// Every folder of an account with its path ("Movies / Trailers"), walked one
// level at a time through `folders.list` (hosts list one folder's children per
// call). Kept per account so 50 pickers cost one walk; "Refresh" walks again.

export interface FolderPath {
  folderId: string;
  path: string;
}

/** Stop walking past these: a picker with thousands of folders helps nobody, and each level is a request. */
const walkLimits = { folders: 500, depth: 8 };

type ListChildren = (parentId: string | undefined) => Promise<Folder[]>;

/** Breadth-first over the tree, sorted by path; a folder seen twice (a host loop) is listed once. */
export async function walkFolders(list: ListChildren, limits = walkLimits): Promise<FolderPath[]> {
  const out: FolderPath[] = [];
  const seen = new Set<string>();
  let level: { id: string | undefined; path: string }[] = [{ id: undefined, path: '' }];
  for (let depth = 0; depth < limits.depth && level.length && out.length < limits.folders; depth++) {
    const next: typeof level = [];
    for (const parent of level) {
      for (const folder of await list(parent.id)) {
        if (seen.has(folder.folderId) || folder.folderId === '0' || out.length >= limits.folders) continue;
        seen.add(folder.folderId);
        const path = parent.path ? `${parent.path} / ${folder.name}` : folder.name;
        out.push({ folderId: folder.folderId, path });
        next.push({ id: folder.folderId, path });
      }
    }
    level = next;
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const cache = new Map<string, Promise<FolderPath[]>>();

export function folderPaths(accountId: string, refresh = false): Promise<FolderPath[]> {
  let entry = refresh ? undefined : cache.get(accountId);
  if (!entry) {
    entry = walkFolders(async (folderId) => (await send('folders.list', { accountId, folderId })).folders);
    cache.set(accountId, entry);
    // A failed walk is not kept: the next picker (or Refresh) tries again.
    entry.catch(() => cache.delete(accountId));
  }
  return entry;
}
