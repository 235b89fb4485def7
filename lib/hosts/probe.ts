// What a custom host (a preset without an API base of its own) offers, and
// which family its API speaks, found from read-only replies only: nothing
// is created, changed or deleted on the host. Each family probes its own
// endpoints (xfs/probe.ts, streamtape/probe.ts); a host of a family without
// a probe keeps its preset's capabilities.
import { resolveCapabilities } from './client-kit';
import { asObject, pick } from './coerce';
import { statusFailure } from './failures';
import { parseLenientJson } from './http';
import { setupAccount } from './setup';
import { probeStreamtape } from './streamtape/probe';
import type { Capability, HostAccount, HostClientDeps, HostPreset } from './types';
import { probeCapabilities as probeXfs } from './xfs/probe';

export async function probeCapabilities(account: HostAccount, deps: HostClientDeps = {}): Promise<Set<Capability>> {
  const setup = setupAccount(account, deps);
  if (setup.entry.family !== 'streamtape') return probeXfs(account, deps);
  const found = await probeStreamtape({ account, ...setup }, setup.entry.preset.capabilities);
  return resolveCapabilities(found, account.capabilityOverrides);
}

/**
 * Which family a custom host's API speaks, from one GET of account/info (a
 * path both families share) with the key, and the login when there is one:
 * XFS answers with `server_time` and account figures (balance, storage),
 * Streamtape with `apiid` and `signup_at`. undefined: the reply shows
 * neither. A refusal of the credentials that tells neither throws `auth`.
 */
export async function probeFamily(account: HostAccount, deps: HostClientDeps = {}): Promise<HostPreset['family'] | undefined> {
  const { apiBase, ctx, http } = setupAccount(account, deps);
  const url = new URL(`${apiBase}/account/info`);
  if (account.login?.trim()) url.searchParams.set('login', account.login.trim());
  url.searchParams.set('key', account.key);
  return http.send({
    url,
    idempotent: true,
    interpret: (reply) => {
      let body: Record<string, unknown> | undefined;
      try {
        body = asObject(parseLenientJson(reply.text));
      } catch {
        body = undefined;
      }
      const result = body && asObject(body.result);
      if (result && pick(result, 'apiid', 'signup_at') !== undefined) return 'streamtape';
      if (body && (body.server_time !== undefined || (result && pick(result, 'balance', 'storage_used', 'storage_left', 'files_total') !== undefined)))
        return 'xfs';
      if (reply.status === 401 || reply.status === 403 || (body && (body.status === 403 || body.status === '403'))) throw statusFailure(403, ctx);
      if (reply.status === 429 || reply.status >= 500) throw statusFailure(reply.status, ctx);
      return undefined;
    },
  });
}
