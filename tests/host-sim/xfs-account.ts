// Account and upload endpoints of the XFS hosts.
import { xfsTime } from './time';
import type { RemoteUploadRecord } from './types';
import type { HostId } from '../../lib/hosts/types';
import { type XfsCtx, type XfsHandler, fail, flag, folderExists, ok, titleFromName } from './xfs-context';

const premiumExpire = () => xfsTime(Date.now() + 365 * 86400_000);

export const accountInfo: XfsHandler = (ctx) => {
  const a = ctx.account;
  const common = {
    balance: a.balance.toFixed(5),
    storage_used: String(a.storageUsed),
    storage_left: a.storageLeft,
    premium_expire: premiumExpire(),
  };
  if (ctx.profile.shape === 'mp4') return ok({ email: a.email, ...common });
  return ok({
    files_total: String(a.files.size),
    storage_left: a.storageLeft,
    login: a.login,
    email: a.email,
    premium_expire: common.premium_expire,
    balance: common.balance,
    premium: 1,
    storage_used: common.storage_used,
  });
};

export const accountStats: XfsHandler = (ctx) => {
  const last = Number(ctx.q.last ?? 7);
  if (!Number.isInteger(last) || last < 1 || last > 365) return fail(400, 'last must be a number of days (1-365)');
  const days = [];
  for (let i = 0; i < last; i++) {
    const views = (i * 7) % 13;
    days.push({
      downloads: '0',
      profit_views: (views * 0.001).toFixed(5),
      views_adb: '0',
      sales: '0',
      profit_sales: '0.00000',
      profit_refs: '0.00000',
      profit_site: '0.00000',
      views: String(views),
      refs: '0',
      day: xfsTime(Date.now() - i * 86400_000).slice(0, 10),
      profit_total: (views * 0.001).toFixed(5),
      views_prem: '0',
    });
  }
  return ok(days);
};

export const uploadServer: XfsHandler = (ctx) => ok(`${ctx.origin}/${ctx.profile.id}/upload/01`);

export const uploadUrl: XfsHandler = (ctx) => {
  const url = ctx.q.url;
  if (!url) return fail(400, 'url is required');
  const { sim, account, q } = ctx;
  let title = 'remote video';
  try {
    title = titleFromName(decodeURIComponent(new URL(url).pathname.split('/').pop() || '')) || title;
  } catch {
    // An unparsable URL still gets a code; the fetch fails and marks the file failed.
  }
  const file = sim.createFile(account, {
    title,
    size: 0,
    status: 'encoding',
    encodeStartedAt: Infinity,
    sourceUrl: url,
    folderId: q.fld_id && folderExists(account, q.fld_id) ? q.fld_id : '0',
    categoryId: q.cat_id ?? '0',
    tags: q.tags ?? '',
    public: flag(q.file_public) ?? true,
    adult: flag(q.file_adult) ?? false,
  });
  const record: RemoteUploadRecord = { hostId: ctx.profile.id as HostId, url, fileCode: file.code, ok: false };
  sim.remoteUploads.push(record);
  ctx.remote.start(account, file, url, record);
  // Some XFS hosts accept the URL before they name the file; it shows up in their lists later.
  if (sim.remoteWithoutCode.has(ctx.profile.id)) return { status: 200, raw: { status: 200, msg: 'WORKING' } };
  return ok({ filecode: file.code });
};

/** watching.vn's account/stats answers with the account-info body, as its doc shows. */
export const accountStatsAsInfo: XfsHandler = (ctx: XfsCtx) => accountInfo(ctx);
