// The HTTP server: records each request, applies faults, then routes by the
// first path segment (a host id, `media`, `pages`, or a watch/download link)
// and, under a host id, by the host's family.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostId } from '../../lib/hosts/types';
import { serveDownloads } from './downloads';
import { FaultBook, applyFault, type FaultDialect } from './faults';
import { mixdropHostIds, simHostIds, streamtapeHostIds, vidguardHostIds, xfsProfiles } from './hosts';
import { sendJson, sendNotFoundPage, sleep } from './http';
import { hlsPath, serveHls } from './hls';
import { defaultVideoSize, serveMedia } from './media';
import { handleMegamaxApi, handleMegamaxUpload, megamaxDialect, megamaxId } from './megamax';
import { handleMixdropApi, mixdropDialect } from './mixdrop';
import { servePage } from './pages';
import { RemoteFetcher } from './remote';
import { SimState } from './state';
import { handleStreamtapeApi, handleStreamtapeUpload, streamtapeDialect } from './streamtape';
import type { HostSim, HostSimOptions } from './types';
import { handleVidguardApi, handleVidguardUpload, vidguardDialect } from './vidguard';
import { handleXfsApi, xfsDialect } from './xfs';
import { folderExists } from './xfs-context';
import { handleXfsUpload } from './xfs-upload';

function dialectFor(hostId: string | undefined): FaultDialect {
  if (hostId === megamaxId) return megamaxDialect;
  if (hostId && vidguardHostIds.includes(hostId)) return vidguardDialect;
  if (hostId && streamtapeHostIds.includes(hostId)) return streamtapeDialect;
  if (hostId && mixdropHostIds.includes(hostId)) return mixdropDialect;
  return xfsDialect(xfsProfiles[hostId ?? 'xfs'] ?? xfsProfiles.xfs);
}

function checkHostId(hostId: string): void {
  if (!simHostIds.includes(hostId)) throw new Error(`host-sim: unknown host "${hostId}"; use one of ${simHostIds.join(', ')}`);
}

