// What an XFS endpoint handler gets and gives back. The dispatcher (xfs.ts)
// wraps the reply in the XFS envelope and picks the HTTP status per host.
import type { SimAccount, SimFile } from './types';
import type { SimState } from './state';
import type { RemoteFetcher } from './remote';
import type { XfsParams } from '../../lib/hosts/xfs/dialect';

/** Which document's field names a host's rows use. */
type XfsShape = 'mediacm' | 'vip' | 'mp4';

export interface XfsCtx {
  sim: SimState;
  profile: XfsProfile;
  account: SimAccount;
  q: Record<string, string>;
  origin: string;
  remote: RemoteFetcher;
}

export interface XfsReply {
  status: number;
  msg?: string;
  /** Left out of the envelope when undefined (some docs show no result). */
  result?: unknown;
  /** Replaces the whole envelope (xfs-lite's in-body refusal). */
  raw?: unknown;
}

export type XfsHandler = (ctx: XfsCtx) => XfsReply;

export interface XfsProfile {
  id: string;
  shape: XfsShape;
  /** media.cm and mp4upload answer errors with HTTP 200 and the status in the body. */
  errorsInBody: boolean;
  snapshotMaxBytes?: number;
  /** The parameter names the host's preset sends. */
  params: XfsParams;
  endpoints: Record<string, XfsHandler>;
}

export const ok = (result?: unknown): XfsReply => ({ status: 200, result });
export const fail = (status: number, msg: string): XfsReply => ({ status, msg });

export function codeList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** XFS flags arrive as '1'/'0'; anything else means "not given". */
export function flag(text: string | undefined): boolean | undefined {
  if (text === '1') return true;
  if (text === '0') return false;
  return undefined;
}

export function folderExists(account: SimAccount, id: string): boolean {
  return id === '0' || account.folders.has(id);
}

export function titleFromName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || name;
}

export function liveFiles(ctx: XfsCtx): SimFile[] {
  return [...ctx.account.files.values()].filter((f) => ctx.sim.status(f) !== 'failed');
}
