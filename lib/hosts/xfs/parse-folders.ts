import { asArray, asId, asObject, asString, compact, pick } from '../coerce';
import { badShape } from '../shape';
import type { Folder, FolderListing } from '../types';
import { parseFiles } from './parse-files';

function parseFolder(entry: unknown): Folder | undefined {
  const o = asObject(entry);
  const folderId = o && asId(pick(o, 'fld_id', 'folder_id', 'folderid', 'id'));
  if (!o || !folderId) return undefined;
  return compact({
    folderId,
    name: asString(pick(o, 'name', 'fld_name', 'title')) ?? '',
    code: asString(o.code),
    parentId: asId(pick(o, 'parent_id', 'fld_parent_id', 'parentid')),
  });
}

export function parseFolderListing(result: unknown): FolderListing {
  const o = asObject(result) ?? badShape('folder list is not an object');
  const folders = (asArray(o.folders) ?? []).map(parseFolder).filter((f): f is Folder => f !== undefined);
  return { folders, files: parseFiles(asArray(o.files) ?? []) };
}

export function parseCreatedFolder(result: unknown, name: string, parentId?: string): Folder {
  const o = asObject(result);
  const folderId = (o && asId(pick(o, 'fld_id', 'folder_id', 'folderid', 'id'))) ?? asId(result);
  if (!folderId) badShape('no folder id in the reply');
  return compact({ folderId, name, parentId, code: o ? asString(o.code) : undefined });
}
