// File endpoints of the XFS hosts.
import { parseXfsTime, xfsTime } from './time';
import type { SimFile } from './types';
import { type XfsCtx, type XfsHandler, codeList, fail, flag, folderExists, liveFiles, ok } from './xfs-context';
import { editRow, infoRow, listRow, missingRow, watchLink } from './xfs-shapes';

function findFile(ctx: XfsCtx, code: string): SimFile | undefined {
  const file = ctx.account.files.get(code);
  return file && ctx.sim.status(file) !== 'failed' ? file : undefined;
}

export const fileInfo: XfsHandler = (ctx) => {
  const codes = codeList(ctx.q.file_code);
  if (codes.length === 0) return fail(400, 'file_code is required');
  return ok(
    codes.map((code) => {
      const file = findFile(ctx, code);
      return file ? infoRow(ctx, file) : missingRow(ctx, code);
    }),
  );
};

/** Applies the documented edit fields; returns an error text for a bad folder. */
function applyEdit(ctx: XfsCtx, files: SimFile[]): string | undefined {
  const q = ctx.q;
  const folderId = q.file_fld_id;
  if (folderId !== undefined && !folderExists(ctx.account, folderId)) return 'folder not found';
  const title = q[ctx.profile.params.editTitle] ?? q.file_title ?? q.title;
  for (const f of files) {
    if (title) f.title = title;
    if (q.file_descr !== undefined) f.description = q.file_descr;
    if (folderId !== undefined) f.folderId = folderId;
    if (q.cat_id !== undefined) f.categoryId = q.cat_id;
    if (q.tags !== undefined) f.tags = q.tags;
    f.public = flag(q.file_public) ?? f.public;
    f.adult = flag(q.file_adult) ?? f.adult;
  }
  return undefined;
}

/** vipstream.cc / watching.vn / generic XFS: result "true". */
export const fileEdit: XfsHandler = (ctx) => {
  const codes = codeList(ctx.q.file_code);
  if (codes.length === 0) return fail(400, 'file_code is required');
  const files = codes.map((c) => findFile(ctx, c)).filter((f): f is SimFile => !!f);
  if (files.length === 0) return fail(404, 'file not found');
  const error = applyEdit(ctx, files);
  return error ? fail(404, error) : ok('true');
};

/** media.cm file/edit (also file/rename): per-file entries, 404 for unknown codes. */
export const fileEditRows: XfsHandler = (ctx) => {
  const codes = codeList(ctx.q.file_code);
  if (codes.length === 0) return fail(400, 'file_code is required');
  const found = codes.map((c) => findFile(ctx, c));
  const error = applyEdit(
    ctx,
    found.filter((f): f is SimFile => !!f),
  );
  if (error) return fail(404, error);
  return ok(found.map((f, i) => (f ? editRow(ctx, f) : missingRow(ctx, codes[i]))));
};

/** mp4upload file/rename: `name` is required. */
export const fileRename: XfsHandler = (ctx) => {
  const codes = codeList(ctx.q.file_code);
  const name = ctx.q.name;
  if (codes.length === 0 || !name) return fail(400, 'file_code and name are required');
  return ok(
    codes.map((code) => {
      const file = findFile(ctx, code);
      if (!file) return missingRow(ctx, code);
      file.title = name;
      return editRow(ctx, file);
    }),
  );
};

