// The remote-upload queue endpoints DoodStream documents (urlupload/list,
// /status, /slots, /actions), over the simulator's remote-upload records.
import type { RemoteUploadRecord } from './types';
import { xfsTime } from './time';
import { type XfsCtx, type XfsHandler, fail, ok } from './xfs-context';

/** Remote uploads one account may run at once. */
export const remoteSlots = 10;

function recordsOf(ctx: XfsCtx): RemoteUploadRecord[] {
  // A failed fetch leaves its file (status failed) on the account, so the code finds the owner.
  return ctx.sim.remoteUploads.filter((r) => r.hostId === ctx.profile.id && ctx.account.files.has(r.fileCode) && !ctx.sim.remoteCleared.has(r));
}

const running = (r: RemoteUploadRecord) => !r.ok && r.error === undefined;

function row(ctx: XfsCtx, r: RemoteUploadRecord): Record<string, unknown> {
  const file = ctx.account.files.get(r.fileCode);
  return {
    bytes_total: String(file?.size ?? 0),
    created: file?.uploaded ?? xfsTime(),
    remote_url: r.url,
    status: r.error !== undefined ? 'error' : r.ok ? 'completed' : 'working',
    file_code: r.fileCode,
    bytes_downloaded: String(r.ok ? (file?.size ?? 0) : 0),
    folder_id: file?.folderId ?? '0',
    ...(r.error !== undefined ? { error: r.error } : {}),
  };
}

/** urlupload/list, and urlupload/status for one file_code. */
export const remoteStatus: XfsHandler = (ctx) => {
  const records = recordsOf(ctx);
  if (ctx.q.file_code === undefined) return ok(records.map((r) => row(ctx, r)));
  const one = records.filter((r) => r.fileCode === ctx.q.file_code);
  return one.length ? ok(one.map((r) => row(ctx, r))) : fail(404, 'remote upload not found');
};

export const remoteSlotsHandler: XfsHandler = (ctx) => {
  const used = recordsOf(ctx).filter(running).length;
  return { status: 200, raw: { msg: 'OK', server_time: xfsTime(), status: 200, total_slots: String(remoteSlots), used_slots: String(used) } };
};

export const remoteActions: XfsHandler = (ctx) => {
  const records = recordsOf(ctx);
  const q = ctx.q;
  if (q.restart_errors === '1') {
    for (const r of records.filter((x) => x.error !== undefined)) {
      const file = ctx.account.files.get(r.fileCode)!;
      file.status = 'encoding';
      file.encodeStartedAt = Infinity;
      r.error = undefined;
      ctx.remote.start(ctx.account, file, r.url, r);
    }
    return ok();
  }
  if (q.clear_errors === '1' || q.clear_all === '1') {
    for (const r of records) if (q.clear_all === '1' || r.error !== undefined) ctx.sim.remoteCleared.add(r);
    return ok();
  }
  if (q.delete_code) {
    const r = records.find((x) => x.fileCode === q.delete_code);
    if (!r) return fail(404, 'remote upload not found');
    ctx.sim.remoteCleared.add(r);
    return ok();
  }
  return fail(400, 'choose restart_errors, clear_errors, clear_all or delete_code');
};
