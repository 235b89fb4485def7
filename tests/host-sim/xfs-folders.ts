// Folder endpoints of the XFS hosts.
import { type XfsHandler, fail, folderExists, liveFiles, ok } from './xfs-context';
import { folderFileRow, folderRow } from './xfs-shapes';

export const folderList: XfsHandler = (ctx) => {
  const parent = ctx.q.fld_id || '0';
  if (!folderExists(ctx.account, parent)) return fail(404, 'folder not found');
  const folders = [...ctx.account.folders.values()].filter((f) => f.parentId === parent).map((f) => folderRow(ctx, f));
  const files =
    ctx.q.files === '1'
      ? liveFiles(ctx)
          .filter((f) => f.folderId === parent)
          .map((f) => folderFileRow(ctx, f))
      : [];
  return ok({ folders, files });
};

export const folderCreate: XfsHandler = (ctx) => {
  const { name, parent_id: parentId = '0', descr = '' } = ctx.q;
  if (!name) return fail(400, 'name is required');
  if (!folderExists(ctx.account, parentId)) return fail(404, 'parent folder not found');
  const folder = ctx.sim.createFolder(ctx.account, name, parentId, descr);
  return ok({ fld_id: folder.id });
};

/** folder/edit (vipstream.cc, watching.vn) and folder/rename (media.cm, mp4upload). */
function folderUpdate(nested: boolean): XfsHandler {
  return (ctx) => {
    const { fld_id: id, name, parent_id: parentId, descr } = ctx.q;
    if (!id) return fail(400, 'fld_id is required');
    const folder = ctx.account.folders.get(id);
    if (!folder) return fail(404, 'folder not found');
    if (parentId !== undefined && (!folderExists(ctx.account, parentId) || parentId === id)) {
      return fail(400, 'parent_id is not a valid folder');
    }
    if (name) folder.name = name;
    if (parentId !== undefined) folder.parentId = parentId;
    if (descr !== undefined) folder.description = descr;
    // media.cm's doc nests the flag: {"result":{"result":"true"}}.
    return ok(nested ? { result: 'true' } : 'true');
  };
}
export const folderEdit = folderUpdate(false);
export const folderRenameNested = folderUpdate(true);