function positiveInt(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const fileList: XfsHandler = (ctx) => {
  const q = ctx.q;
  const page = positiveInt(q.page, 1);
  const perPage = positiveInt(q.per_page, 20);
  if (page === undefined || perPage === undefined) return fail(400, 'page and per_page must be positive numbers');
  const p = ctx.profile.params;
  const title = (q[p.listTitle] ?? q.title ?? q.name ?? '').toLowerCase();
  const isPublic = flag(q[p.listPublic] ?? q.public ?? q.file_public);
  const adult = flag(q[p.listAdult] ?? q.adult ?? q.file_adult);
  let after = -Infinity;
  if (q.created) {
    after = /^\d+$/.test(q.created) ? Date.now() - Number(q.created) * 60_000 : parseXfsTime(q.created);
    if (Number.isNaN(after)) return fail(400, 'created must be "YYYY-MM-DD HH:MM:SS" or a number of minutes');
  }
  const files = liveFiles(ctx)
    .filter(
      (f) =>
        (!title || f.title.toLowerCase().includes(title)) &&
        (q.fld_id === undefined || q.fld_id === '' || f.folderId === q.fld_id) &&
        (isPublic === undefined || f.public === isPublic) &&
        (adult === undefined || f.adult === adult) &&
        parseXfsTime(f.uploaded) >= after,
    )
    .reverse();
  const slice = files.slice((page - 1) * perPage, page * perPage).map((f) => listRow(ctx, f));
  if (ctx.profile.shape === 'mp4') return ok(slice);
  return ok({ files: slice, results_total: files.length, pages: Math.ceil(files.length / perPage), results: slice.length });
};

function cloneOf(ctx: XfsCtx, source: SimFile, title?: string, folderId?: string): SimFile {
  return ctx.sim.createFile(ctx.account, {
    ...source,
    code: undefined,
    title: title || source.title,
    folderId: folderId ?? source.folderId,
    uploaded: xfsTime(),
    views: 0,
    deleted: undefined,
  });
}

/** vipstream.cc / watching.vn / mp4upload file/clone. */
export const fileClone: XfsHandler = (ctx) => {
  const code = codeList(ctx.q.file_code)[0];
  if (!code) return fail(400, 'file_code is required');
  const source = findFile(ctx, code);
  if (!source) return fail(404, 'file not found');
  if (ctx.q.fld_id !== undefined && !folderExists(ctx.account, ctx.q.fld_id)) return fail(404, 'folder not found');
  const copy = cloneOf(ctx, source, ctx.q.file_title, ctx.q.fld_id);
  return ok({ url: watchLink(ctx, copy.code), filecode: copy.code });
};

/** media.cm file/copy: the doc's reply carries no result. */
export const fileCopy: XfsHandler = (ctx) => {
  const code = ctx.q.file_code;
  if (!code) return fail(400, 'file_code is required');
  const source = findFile(ctx, code);
  if (!source) return fail(404, 'file not found');
  if (ctx.q.fld_id !== undefined && !folderExists(ctx.account, ctx.q.fld_id)) return fail(404, 'folder not found');
  cloneOf(ctx, source, ctx.q.file_title, ctx.q.fld_id);
  return ok();
};

export const setFolder: XfsHandler = (ctx) => {
  const codes = codeList(ctx.q.file_code);
  const folderId = ctx.q[ctx.profile.params.moveFolder] ?? ctx.q.fld_id;
  if (codes.length === 0 || folderId === undefined) return fail(400, 'file_code and fld_id are required');
  if (!folderExists(ctx.account, folderId)) return fail(404, 'folder not found');
  const files = codes.map((c) => findFile(ctx, c)).filter((f): f is SimFile => !!f);
  if (files.length === 0) return fail(404, 'file not found');
  for (const f of files) f.folderId = folderId;
  return ok();
};

/** file/delete by the first of the code fields the host names that is given (media.cm: `del_code`). */
export function deleteBy(...params: string[]): XfsHandler {
  return (ctx) => {
    const codes = codeList(params.map((name) => ctx.q[name]).find((v) => v !== undefined));
    if (codes.length === 0) return fail(400, `${params[0]} is required`);
    const removed = codes.filter((c) => ctx.sim.deleteFile(ctx.account, c));
    return removed.length ? ok() : fail(404, 'file not found');
  };
}

function agoSec(text: string): string {
  return String(Math.max(0, Math.round((Date.now() - parseXfsTime(text)) / 1000)));
}

/** media.cm / mp4upload: `last` is a count of files. */
export const deletedByCount: XfsHandler = (ctx) => {
  const last = positiveInt(ctx.q.last, 100);
  if (last === undefined) return fail(400, 'last must be a positive number');
  return ok(
    ctx.account.deleted.slice(0, last).map((f) => ({
      file_code: f.code,
      name: f.title,
      deleted: f.deleted,
      deleted_ago_sec: agoSec(f.deleted ?? ''),
    })),
  );
};

/** vipstream.cc / watching.vn: `last` is hours. */
export const deletedByHours: XfsHandler = (ctx) => {
  const hours = positiveInt(ctx.q.last, 24 * 365);
  if (hours === undefined) return fail(400, 'last must be a positive number of hours');
  const since = Date.now() - hours * 3600_000;
  return ok(
    ctx.account.deleted
      .filter((f) => parseXfsTime(f.deleted ?? '') >= since)
      .map((f) => ({
        file_code: f.code,
        deleted_by: 'me',
        deleted_ago_sec: agoSec(f.deleted ?? ''),
        deleted: f.deleted,
        title: f.title,
      })),
  );
};

export const dmcaFiles: XfsHandler = (ctx) => {
  const hours = positiveInt(ctx.q.last, 24 * 365);
  if (hours === undefined) return fail(400, 'last must be a positive number of hours');
  const since = Date.now() - hours * 3600_000;
  const entries = ctx.sim.dmca.get(ctx.account) ?? [];
  return ok(
    entries
      .filter((e) => e.reportedAt >= since)
      .map((e) => ({
        file_code: e.code,
        del_in_sec: String(Math.max(0, Math.round((e.deleteAt - Date.now()) / 1000))),
        del_time: xfsTime(e.deleteAt),
      })),
  );
};

/** Two qualities per encoding file: 'h' first, 'l' once 'h' is half done. */
export const encodings: XfsHandler = (ctx) => {
  const code = ctx.q.code;
  const rows: Record<string, unknown>[] = [];
  for (const f of liveFiles(ctx)) {
    if ((code && f.code !== code) || ctx.sim.status(f) !== 'encoding') continue;
    const share = ctx.sim.encodeShare(f);
    const base = { link: watchLink(ctx, f.code), name: f.title, code: f.code };
    const high = Math.floor(share * 100);
    const low = Math.max(0, Math.floor((share - 0.5) * 200));
    rows.push({ ...base, progress: high, status: high > 0 ? 'ENCODING' : 'PENDING', quality: 'h' });
    rows.push({ ...base, progress: low, status: low > 0 ? 'ENCODING' : 'PENDING', quality: 'l' });
  }
  return ok(rows);
};

const qualities = ['n', 'h', 'l', 'o'] as const;
const qualityScale: Record<(typeof qualities)[number], number> = { n: 0.4, h: 0.45, l: 0.12, o: 1 };

/** watching.vn / generic XFS file/direct_link with `q` and `hls`. */
export const directLink: XfsHandler = (ctx) => {
  const code = ctx.q.file_code;
  if (!code) return fail(400, 'file_code is required');
  const file = findFile(ctx, code);
  if (!file) return fail(404, 'file not found');
  const q = ctx.q.q;
  if (q !== undefined && q !== '' && !(qualities as readonly string[]).includes(q)) return fail(400, 'q must be one of n, h, l, o');
  // Only the original exists until encoding is done.
  const available = ctx.sim.status(file) === 'ready' ? qualities : (['o'] as const);
  const versions = available
    .filter((name) => !q || name === q)
    .map((name) => {
      const size = Math.round(file.size * qualityScale[name]);
      return { url: `${ctx.origin}/${ctx.profile.id}/dl/${file.code}/${name}/v.mp4`, name, size: String(size) };
    });
  if (versions.length === 0) return fail(404, 'this quality is not available yet');
  const result: Record<string, unknown> = {
    versions,
    file_length: String(file.length),
    player_img: `${ctx.origin}/thumbs/${file.code}.jpg`,
  };
  if (ctx.q.hls === '1') result.hls_direct = `${ctx.origin}/${ctx.profile.id}/hls/${file.code}/master.m3u8`;
  return ok(result);
};
