// Per-host row shapes, field for field as each document shows them
// (numbers as strings where the docs have strings).
import type { SimFile, SimFolder } from './types';
import type { XfsCtx } from './xfs-context';

const canplay = (ctx: XfsCtx, f: SimFile) => (ctx.sim.status(f) === 'ready' ? 1 : 0);
const bit = (b: boolean) => (b ? '1' : '0');

export function watchLink(ctx: XfsCtx, code: string): string {
  return ctx.profile.shape === 'mediacm' ? `${ctx.origin}/${code}` : `${ctx.origin}/${code}.html`;
}

function thumbnail(ctx: XfsCtx, code: string, suffix = '_t'): string {
  return `${ctx.origin}/thumbs/${code}${suffix}.jpg`;
}

/** file/info entry for a known file. */
export function infoRow(ctx: XfsCtx, f: SimFile): Record<string, unknown> {
  switch (ctx.profile.shape) {
    case 'mediacm':
      return {
        status: 200,
        filecode: f.code,
        name: f.title,
        canplay: canplay(ctx, f),
        views_started: String(f.views),
        views: String(f.views),
        length: String(f.length),
        uploaded: f.uploaded,
      };
    case 'mp4':
      return {
        status: 200,
        filecode: f.code,
        name: f.title,
        canplay: canplay(ctx, f),
        download: '0',
        size: String(f.size),
        uploaded: f.uploaded,
      };
    case 'vip':
      return {
        file_views_full: String(f.views),
        cat_id: f.categoryId,
        player_img: thumbnail(ctx, f.code, ''),
        status: 200,
        file_code: f.code,
        file_last_download: f.uploaded,
        canplay: canplay(ctx, f),
        file_public: bit(f.public),
        file_length: String(f.length),
        file_title: f.title,
        file_views: String(f.views),
        file_created: f.uploaded,
        file_premium_only: '0',
        file_adult: bit(f.adult),
        file_fld_id: f.folderId,
        tags: f.tags,
      };
  }
}

/** The reply entry for a code the account does not have. */
export function missingRow(ctx: XfsCtx, code: string): Record<string, unknown> {
  return ctx.profile.shape === 'vip' ? { status: 404, file_code: code } : { status: 404, filecode: code };
}

/** media.cm file/edit and mp4upload file/rename answer with this per-file shape. */
export function editRow(ctx: XfsCtx, f: SimFile): Record<string, unknown> {
  return {
    status: 200,
    filecode: f.code,
    name: f.title,
    canplay: canplay(ctx, f),
    views_started: String(f.views),
    downloads: '0',
    size: String(f.size),
    uploaded: f.uploaded,
  };
}

/** file/list entry (mp4upload's list uses the file/info shape of its doc). */
export function listRow(ctx: XfsCtx, f: SimFile): Record<string, unknown> {
  if (ctx.profile.shape === 'mp4') {
    return {
      status: 200,
      filecode: f.code,
      name: f.title,
      canplay: canplay(ctx, f),
      downloads: '0',
      size: String(f.size),
      uploaded: f.uploaded,
    };
  }
  return folderFileRow(ctx, f);
}

/** folder/list file entry. */
export function folderFileRow(ctx: XfsCtx, f: SimFile): Record<string, unknown> {
  if (ctx.profile.shape === 'mp4') {
    return { link: watchLink(ctx, f.code), uploaded: f.uploaded, file_code: f.code, fld_id: f.folderId, name: f.title };
  }
  return {
    thumbnail: thumbnail(ctx, f.code),
    link: watchLink(ctx, f.code),
    file_code: f.code,
    canplay: canplay(ctx, f),
    length: String(f.length),
    views: String(f.views),
    uploaded: f.uploaded,
    public: bit(f.public),
    fld_id: f.folderId,
    title: f.title,
  };
}

export function folderRow(ctx: XfsCtx, folder: SimFolder): Record<string, unknown> {
  if (ctx.profile.shape === 'mp4') return { name: folder.name, fld_id: folder.id };
  return { name: folder.name, fld_id: folder.id, code: folder.code };
}