export async function startHostSim(options: HostSimOptions = {}): Promise<HostSim> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'host-sim-')));
  await mkdir(dataDir, { recursive: true });
  const sim = new SimState(dataDir, options.encodeMs ?? 3000);
  const remote = new RemoteFetcher(sim);
  const faults = new FaultBook();
  const latencyMs = options.latencyMs ?? 0;
  const servedOn = new WeakMap<object, number>();
  let origin = '';

  /** CORS for the one allowed page origin; true when the request (a preflight) is fully answered. */
  function uploadCors(req: IncomingMessage, res: ServerResponse): boolean {
    const allowed = options.uploadCorsOrigin;
    if (!allowed || req.headers.origin !== allowed) return false;
    res.setHeader('Access-Control-Allow-Origin', allowed);
    if (req.method !== 'OPTIONS') return false;
    // An upload progress listener makes the browser preflight even a multipart POST.
    res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Max-Age': '600' });
    res.end();
    return true;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const segments = url.pathname.split('/');
    const first = segments[1] ?? '';
    const hostId = simHostIds.includes(first) ? first : undefined;
    // Whether this request came on a connection that carried an earlier one (kept alive).
    const served = servedOn.get(req.socket) ?? 0;
    servedOn.set(req.socket, served + 1);
    sim.requests.push({
      reused: served > 0,
      method: req.method ?? 'GET',
      hostId: hostId as HostId | undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      via: (req.headers.host ?? '').split(':')[0],
    });
    const fault = faults.take(hostId, url.pathname, served > 0);
    if (fault && (await applyFault(fault, req, res, dialectFor(hostId)))) return;

    if (hostId) {
      const rest = segments.slice(2).join('/');
      const vidguard = vidguardHostIds.includes(hostId);
      if (rest.startsWith('api/')) {
        if (latencyMs > 0) await sleep(latencyMs);
        const endpoint = rest.slice('api/'.length);
        if (hostId === megamaxId) await handleMegamaxApi({ sim, origin }, endpoint, req, res, url);
        else if (vidguard) await handleVidguardApi({ sim, origin }, hostId, endpoint, req, res, url);
        else if (streamtapeHostIds.includes(hostId)) await handleStreamtapeApi({ sim, remote, origin }, hostId, endpoint, req, res, url);
        else if (mixdropHostIds.includes(hostId)) await handleMixdropApi({ sim, remote, origin }, hostId, endpoint, req, res, url);
        else await handleXfsApi({ sim, remote, origin }, xfsProfiles[hostId], endpoint, req, res, url);
        return;
      }
      if (req.method === 'POST' && vidguard && rest === 'v1/upload') {
        await handleVidguardUpload({ sim, origin }, hostId, req, res, url);
        return;
      }
      const perFile = /^ul\/(\w+)$/.exec(rest);
      if (req.method === 'POST' && streamtapeHostIds.includes(hostId) && perFile) {
        await handleStreamtapeUpload({ sim, remote, origin }, hostId, perFile[1]!, req, res);
        return;
      }
      const xfsUpload = Object.hasOwn(xfsProfiles, hostId) && rest === 'upload/01';
      if (xfsUpload && uploadCors(req, res)) return;
      if (req.method === 'POST' && xfsUpload) {
        await handleXfsUpload({ sim, remote, origin }, xfsProfiles[hostId], req, res);
        return;
      }
      const upload = /^endpoint\/file\/upload\/(\w+)$/.exec(rest);
      if (req.method === 'POST' && hostId === megamaxId && upload) {
        await handleMegamaxUpload({ sim, origin }, upload[1], req, res);
        return;
      }
    } else if (first === 'media') {
      if (await serveMedia(req, res, url)) return;
    } else if (first === 'pages') {
      if (await servePage(res, url)) return;
    } else if (first === 'hls') {
      if (serveHls(req, res, url)) return;
    }
    if (await serveDownloads(sim, req, res, url)) return;
    req.resume();
    sendNotFoundPage(res);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { msg: `simulator error: ${err.message}`, status: 500 });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const accountOrThrow = (hostId: string, key: string) => {
    checkHostId(hostId);
    return sim.requireAccount(hostId, key);
  };

  return {
    origin,
    apiBase: (hostId) => `${origin}/${hostId}/api`,
    addAccount: (a) => {
      checkHostId(a.hostId);
      return sim.addAccount(a);
    },
    accountFor: (hostId, key) => sim.accountFor(hostId, key),
    addFile: (hostId, key, file) => sim.createFile(accountOrThrow(hostId, key), file),
    addFolder: (hostId, key, name, parentId = '0') => {
      const account = accountOrThrow(hostId, key);
      if (!folderExists(account, parentId)) throw new Error(`host-sim: parent folder ${parentId} does not exist`);
      return sim.createFolder(account, name, parentId);
    },
    fault: (f) => faults.add(f),
    remoteWithoutCode: (hostId, on = true) => {
      checkHostId(hostId);
      if (on) sim.remoteWithoutCode.add(hostId);
      else sim.remoteWithoutCode.delete(hostId);
    },
    clearFaults: () => faults.clear(),
    requests: sim.requests,
    remoteUploads: sim.remoteUploads,
    uploads: sim.uploads,
    videoUrl: (name = 'sample', sizeBytes = defaultVideoSize) => {
      if (!/^[\w.-]+$/.test(name)) throw new Error('host-sim: videoUrl name may hold letters, digits, "-", "_" and "." only');
      return `${origin}/media/${name}.mp4?size=${sizeBytes}`;
    },
    pageUrl: (name) => `${origin}/pages/${name}.html`,
    hlsUrl: (spec, file = 'media.m3u8') => `${origin}${hlsPath(spec)}/${file}`,
    close: async () => {
      remote.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
