// The contract every preset must keep, run through the host simulator: each
// capability a preset has is exercised for real, each one it lacks rejects
// `unsupported` without a request, and the failure policy holds everywhere.
// contract.test.ts runs it over the registry; add-host.test.ts over a preset
// added the way a newcomer adds one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { AppError } from '../../../lib/errors';
import { rejection } from './app-error';
import { createHostClient } from '../../../lib/hosts';
import { findEntry } from '../../../lib/hosts/registry';
import { streamtapeEndpoints } from '../../../lib/hosts/streamtape/endpoints';
import { capabilityNames, type Capability, type HostClient, type HostId, type HostPreset } from '../../../lib/hosts/types';

export let sim: HostSim;
let serial = 0;

/** Starts one simulator for the calling test file. */
export function withHostSim(): void {
  beforeAll(async () => {
    sim = await startHostSim({ encodeMs: 60_000 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => sim.clearFaults());
}

export interface Setup {
  hostId: HostId;
  key: string;
  client: HostClient;
}

export function newAccount(preset: HostPreset, extra: { key?: string; deps?: Parameters<typeof createHostClient>[1] } = {}): Setup {
  const hostId = preset.id;
  const key = `key${++serial}x${hostId.replace(/\W/g, '')}`;
  const login = preset.needsLogin ? `user${serial}@example.test` : undefined;
  sim.addAccount({ hostId, key, login });
  const client = createHostClient({ id: `acct${serial}`, hostId, apiBase: sim.apiBase(hostId), key: extra.key ?? key, login }, { backoffMs: 1, ...extra.deps });
  return { hostId, key, client };
}

/** Polls `read` until `done` holds (the host fetches remote URLs in the background). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const hits = (fragment: string) => sim.requests.filter((r) => r.path.includes(fragment)).length;
const familyOf = (hostId: string) => findEntry(hostId)!.family;
/** Hosts whose deleted-files rows carry no title (Vinovo's inactive/list names only code, folder and time). */
const untitledDeleted = new Set<string>(['vinovo.si']);

/** Where a preset's account information and remote uploads go, for the checks that count requests to them. */
function pathsOf(preset: HostPreset): { accountInfo: string; listFiles?: string; remoteUpload?: string } {
  const entry = findEntry(preset.id)!;
  switch (entry.family) {
    case 'xfs':
      return {
        accountInfo: entry.dialect.endpoints.accountInfo!,
        listFiles: entry.dialect.endpoints.listFiles,
        remoteUpload: entry.dialect.endpoints.remoteUpload,
      };
    case 'megamax':
      return { accountInfo: 'file/get', listFiles: 'file/get' };
    case 'streamtape':
      return { accountInfo: streamtapeEndpoints.accountInfo, remoteUpload: streamtapeEndpoints.remoteUpload };
    case 'mixdrop':
      return { accountInfo: 'remotestatus', remoteUpload: 'remoteupload' };
    case 'vidguard':
      return { accountInfo: 'user/info' };
  }
}

/**
 * A remote upload's file code: from the answer, or, for a host that names
 * the file only once it has fetched it (Streamtape), from its remote-upload list.
 */
async function sendRemote(client: HostClient, url: string, options: { public?: boolean } = {}): Promise<string> {
  const answer = await client.remoteUpload(url, { ...options, acceptPending: true });
  if (!answer.pending) return answer.fileCode;
  expect(client.capabilities.has('remoteUploadStatus')).toBe(true);
  const named = (rows: Awaited<ReturnType<HostClient['remoteUploadStatus']>>) => rows.find((row) => row.url === url && row.fileCode);
  const found = named(
    await until(
      () => client.remoteUploadStatus(),
      (rows) => named(rows) !== undefined,
    ),
  );
  expect(found).toBeDefined();
  return found!.fileCode!;
}

/** A real multipart POST, as the uploader in the extension does it. */
async function uploadThrough(client: HostClient, name: string, options?: { title?: string }): Promise<string> {
  const target = await client.uploadTarget(options);
  expect(target.url.startsWith(sim.origin)).toBe(true); // loopback http is not upgraded
  const form = new FormData();
  for (const [field, value] of Object.entries(target.fields)) form.append(field, value);
  form.append(target.fileField, new Blob([new Uint8Array(4096).fill(7)], { type: 'video/mp4' }), name);
  const response = await fetch(target.url, { method: 'POST', body: form });
  const files = client.parseUploadReply(await response.text());
  expect(files).toHaveLength(1);
  expect(files[0]).toMatchObject({ ok: true });
  return files[0]!.fileCode;
}

/** Exercises one capability against the simulator and checks what the host now holds. */
const exercise: Record<Capability, (s: Setup) => Promise<void>> = {
  async accountInfo({ client, hostId, key }) {
    sim.addFile(hostId, key, { title: 'one' });
    const info = await client.accountInfo();
    const family = familyOf(hostId);
    if (family === 'megamax') expect(info).toMatchObject({ login: client.account.login, filesTotal: 1 });
    // VidGuard's user/info holds e-mail, balance, currency, role and creation date: no storage, no file count.
    else if (family === 'vidguard') expect(info).toEqual({ email: sim.accountFor(hostId, key)!.email, balance: 8 });
    // Streamtape's account/info holds the e-mail and no counts; Mixdrop has no account endpoint and says back the e-mail it proved.
    else if (family === 'streamtape' || family === 'mixdrop') expect(info).toEqual({ email: sim.accountFor(hostId, key)!.email });
    else expect(info).toMatchObject({ balance: 8, storageUsed: expect.any(Number), storageLeft: expect.any(Number) });
    if (family === 'xfs' && hostId !== 'mp4upload.com') expect(info.filesTotal).toBe(1);
  },
  async accountStats({ client, hostId }) {
    const days = await client.accountStats(3);
    // watching.vn's account/stats answers with the account-info body (as documented).
    expect(days).toHaveLength(hostId === 'watching.vn' ? 0 : 3);
    for (const day of days) expect(day.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  },
  async upload({ client, hostId, key }) {
    const code = await uploadThrough(client, 'clip.mp4', { title: 'Uploaded clip' });
    const stored = sim.accountFor(hostId, key)!.files.get(code)!;
    expect(stored).toBeDefined();
    // Only the XFS upload form takes a title; the other families name the video after the file.
    if (familyOf(hostId) === 'xfs') expect(stored.title).toBe('Uploaded clip');
    else expect(stored.title).toMatch(/^clip(\.mp4)?$/);
  },
  async remoteUpload({ client, hostId, key }) {
    const url = sim.videoUrl('remote-clip', 2048);
    const fileCode = await sendRemote(client, url, { public: false });
    expect(sim.remoteUploads.some((r) => r.fileCode === fileCode && r.url === url)).toBe(true);
    if (familyOf(hostId) === 'xfs') expect(sim.accountFor(hostId, key)!.files.get(fileCode)?.public).toBe(false);
  },
  async fileInfo({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Info me', length: 42 });
    const missing = hostId === 'megamax.me' ? 'AAAAAAAAAAAAAAAA' : 'zzzzzzzzzzzz';
    const [found, gone] = await client.fileInfo([file.code, missing]);
    expect(found).toMatchObject({ fileCode: file.code, title: 'Info me' });
    expect(found!.status).not.toBe('missing');
    expect(gone).toMatchObject({ fileCode: missing, status: 'missing' });
  },
  async listFiles({ client, hostId, key }) {
    const a = sim.addFile(hostId, key, { title: 'Alpha listed' });
    const b = sim.addFile(hostId, key, { title: 'Beta listed' });
    const list = await client.listFiles({ perPage: 50 });
    expect(list.files.map((f) => f.fileCode)).toEqual(expect.arrayContaining([a.code, b.code]));
    if (hostId !== 'megamax.me') {
      const filtered = await client.listFiles({ title: 'Beta' });
      expect(filtered.files.map((f) => f.fileCode)).toEqual([b.code]);
    }
  },
  async editFile({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Old title' });
    const results = await client.editFile([file.code], { title: 'New title' });
    expect(results).toEqual([{ fileCode: file.code, ok: true }]);
    expect(sim.accountFor(hostId, key)!.files.get(file.code)!.title).toBe('New title');
  },
  async cloneFile({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Original' });
    const before = sim.accountFor(hostId, key)!.files.size;
    const clone = await client.cloneFile(file.code, { title: 'Copy' });
    expect(sim.accountFor(hostId, key)!.files.size).toBe(before + 1);
    if (clone.fileCode) expect(sim.accountFor(hostId, key)!.files.get(clone.fileCode)!.title).toBe('Copy');
  },
  async moveFiles({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Mover' });
    const folder = sim.addFolder(hostId, key, 'Target');
    await client.moveFiles([file.code], folder.id);
    expect(sim.accountFor(hostId, key)!.files.get(file.code)!.folderId).toBe(folder.id);
  },
  async deleteFiles({ client, hostId, key }) {
    const a = sim.addFile(hostId, key, { title: 'Doomed A' });
    const b = sim.addFile(hostId, key, { title: 'Doomed B' });
    await client.deleteFiles([a.code, b.code]);
    const files = sim.accountFor(hostId, key)!.files;
    expect(files.has(a.code) || files.has(b.code)).toBe(false);
  },
  async deletedFiles({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Was here' });
    const account = sim.accountFor(hostId, key)!;
    account.files.delete(file.code);
    account.deleted.unshift({ ...file, deleted: file.uploaded });
    const deleted = await client.deletedFiles({ last: 24 });
    const named = untitledDeleted.has(hostId) ? { deleted: expect.any(String) } : { title: 'Was here' };
    expect(deleted).toEqual([expect.objectContaining({ fileCode: file.code, ...named })]);
  },
  async dmcaFiles({ client, hostId }) {
    const list = await client.dmcaFiles({ last: 24 });
    expect(list).toHaveLength(1); // the simulator seeds one entry per account (and VidGuard a resolved complaint, left out)
    const [row] = list;
    if (familyOf(hostId) === 'vidguard') {
      // A complaint names the affected videos, not when they go.
      expect(row).toEqual({ fileCode: expect.stringMatching(/^[A-Za-z0-9]{14}$/) });
      return;
    }
    // The time left, or (Vinovo's abuse/list) the time the file is disabled.
    const left = row!.deleteInSec ?? (Date.parse(row!.deleteAt ?? '') - Date.now()) / 1000;
    expect(left).toBeGreaterThan(0);
  },
  async encodings({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Encoding now', status: 'encoding', encodeStartedAt: Date.now() });
    const queue = await client.encodings();
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((e) => e.fileCode === file.code && typeof e.progress === 'number')).toBe(true);
    expect(await client.encodings(file.code)).toHaveLength(queue.length);
  },
  async directLinks({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Direct', size: 10_000 });
    const links = await client.directLinks(file.code, hostId === 'megamax.me' ? {} : { hls: true });
    expect(links.versions.length).toBeGreaterThan(0);
    const response = await fetch(links.versions[0]!.url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    if (hostId !== 'megamax.me') expect(links.hls).toContain('master.m3u8');
  },
  async listFolder({ client, hostId, key }) {
    const folder = sim.addFolder(hostId, key, 'Listed folder');
    const file = sim.addFile(hostId, key, { title: 'In folder', folderId: folder.id });
    const root = await client.listFolder();
    expect(root.folders).toEqual([expect.objectContaining({ folderId: folder.id, name: 'Listed folder' })]);
    const inside = await client.listFolder(folder.id);
    expect(inside.files.map((f) => f.fileCode)).toEqual([file.code]);
  },
  async createFolder({ client, hostId, key }) {
    const folder = await client.createFolder('Made by test', { description: 'x' });
    expect(sim.accountFor(hostId, key)!.folders.get(folder.folderId)?.name).toBe('Made by test');
  },
  async editFolder({ client, hostId, key }) {
    const folder = sim.addFolder(hostId, key, 'Before');
    await client.editFolder(folder.id, { name: 'After' });
    expect(sim.accountFor(hostId, key)!.folders.get(folder.id)!.name).toBe('After');
  },
  async remoteUploadStatus({ client, hostId }) {
    const url = sim.videoUrl('tracked-clip', 2048);
    const fileCode = await sendRemote(client, url);
    const one = await until(
      () => client.remoteUploadStatus(fileCode),
      (rows) => rows[0]?.state === 'done',
    );
    // Mixdrop's status reports a percentage, not bytes.
    const bytes = familyOf(hostId) === 'mixdrop' ? {} : { bytesTotal: 2048, bytesDone: 2048 };
    expect(one).toEqual([expect.objectContaining({ fileCode, url, state: 'done', ...bytes })]);
    expect((await client.remoteUploadStatus()).map((r) => r.fileCode)).toContain(fileCode);
  },
  async remoteUploadSlots({ client }) {
    const slots = await client.remoteUploadSlots();
    expect(slots.total).toBeGreaterThan(0);
    expect(slots.free).toBe(slots.total - slots.used);
  },
  async remoteUploadAction({ client }) {
    const broken = `${sim.origin}/nowhere/broken-${++serial}.mp4`;
    const { fileCode } = await client.remoteUpload(broken);
    await until(
      () => client.remoteUploadStatus(fileCode),
      (rows) => rows[0]?.state === 'error',
    );
    await client.remoteUploadAction('restart_errors');
    const again = await until(
      () => client.remoteUploadStatus(fileCode),
      (rows) => rows[0]?.state === 'error',
    );
    expect(again[0]!.error).toBeTruthy();
    expect(sim.requests.filter((r) => r.path === new URL(broken).pathname).length).toBeGreaterThanOrEqual(2);
    await client.remoteUploadAction('delete', fileCode);
    expect((await client.remoteUploadStatus()).map((r) => r.fileCode)).not.toContain(fileCode);
    expect((await rejection(client.remoteUploadAction('delete', fileCode))).code).toBe('not_found');
  },
  async mirrors({ client, hostId, key }) {
    const file = sim.addFile(hostId, key, { title: 'Mirrored' });
    const groups = await client.mirrors(file.code);
    expect(groups[0]!.mirrors.length).toBeGreaterThan(0);
    expect(groups[0]!.mirrors[0]!.iframe).toMatch(/^https:\/\//);
  },
};

/** Calls a capability's method with plausible arguments, for the "unsupported" check. */
function callFor(client: HostClient, capability: Capability): Promise<unknown> {
  const calls: Record<Capability, () => Promise<unknown>> = {
    accountInfo: () => client.accountInfo(),
    accountStats: () => client.accountStats(7),
    upload: () => client.uploadTarget(),
    remoteUpload: () => client.remoteUpload('https://example.com/v.mp4'),
    fileInfo: () => client.fileInfo(['abcdefabcdef']),
    editFile: () => client.editFile(['abcdefabcdef'], { title: 't' }),
    listFiles: () => client.listFiles(),
    cloneFile: () => client.cloneFile('abcdefabcdef'),
    moveFiles: () => client.moveFiles(['abcdefabcdef'], '1'),
    deleteFiles: () => client.deleteFiles(['abcdefabcdef']),
    deletedFiles: () => client.deletedFiles(),
    dmcaFiles: () => client.dmcaFiles(),
    encodings: () => client.encodings(),
    directLinks: () => client.directLinks('abcdefabcdef'),
    listFolder: () => client.listFolder(),
    createFolder: () => client.createFolder('x'),
    editFolder: () => client.editFolder('1', { name: 'y' }),
    mirrors: () => client.mirrors('abcdefabcdef'),
    remoteUploadStatus: () => client.remoteUploadStatus(),
    remoteUploadSlots: () => client.remoteUploadSlots(),
    remoteUploadAction: () => client.remoteUploadAction('clear_errors'),
  };
  return calls[capability]();
}

export function describeContract(presets: readonly HostPreset[]): void {
  describe.each(presets.map((p) => [p.id, p] as const))('contract: %s', (_id, preset) => {
    // The failure policy is checked on one idempotent GET every preset has: the file list, else account info.
    const readsList = preset.capabilities.has('listFiles');
    const read = (client: HostClient) => (readsList ? client.listFiles() : client.accountInfo());
    const paths = pathsOf(preset);
    const readPath = (readsList ? paths.listFiles : undefined) ?? paths.accountInfo;

    const has = capabilityNames.filter((c) => preset.capabilities.has(c));
    const lacks = capabilityNames.filter((c) => !preset.capabilities.has(c));

    it.each(has)('does %s', async (capability) => {
      const setup = newAccount(preset);
      expect(setup.client.capabilities.has(capability)).toBe(true);
      await exercise[capability](setup);
    });

    // Every preset lacks at least `mirrors` (XFS) or most XFS endpoints (the other families).
    it.each(lacks)('rejects %s as unsupported without a request', async (capability) => {
      const { client } = newAccount(preset);
      const before = sim.requests.length;
      const error = await rejection(callFor(client, capability));
      expect(error.code).toBe('unsupported');
      expect(sim.requests.length).toBe(before);
      if (capability === 'upload') expect(() => client.parseUploadReply('{}')).toThrow(AppError);
    });

    it('maps a wrong key to auth without quoting it', async () => {
      const wrong = 'WrongKey9876543210';
      const { client } = newAccount(preset, { key: wrong });
      const error = await rejection(read(client));
      expect(error.code).toBe('auth');
      expect(error.message).toMatch(/Options/);
      expect(JSON.stringify({ m: error.message, c: String(error.cause ?? '') })).not.toContain(wrong);
    });

    it('retries a GET that got a 500, then succeeds', async () => {
      const { client, hostId } = newAccount(preset);
      const path = `/api/${readPath}`;
      sim.fault({ kind: 'status', status: 500, match: path, hostId, times: 1 });
      const before = hits(`/${hostId}${path}`);
      await read(client);
      expect(hits(`/${hostId}${path}`) - before).toBe(2);
    });

    it('retries a 429 in the body, and gives up after the retries', async () => {
      const { client, hostId } = newAccount(preset, { deps: { retries: 2 } });
      sim.fault({ kind: 'body-error', status: 429, hostId, times: 1 });
      await read(client);
      sim.fault({ kind: 'status', status: 503, hostId });
      const before = sim.requests.length;
      const error = await rejection(read(client));
      expect(error.code).toBe('server');
      expect(error.retryable).toBe(true);
      expect(sim.requests.length - before).toBe(3);
    });

    it('backs off exponentially with jitter between retries', async () => {
      const waits: number[] = [];
      const { client, hostId } = newAccount(preset, { deps: { backoffMs: 100, sleep: async (ms) => void waits.push(ms) } });
      sim.fault({ kind: 'status', status: 502, hostId, times: 3 });
      await read(client);
      expect(waits).toHaveLength(3);
      waits.forEach((ms, n) => {
        expect(ms).toBeGreaterThanOrEqual(100 * 2 ** n);
        expect(ms).toBeLessThan(100 * 2 ** n + 100);
      });
    });

    it('turns an HTML page into invalid_response, without retrying', async () => {
      const { client, hostId } = newAccount(preset);
      sim.fault({ kind: 'html', hostId });
      const before = sim.requests.length;
      expect((await rejection(read(client))).code).toBe('invalid_response');
      expect(sim.requests.length - before).toBe(1);
      sim.clearFaults();
      sim.fault({ kind: 'invalid-json', hostId });
      expect((await rejection(read(client))).code).toBe('invalid_response');
    });

    it('times out a slow host, and reports a dropped connection as network', async () => {
      const { client: slow, hostId } = newAccount(preset, { deps: { timeoutMs: 150, retries: 0 } });
      sim.fault({ kind: 'slow', delayMs: 600, hostId, times: 1 });
      expect((await rejection(read(slow))).code).toBe('timeout');
      sim.clearFaults();
      const { client, key } = newAccount(preset, { deps: { retries: 1 } });
      sim.fault({ kind: 'drop', hostId });
      const before = sim.requests.length;
      const error = await rejection(read(client));
      expect(error.code).toBe('network');
      expect(sim.requests.length - before).toBe(2);
      expect(`${error.message} ${String(error.cause)}`).not.toContain(key);
    });

    it.runIf(preset.capabilities.has('remoteUpload'))('never retries its remote-upload request', async () => {
      const { client, hostId } = newAccount(preset);
      const path = `/${hostId}/api/${paths.remoteUpload!}`;
      sim.fault({ kind: 'status', status: 500, match: path, hostId, times: 1 });
      const before = hits(path);
      expect((await rejection(client.remoteUpload(sim.videoUrl('x', 1024)))).code).toBe('server');
      expect(hits(path) - before).toBe(1);
    });

    it('builds links the simulator serves', async () => {
      const { client, hostId, key } = newAccount(preset);
      const file = sim.addFile(hostId, key, { title: 'Linked' });
      const links = client.links(file.code);
      expect(links.embed).toBeDefined();
      // A template naming the host's own site (not the API's origin) cannot point at the simulator.
      const local = (template?: string) => !template || /\{(origin|site)\}/.test(template);
      if (local(preset.links.embed)) expect((await fetch(links.embed!)).status).toBe(200);
      else expect(links.embed).toBe(preset.links.embed!.replace('{code}', file.code));
      if (hostId !== 'megamax.me' && local(preset.links.watch)) expect((await fetch(links.watch)).status).toBe(200);
    });
  });
}
