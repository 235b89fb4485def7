// Finds what a custom XFS host offers without changing anything on it: only
// read-only endpoints are asked (each a GET without its own parameters), and
// an endpoint that answers a 404 page or a JSON "not allowed"/"unknown op"
// message is unsupported. Endpoints that create, change or delete (upload/url,
// file/edit, file/clone, file/delete, folder/create, ...) are never called:
// those capabilities are assumed from the standard set and confirmed at first
// use, when the client raises UnsupportedAtHost (see envelope.ts). A host of
// another family is not asked: its preset's capabilities stand.
import { asNumber, asObject } from '../coerce';
import { resolveCapabilities } from '../client-kit';
import { looksLikeAuthMessage, statusFailure } from '../failures';
import { parseLenientJson, type HttpReply } from '../http';
import { setupAccount } from '../setup';
import type { Capability, HostAccount, HostClientDeps } from '../types';
import { standardXfsEndpoints, type XfsCapability } from './dialect';
import { hostMessage, refusesEndpoint } from './envelope';

/** Capabilities whose endpoint only reads, so asking it (without parameters) is harmless. */
const readOnlyCapabilities: readonly XfsCapability[] = [
  'accountInfo',
  'accountStats',
  'upload',
  'listFiles',
  'fileInfo',
  'deletedFiles',
  'dmcaFiles',
  'encodings',
  'directLinks',
  'listFolder',
];

/** true: the endpoint exists; false: it does not. Throws for a wrong key or a failing host. */
function answersEndpoint(reply: HttpReply, ctx: Parameters<typeof statusFailure>[1]): boolean {
  let parsed: unknown;
  try {
    parsed = parseLenientJson(reply.text);
  } catch {
    if (reply.status >= 500 && reply.status !== 501) throw statusFailure(reply.status, ctx);
    if (reply.status === 401 || reply.status === 403) throw statusFailure(reply.status, ctx);
    return false;
  }
  const body = asObject(parsed);
  if (!body) return false;
  const msg = hostMessage(body) ?? '';
  if (refusesEndpoint(msg)) return false;
  const status = asNumber(body.status) ?? reply.status;
  if (looksLikeAuthMessage(msg) || ((status === 401 || status === 403) && !msg)) throw statusFailure(403, ctx, msg);
  if (status === 429 || (status >= 500 && status !== 501)) throw statusFailure(status, ctx, msg);
  return status !== 501;
}

export async function probeCapabilities(account: HostAccount, deps: HostClientDeps = {}): Promise<Set<Capability>> {
  const { entry, apiBase, ctx, http } = setupAccount(account, deps);
  if (entry.family !== 'xfs') return resolveCapabilities(entry.preset.capabilities, account.capabilityOverrides);
  const endpoints: Partial<Record<XfsCapability, string>> = entry.preset.id === 'xfs' ? standardXfsEndpoints : entry.dialect.endpoints;
  const found = new Set<Capability>();
  const byPath = new Map<string, Capability[]>();
  for (const [name, path] of Object.entries(endpoints) as [XfsCapability, string][]) {
    if (!readOnlyCapabilities.includes(name)) found.add(name);
    else byPath.set(path, [...(byPath.get(path) ?? []), name]);
  }
  for (const [path, names] of byPath) {
    const url = new URL(`${apiBase}/${path}`);
    url.searchParams.set('key', account.key);
    const supported = await http.send({ url, idempotent: true, interpret: (reply) => answersEndpoint(reply, ctx) });
    if (supported) for (const name of names) found.add(name);
  }
  return resolveCapabilities(found, account.capabilityOverrides);
}
