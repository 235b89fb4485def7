// Vinovo's own lists (https://vinovo.si/api), paged by per_page (default
// 500) and page: abuse/list (reported files and when they are disabled) and
// inactive/list (files deleted for inactivity), rows as its document shows them.
import { type XfsCtx, type XfsHandler, fail, ok } from './xfs-context';
import { xfsTime } from './time';

function paged<T>(ctx: XfsCtx, rows: T[]) {
  const perPage = ctx.q.per_page === undefined ? 500 : Number(ctx.q.per_page);
  const page = ctx.q.page === undefined ? 1 : Number(ctx.q.page);
  if (!Number.isInteger(perPage) || perPage < 1 || !Number.isInteger(page) || page < 1) return fail(400, 'per_page and page must be positive numbers');
  return ok(rows.slice((page - 1) * perPage, page * perPage));
}

export const abuseList: XfsHandler = (ctx) =>
  paged(
    ctx,
    (ctx.sim.dmca.get(ctx.account) ?? []).map((e) => ({
      reported_on: xfsTime(e.reportedAt),
      file_code: e.code,
      fld_id: '0',
      disabled_on: xfsTime(e.deleteAt),
    })),
  );

export const inactiveList: XfsHandler = (ctx) =>
  paged(
    ctx,
    ctx.account.deleted.map((f) => ({ file_code: f.code, fld_id: f.folderId, disabled_on: f.deleted })),
  );
