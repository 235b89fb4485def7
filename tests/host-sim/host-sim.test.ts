// @vitest-environment node
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostId } from '../../lib/hosts/types';
import { type HostSim, startHostSim } from './index';

let sim: HostSim;
let keySeq = 0;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.clearFaults();
});

const xfsHosts = ['media.cm', 'vipstream.cc', 'mp4upload.com', 'watching.vn', 'xfs'] as const;
const bodyErrorHosts = new Set(['media.cm', 'mp4upload.com']);

function newAccount(hostId: HostId | 'xfs-lite') {
  const key = `key-${++keySeq}`;
  sim.addAccount({ hostId: hostId as HostId, key });
  return key;
}

async function api(hostId: string, endpoint: string, params: Record<string, string>) {
  const res = await fetch(`${sim.origin}/${hostId}/api/${endpoint}?${new URLSearchParams(params)}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: parseJson(text) };
}

/** The reply's JSON, read as loosely as a `res.json()` is here (undefined when the reply is not JSON). */
function parseJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function form(fields: Record<string, string>, files: { field?: string; name: string; bytes: number }[]): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append(f.field ?? 'file', new Blob([new Uint8Array(f.bytes).fill(7)], { type: 'video/mp4' }), f.name);
  return fd;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(xfsHosts)('%s', (hostId) => {
  it('answers account/info with the documented fields', async () => {
    const key = newAccount(hostId);
    sim.addFile(hostId, key, { title: 'one' });
    const { status, json } = await api(hostId, 'account/info', { key });
    expect(status).toBe(200);
    expect(json.status).toBe(200);
    expect(typeof json.result.storage_left).toBe('number');
    expect(json.result.storage_used).toBe(String(1024 * 1024));
    if (hostId === 'mp4upload.com') expect(json.result.files_total).toBeUndefined();
    else expect(json.result.files_total).toBe('1');
  });

  it('rejects a wrong key in the host style', async () => {
    const { status, json } = await api(hostId, 'account/info', { key: 'nope' });
    if (bodyErrorHosts.has(hostId)) {
      expect(status).toBe(200);
      expect(json).toMatchObject({ msg: 'Invalid key', status: 403 });
    } else {
      expect(status).toBe(403);
      expect(json).toEqual({ msg: 'Wrong auth', status: 403 });
    }
  });

  it('uploads multipart files to the plain-http upload server', async () => {
    const key = newAccount(hostId);
    const server = (await api(hostId, 'upload/server', { key })).json.result as string;
    expect(server).toBe(`${sim.origin}/${hostId}/upload/01`);
    expect(server.startsWith('http://')).toBe(true);
    const res = await fetch(server, {
      method: 'POST',
      body: form({ api_key: key, file_title: 'My clip', fld_id: '0' }, [
        { name: 'a.mp4', bytes: 5000 },
        { name: 'b.mp4', bytes: 7000 },
      ]),
    });
    const body = await res.json();
    expect(body).toMatchObject({ msg: 'OK', status: 200 });
    expect(body.files).toHaveLength(2);
    expect(body.files[0]).toMatchObject({ filename: 'a.mp4', status: 'OK' });
    const codes = body.files.map((f: { filecode: string }) => f.filecode);
    expect(sim.uploads.filter((u) => codes.includes(u.fileCode)).map((u) => u.size)).toEqual([5000, 7000]);
    const info = await api(hostId, 'file/info', { key, file_code: `${codes[0]},missing00000` });
    expect(info.json.result[0].canplay).toBe(0);
    expect(info.json.result[1].status).toBe(404);
    await waitFor(async () => {
      const again = await api(hostId, 'file/info', { key, file_code: codes[0] });
      return again.json.result[0].canplay === 1 ? true : undefined;
    });
  });

  it('answers 404 with an HTML page for an endpoint it lacks', async () => {
    const key = newAccount(hostId);
    const { status, type, text } = await api(hostId, 'file/nonexistent', { key });
    expect(status).toBe(404);
    expect(type).toContain('text/html');
    expect(text).toContain('<html>');
  });
});

describe.each(['media.cm', 'vipstream.cc', 'watching.vn', 'xfs'] as const)('%s remote upload', (hostId) => {
  it('fetches a loopback URL in the background and ends ready', async () => {
    const key = newAccount(hostId);
    const url = sim.videoUrl('remote-clip', 300_000);
    const { json } = await api(hostId, 'upload/url', { key, url });
    const code = json.result.filecode as string;
    expect(code).toMatch(/^[a-z0-9]{12}$/);
    expect(sim.remoteUploads.find((r) => r.fileCode === code)?.url).toBe(url);
    const list = await api(hostId, 'file/list', { key });
    expect(list.json.result.files.map((f: { file_code: string }) => f.file_code)).toContain(code);
    await waitFor(async () => {
      const info = await api(hostId, 'file/info', { key, file_code: code });
      return info.json.result[0].canplay === 1 ? true : undefined;
    });
    expect(sim.remoteUploads.find((r) => r.fileCode === code)).toMatchObject({ ok: true });
    expect(sim.accountFor(hostId, key)?.files.get(code)?.size).toBe(300_000);
  });
});

describe('XFS behaviours', () => {
  it('fails a remote upload of a non-loopback URL', async () => {
    const key = newAccount('vipstream.cc');
    const { json } = await api('vipstream.cc', 'upload/url', { key, url: 'http://example.com/a.mp4' });
    const code = json.result.filecode;
    const record = await waitFor(async () => sim.remoteUploads.find((r) => r.fileCode === code && r.error));
    expect(record.ok).toBe(false);
    expect(record.error).toMatch(/loopback/);
    const info = await api('vipstream.cc', 'file/info', { key, file_code: code });
    expect(info.json.result[0]).toEqual({ status: 404, file_code: code });
  });

  it('shows encodings with growing progress until ready', async () => {
    // The simulator's clock (it runs in this process) is set, not waited for: encodeMs is 300.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const t0 = Date.now();
      const key = newAccount('vipstream.cc');
      const fd = form({ key }, [{ name: 'enc.mp4', bytes: 1000 }]);
      const code = (await (await fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body: fd })).json()).files[0].filecode;
      const encodings = async () => (await api('vipstream.cc', 'file/encodings', { key, code })).json.result;
      expect(await encodings()).toEqual([
        expect.objectContaining({ code, quality: 'h', status: 'PENDING', progress: 0 }),
        expect.objectContaining({ code, quality: 'l', status: 'PENDING', progress: 0 }),
      ]);
      vi.setSystemTime(t0 + 60);
      expect(await encodings()).toEqual([
        expect.objectContaining({ quality: 'h', status: 'ENCODING', progress: 20 }),
        expect.objectContaining({ quality: 'l', status: 'PENDING', progress: 0 }),
      ]);
      vi.setSystemTime(t0 + 240);
      expect(await encodings()).toEqual([
        expect.objectContaining({ quality: 'h', status: 'ENCODING', progress: 80 }),
        expect.objectContaining({ quality: 'l', status: 'ENCODING', progress: 60 }),
      ]);
      vi.setSystemTime(t0 + 300);
      expect(await encodings()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('pages and filters file/list', async () => {
    const key = newAccount('vipstream.cc');
    const folder = sim.addFolder('vipstream.cc', key, 'Series');
    for (let i = 1; i <= 5; i++) sim.addFile('vipstream.cc', key, { title: `Episode ${i}`, folderId: i > 3 ? folder.id : '0', public: i % 2 === 1 });
    sim.addFile('vipstream.cc', key, { title: 'Other', adult: true });
    const page2 = (await api('vipstream.cc', 'file/list', { key, page: '2', per_page: '4' })).json.result;
    expect(page2).toMatchObject({ results_total: 6, pages: 2, results: 2 });
    const titled = (await api('vipstream.cc', 'file/list', { key, title: 'episode' })).json.result;
    expect(titled.results_total).toBe(5);
    const inFolder = (await api('vipstream.cc', 'file/list', { key, fld_id: folder.id })).json.result;
    expect(inFolder.files.map((f: { title: string }) => f.title).sort()).toEqual(['Episode 4', 'Episode 5']);
    expect((await api('vipstream.cc', 'file/list', { key, public: '0' })).json.result.results_total).toBe(2);
    expect((await api('vipstream.cc', 'file/list', { key, adult: '1' })).json.result.results_total).toBe(1);
    expect((await api('vipstream.cc', 'file/list', { key, created: '2999-01-01 00:00:00' })).json.result.results_total).toBe(0);
    expect((await api('vipstream.cc', 'file/list', { key, page: 'x' })).status).toBe(400);
  });

  it('returns the array shape for mp4upload file/list and renames with name', async () => {
    const key = newAccount('mp4upload.com');
    const file = sim.addFile('mp4upload.com', key, { title: 'old' });
    const list = (await api('mp4upload.com', 'file/list', { key })).json.result;
    expect(Array.isArray(list)).toBe(true);
    expect(list[0]).toMatchObject({ status: 200, filecode: file.code, name: 'old', size: String(file.size) });
    const renamed = (await api('mp4upload.com', 'file/rename', { key, file_code: `${file.code},zzzzzzzzzzzz`, name: 'new.mp4' })).json;
    expect(renamed.result[0]).toMatchObject({ filecode: file.code, name: 'new.mp4' });
    expect(renamed.result[1]).toEqual({ status: 404, filecode: 'zzzzzzzzzzzz' });
    expect((await api('mp4upload.com', 'upload/url', { key, url: sim.videoUrl() })).status).toBe(404);
  });

  it('edits, moves, clones, deletes and lists deleted files on media.cm', async () => {
    const key = newAccount('media.cm');
    const folder = sim.addFolder('media.cm', key, 'Target');
    const file = sim.addFile('media.cm', key, { title: 'orig' });
    const edit = (await api('media.cm', 'file/rename', { key, file_code: file.code, title: 'renamed', file_fld_id: folder.id })).json;
    expect(edit.result[0]).toMatchObject({ status: 200, filecode: file.code, name: 'renamed' });
    expect(file.folderId).toBe(folder.id);
    expect((await api('media.cm', 'file/copy', { key, file_code: file.code, file_title: 'copy' })).json).toMatchObject({ status: 200 });
    expect([...sim.accountFor('media.cm', key)!.files.values()].map((f) => f.title).sort()).toEqual(['copy', 'renamed']);
    expect((await api('media.cm', 'file/delete', { key, del_code: file.code })).json.status).toBe(200);
    const deleted = (await api('media.cm', 'file/deleted', { key, last: '5' })).json.result;
    expect(deleted[0]).toMatchObject({ file_code: file.code, name: 'renamed' });
    // media.cm reports errors inside an HTTP 200 reply.
    const missing = await api('media.cm', 'file/delete', { key, del_code: file.code });
    expect(missing.status).toBe(200);
    expect(missing.json.status).toBe(404);
  });

  it('clones with file/clone, moves with set_folder, and deletes on the generic xfs host', async () => {
    const key = newAccount('xfs');
    const folder = sim.addFolder('xfs', key, 'Moved');
    const file = sim.addFile('xfs', key, { title: 'src' });
    const clone = (await api('xfs', 'file/clone', { key, file_code: file.code, file_title: 'dup' })).json.result;
    expect(clone.url).toContain(clone.filecode);
    expect((await api('xfs', 'file/set_folder', { key, file_code: clone.filecode, fld_id: folder.id })).json.status).toBe(200);
    expect(sim.accountFor('xfs', key)?.files.get(clone.filecode)?.folderId).toBe(folder.id);
    expect((await api('xfs', 'file/delete', { key, file_code: file.code })).json.status).toBe(200);
    const deleted = (await api('xfs', 'file/deleted', { key, last: '24' })).json.result;
    expect(deleted[0]).toMatchObject({ file_code: file.code, deleted_by: 'me', title: 'src' });
    const gone = await api('xfs', 'file/clone', { key, file_code: file.code });
    expect(gone.status).toBe(404);
  });

  it('creates, lists and edits nested folders', async () => {
    const key = newAccount('watching.vn');
    const parent = (await api('watching.vn', 'folder/create', { key, name: 'Parent' })).json.result.fld_id;
    const child = (await api('watching.vn', 'folder/create', { key, name: 'Child', parent_id: parent })).json.result.fld_id;
    sim.addFile('watching.vn', key, { title: 'inside', folderId: child });
    const listed = (await api('watching.vn', 'folder/list', { key, fld_id: parent, files: '1' })).json.result;
    expect(listed.folders).toEqual([{ name: 'Child', fld_id: child, code: expect.any(String) }]);
    expect(listed.files).toEqual([]);
    expect((await api('watching.vn', 'folder/list', { key, fld_id: child, files: '1' })).json.result.files[0].title).toBe('inside');
    expect((await api('watching.vn', 'folder/edit', { key, fld_id: child, name: 'Renamed', parent_id: '0' })).json.result).toBe('true');
    expect((await api('watching.vn', 'folder/list', { key })).json.result.folders.map((f: { name: string }) => f.name).sort()).toEqual(['Parent', 'Renamed']);
    expect((await api('watching.vn', 'folder/create', { key })).status).toBe(400);
    const mediaKey = newAccount('media.cm');
    const id = (await api('media.cm', 'folder/create', { key: mediaKey, name: 'A' })).json.result.fld_id;
    expect((await api('media.cm', 'folder/rename', { key: mediaKey, fld_id: id, name: 'B' })).json.result).toEqual({ result: 'true' });
  });

  it('gives watching.vn direct links with quality and HLS, and its stats as account info', async () => {
    const key = newAccount('watching.vn');
    const file = sim.addFile('watching.vn', key, { title: 'dl', size: 50_000 });
    const all = (await api('watching.vn', 'file/direct_link', { key, file_code: file.code, hls: '1' })).json.result;
    expect(all.versions.map((v: { name: string }) => v.name)).toEqual(['n', 'h', 'l', 'o']);
    expect(all.hls_direct).toMatch(/master\.m3u8$/);
    const high = (await api('watching.vn', 'file/direct_link', { key, file_code: file.code, q: 'o' })).json.result.versions;
    expect(high).toHaveLength(1);
    const res = await fetch(high[0].url);
    expect((await res.arrayBuffer()).byteLength).toBe(50_000);
    expect((await api('watching.vn', 'account/stats', { key })).json.result.storage_left).toEqual(expect.any(Number));
    expect((await api('vipstream.cc', 'file/direct_link', { key })).status).toBe(404);
  });

  it('lists the seeded DMCA entry on vipstream.cc', async () => {
    const key = newAccount('vipstream.cc');
    const dmca = (await api('vipstream.cc', 'file/dmca', { key })).json.result;
    expect(dmca).toHaveLength(1);
    expect(dmca[0]).toEqual({ file_code: expect.any(String), del_in_sec: expect.stringMatching(/^\d+$/), del_time: expect.any(String) });
  });

  it('rejects empty files, oversized snapshots and files over storage_left', async () => {
    const key = newAccount('vipstream.cc');
    const fd = form({ sess_id: key }, [
      { name: 'empty.mp4', bytes: 0 },
      { field: 'snapshot', name: 'shot.jpg', bytes: 301 * 1024 },
      { name: 'ok.mp4', bytes: 100 },
    ]);
    const body = await (await fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body: fd })).json();
    expect(body.files).toEqual([
      { file_code: 'undef', filename: 'shot.jpg', status: expect.stringContaining('300 KB') },
      { file_code: 'undef', filename: 'empty.mp4', status: 'Empty file' },
      { filecode: expect.any(String), filename: 'ok.mp4', status: 'OK' },
    ]);
    sim.accountFor('vipstream.cc', key)!.storageLeft = 50;
    const full = await (await fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body: form({ key }, [{ name: 'big.mp4', bytes: 51 }]) })).json();
    expect(full.files[0]).toMatchObject({ file_code: 'undef', status: expect.stringMatching(/space/) });
    // media.cm allows 800 KB snapshots.
    const mediaKey = newAccount('media.cm');
    const media = await (
      await fetch(`${sim.origin}/media.cm/upload/01`, {
        method: 'POST',
        body: form({ key: mediaKey }, [
          { field: 'snapshot', name: 's.jpg', bytes: 700 * 1024 },
          { name: 'v.mp4', bytes: 10 },
        ]),
      })
    ).json();
    expect(media.files).toEqual([{ filecode: expect.any(String), filename: 'v.mp4', status: 'OK' }]);
  });

  it('answers the old HTML form with html_redirect=1 and refuses a wrong upload key', async () => {
    const key = newAccount('watching.vn');
    const res = await fetch(`${sim.origin}/watching.vn/upload/01`, { method: 'POST', body: form({ key, html_redirect: '1' }, [{ name: 'h.mp4', bytes: 10 }]) });
    const html = await res.text();
    const code = /<textarea name="fn">(\w+)<\/textarea>/.exec(html)?.[1];
    expect(code).toMatch(/^[a-z0-9]{12}$/);
    expect(html).toContain('<textarea name="st">OK</textarea>');
    const bad = await fetch(`${sim.origin}/watching.vn/upload/01`, { method: 'POST', body: form({ key: 'wrong' }, [{ name: 'h.mp4', bytes: 10 }]) });
    expect(bad.status).toBe(403);
  });
});

describe('xfs-lite', () => {
  it('has only the basic endpoints and refuses clone inside a 200 reply', async () => {
    const key = newAccount('xfs-lite');
    expect((await api('xfs-lite', 'account/info', { key })).status).toBe(200);
    expect((await api('xfs-lite', 'folder/list', { key })).status).toBe(200);
    const edit = await api('xfs-lite', 'file/edit', { key, file_code: 'x' });
    expect(edit.status).toBe(404);
    expect(edit.type).toContain('text/html');
    const clone = await api('xfs-lite', 'file/clone', { key, file_code: 'x' });
    expect(clone.status).toBe(200);
    expect(clone.json).toEqual({ msg: 'This function not allowed in API', status: 403 });
  });
});

describe('megamax.me', () => {
  const login = 'user@vidrelay.test';
  const auth = (key: string) => ({ login, key });

  it('uploads through a generated URL and moves through its statuses', async () => {
    const key = `mm-${++keySeq}`;
    sim.addAccount({ hostId: 'megamax.me', key, login });
    const gen = (await api('megamax.me', 'file/upload/generate', auth(key))).json;
    expect(gen.status).toBe('success');
    expect(gen.result).toMatch(new RegExp(`^${sim.origin}/megamax.me/endpoint/file/upload/\\w+$`));
    const fd = form({ login, key, folder: '3' }, [{ name: 'mm.mp4', bytes: 4096 }]);
    const up = await (await fetch(gen.result, { method: 'POST', body: fd })).json();
    expect(up).toMatchObject({ status: 'success', message: 'OK', result: { name: 'mm.mp4', ext: 'mp4', size: 4096, folder: 3 } });
    const hashid = up.result.hashid as string;
    expect(['onqueue', 'transferring', 'processing', 'converting']).toContain(up.result.status);
    expect((await api('megamax.me', `file/get/${hashid}/direct`, auth(key))).json.status).toBe('error');
    await waitFor(async () => ((await api('megamax.me', `file/get/${hashid}`, auth(key))).json.result.status === 'converted' ? true : undefined));
    const listed = (await api('megamax.me', 'file/get', { ...auth(key), folder: '3', status: 'converted' })).json.result;
    expect(listed.map((f: { hashid: string }) => f.hashid)).toEqual([hashid]);
    const direct = (await api('megamax.me', `file/get/${hashid}/direct`, auth(key))).json.result[0];
    expect(direct).toMatchObject({ label: 'source', size: 4096, expires_at: expect.any(String) });
    expect((await (await fetch(direct.stream)).arrayBuffer()).byteLength).toBe(4096);
    const mirrors = (await api('megamax.me', `mirror/get/${hashid}`, auth(key))).json.result;
    expect(mirrors[0].mirrors.length).toBeGreaterThan(0);
  });

  it('answers bad credentials with HTTP 401 and unknown hashids with 404', async () => {
    const key = `mm-${++keySeq}`;
    sim.addAccount({ hostId: 'megamax.me', key, login });
    const bad = await api('megamax.me', 'file/get', { login: 'other@x.test', key });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ status: 'error', message: 'Invalid credentials' });
    expect((await api('megamax.me', 'file/get/NOPE', auth(key))).status).toBe(404);
    expect((await api('megamax.me', 'account/info', auth(key))).status).toBe(404);
  });
});

describe('vidguard.to', () => {
  it('answers user/info and the complaints in its capitalised envelope, filtered by status', async () => {
    const key = newAccount('vidguard.to');
    const info = await api('vidguard.to', 'user/info', { key });
    expect(info.json).toMatchObject({ msg: 'Done', status: 200, result: { Balance: 8, Email: 'tester@vidrelay.test', Currency: '$' } });
    const all = (await api('vidguard.to', 'user/complaints', { key })).json.result;
    expect(all.map((c: { Status: string }) => c.Status)).toEqual(['open', 'resolved']);
    expect(all[0].AffectedVideos[0]).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await api('vidguard.to', 'user/complaints', { key, status: 'resolved' })).json.result).toHaveLength(1);
    expect((await api('vidguard.to', 'user/complaints', { key, limit: '1' })).json.result).toHaveLength(1);
  });

  it('uploads through the tokened URL upload/server gives, answering HashID and URL', async () => {
    const key = newAccount('vidguard.to');
    const server = (await api('vidguard.to', 'upload/server', { key })).json.result.url as string;
    expect(server).toMatch(new RegExp(`^${sim.origin}/vidguard.to/v1/upload\\?token=[\\w-]+$`));
    const reply = await (await fetch(server, { method: 'POST', body: form({ key, folder: '7' }, [{ name: 'vg.mp4', bytes: 4096 }]) })).json();
    expect(reply).toMatchObject({ msg: 'Video uploaded', status: 200, result: { Name: 'vg.mp4', Size: 4096, FolderID: 7 } });
    expect(reply.result.URL).toBe(`//${new URL(sim.origin).host}/v/${reply.result.HashID}`);
    expect(sim.accountFor('vidguard.to', key)!.files.get(reply.result.HashID)).toMatchObject({ folderId: '7', title: 'vg' });
    expect((await fetch(`http:${reply.result.URL}`)).status).toBe(200);
  });

  it('refuses a wrong key, the token of another account, and a folder that is no number', async () => {
    const key = newAccount('vidguard.to');
    const other = newAccount('vidguard.to');
    const wrong = await api('vidguard.to', 'user/info', { key: 'nope' });
    expect([wrong.status, wrong.json]).toEqual([403, { msg: 'Invalid API key', result: null, status: 403 }]);
    const server = (await api('vidguard.to', 'upload/server', { key })).json.result.url as string;
    const stolen = await fetch(server, { method: 'POST', body: form({ key: other }, [{ name: 'x.mp4', bytes: 10 }]) });
    expect(stolen.status).toBe(403);
    const named = await fetch(server, { method: 'POST', body: form({ key, folder: 'Movies' }, [{ name: 'x.mp4', bytes: 10 }]) });
    expect((await named.json()).status).toBe(400);
    expect((await api('vidguard.to', 'file/list', { key })).status).toBe(404);
  });
});

describe('vinovo.si', () => {
  it('answers abuse/list and inactive/list in its own row shapes, paged', async () => {
    const key = newAccount('vinovo.si');
    const abuse = (await api('vinovo.si', 'abuse/list', { key })).json.result;
    expect(abuse).toEqual([{ reported_on: expect.any(String), file_code: expect.any(String), fld_id: '0', disabled_on: expect.any(String) }]);
    const file = sim.addFile('vinovo.si', key, { title: 'idle' });
    sim.accountFor('vinovo.si', key)!.files.delete(file.code);
    sim.accountFor('vinovo.si', key)!.deleted.unshift({ ...file, deleted: file.uploaded });
    const inactive = (await api('vinovo.si', 'inactive/list', { key })).json.result;
    expect(inactive).toEqual([{ file_code: file.code, fld_id: '0', disabled_on: file.uploaded }]);
    expect((await api('vinovo.si', 'inactive/list', { key, page: '2' })).json.result).toEqual([]);
    expect((await api('vinovo.si', 'inactive/list', { key, per_page: '0' })).status).toBe(400);
  });
});

describe.each(['streamtape.com', 'nupload.me'] as const)('%s (Streamtape family)', (hostId) => {
  const login = 'tapeuser';
  const auth = (key: string) => ({ login, key });
  const account = () => {
    const key = `st-${++keySeq}`;
    sim.addAccount({ hostId, key, login });
    return key;
  };

  it('uploads through a URL made for one file, which then lists under its folder with its linkid', async () => {
    const key = account();
    const folder = sim.addFolder(hostId, key, 'Clips');
    const ul = (await api(hostId, 'file/ul', { ...auth(key), folder: folder.id })).json;
    expect(ul).toMatchObject({ status: 200, msg: 'OK', result: { url: expect.stringMatching(new RegExp(`^${sim.origin}/${hostId}/ul/\\w+$`)) } });
    const up = await (await fetch(ul.result.url, { method: 'POST', body: form({}, [{ name: 'tape.mp4', bytes: 4096 }]) })).json();
    expect(up).toMatchObject({ status: 200, result: { name: 'tape.mp4', size: '4096', id: expect.stringMatching(/^[A-Za-z0-9]{15}$/) } });
    const again = await (await fetch(ul.result.url, { method: 'POST', body: form({}, [{ name: 'twice.mp4', bytes: 10 }]) })).json();
    expect(again.status).toBe(404);
    const listed = (await api(hostId, 'file/listfolder', { ...auth(key), folder: folder.id })).json.result;
    expect(listed.files).toEqual([expect.objectContaining({ linkid: up.result.id, name: 'tape.mp4', size: 4096, convert: 'converting' })]);
    expect((await api(hostId, 'file/runningconverts', auth(key))).json.result).toEqual([
      expect.objectContaining({ linkid: up.result.id, progress: expect.any(Number) }),
    ]);
    await waitFor(async () =>
      (await api(hostId, 'file/listfolder', { ...auth(key), folder: folder.id })).json.result.files[0].convert === 'converted' ? true : undefined,
    );
  });

  it('queues a remote URL under its own id and names the file in remotedl/status once fetched', async () => {
    const key = account();
    const url = sim.videoUrl('tape-remote', 3000);
    const added = (await api(hostId, 'remotedl/add', { ...auth(key), url })).json.result;
    expect(added).toEqual({ id: expect.any(String), folderid: '0' });
    const entry = await waitFor(async () => {
      const row = (await api(hostId, 'remotedl/status', { ...auth(key), id: added.id })).json.result[added.id];
      return row.status === 'finished' ? row : undefined;
    });
    expect(entry).toMatchObject({ remoteurl: url, bytes_total: '3000', bytes_loaded: '3000', url: expect.stringContaining(`${sim.origin}/v/`) });
    expect(Object.keys((await api(hostId, 'remotedl/status', auth(key))).json.result)).toEqual([added.id]);
    expect((await api(hostId, 'remotedl/status', { ...auth(key), id: 'nope' })).json.status).toBe(404);
  });

  it('answers a wrong login with status 403 inside HTTP 200, and an unknown endpoint with a 404 page', async () => {
    const key = account();
    const bad = await api(hostId, 'account/info', { login: 'someone-else', key });
    expect([bad.status, bad.json.status]).toEqual([200, 403]);
    expect((await api(hostId, 'account/info', auth(key))).json.result).toEqual({
      apiid: login,
      email: `${login}@vidrelay.test`,
      signup_at: expect.any(String),
    });
    expect((await api(hostId, 'file/list', auth(key))).status).toBe(404);
  });
});

describe('mixdrop.ag', () => {
  const email = 'drop@vidrelay.test';
  const auth = (key: string) => ({ email, key });
  const account = () => {
    const key = `md-${++keySeq}`;
    sim.addAccount({ hostId: 'mixdrop.ag', key, login: email });
    return key;
  };

  it('takes uploads with e-mail and key in the form and reports them in fileinfo2 by fileref', async () => {
    const key = account();
    const up = await (
      await fetch(`${sim.apiBase('mixdrop.ag')}/upload`, { method: 'POST', body: form(auth(key), [{ name: 'drop.mp4', bytes: 2048 }]) })
    ).json();
    expect(up).toEqual({ success: true, result: { fileref: expect.stringMatching(/^[a-z0-9]{14}$/), url: expect.any(String), embedurl: expect.any(String) } });
    const ref = up.result.fileref as string;
    const res = await fetch(`${sim.apiBase('mixdrop.ag')}/fileinfo2?${new URLSearchParams(auth(key))}&ref[]=${ref}&ref[]=zzzzzzzzzzzzzz`);
    expect((await res.json()).result).toEqual({
      [ref]: expect.objectContaining({ fileref: ref, title: 'drop.mp4', size: '2048', status: expect.stringMatching(/^Convert/) }),
    });
    const wrong = await (
      await fetch(`${sim.apiBase('mixdrop.ag')}/upload`, { method: 'POST', body: form({ email, key: 'nope' }, [{ name: 'x.mp4', bytes: 10 }]) })
    ).json();
    expect(wrong).toEqual({ success: false, result: { msg: 'Wrong email or api key' } });
  });

  it('names the remote file at once and tracks it by id, or all without one', async () => {
    const key = account();
    const url = sim.videoUrl('drop-remote', 1500);
    const added = (await api('mixdrop.ag', 'remoteupload', { ...auth(key), url, name: 'Named' })).json.result;
    expect(added).toMatchObject({ id: expect.any(String), fileref: expect.any(String) });
    const one = await waitFor(async () => {
      const row = (await api('mixdrop.ag', 'remotestatus', { ...auth(key), id: added.id })).json.result;
      return row.status === 'Complete' ? row : undefined;
    });
    expect(one).toMatchObject({ url, name: 'Named', progress: '100', fileref: added.fileref });
    expect((await api('mixdrop.ag', 'remotestatus', auth(key))).json.result).toEqual([expect.objectContaining({ fileref: added.fileref })]);
    expect((await api('mixdrop.ag', 'remotestatus', { email: 'other@x.test', key })).json).toEqual({
      success: false,
      result: { msg: 'Wrong email or api key' },
    });
  });
});

describe('faults', () => {
  it('answers a status fault, then stops after `times`', async () => {
    const key = newAccount('vipstream.cc');
    sim.fault({ kind: 'status', status: 503, match: 'account/info', hostId: 'vipstream.cc', times: 1 });
    const first = await api('vipstream.cc', 'account/info', { key });
    expect(first.status).toBe(503);
    expect(first.json.status).toBe(503);
    expect((await api('vipstream.cc', 'account/info', { key })).status).toBe(200);
  });

  it('only hits the host it names', async () => {
    const key = newAccount('media.cm');
    sim.fault({ kind: 'html', hostId: 'vipstream.cc' });
    expect((await api('media.cm', 'account/info', { key })).json.status).toBe(200);
  });

  it('answers html, invalid json, body errors and wrong keys', async () => {
    const key = newAccount('media.cm');
    sim.fault({ kind: 'html', match: 'file/list', times: 1 });
    const html = await api('media.cm', 'file/list', { key });
    expect([html.status, html.type.includes('text/html'), html.json]).toEqual([200, true, undefined]);
    sim.fault({ kind: 'invalid-json', match: 'file/list', times: 1 });
    expect((await api('media.cm', 'file/list', { key })).text).toBe('{"msg":"OK",');
    sim.fault({ kind: 'body-error', status: 509, match: 'file/list', times: 1 });
    const body = await api('media.cm', 'file/list', { key });
    expect([body.status, body.json.status]).toEqual([200, 509]);
    sim.fault({ kind: 'wrong-key', match: 'file/list', times: 1 });
    expect((await api('media.cm', 'file/list', { key })).json).toMatchObject({ msg: 'Invalid key', status: 403 });
    sim.fault({ kind: 'wrong-key', hostId: 'megamax.me', times: 1 });
    expect((await api('megamax.me', 'file/get', { key, login: 'x' })).status).toBe(401);
  });

  // How long the delays last is measured by bench/host-sim-faults.ts; here, what they do.
  it('delays a slow request: one sent after it is answered first, then it is answered in full', async () => {
    const key = newAccount('xfs');
    sim.fault({ kind: 'slow', delayMs: 1500, match: 'account/info', times: 1 });
    const order: string[] = [];
    const slow = api('xfs', 'account/info', { key }).then((r) => {
      order.push('slow');
      return r;
    });
    // The fault has matched the first request before a second one is sent.
    await vi.waitFor(() => expect(sim.requests.some((r) => r.path.endsWith('/account/info') && r.query.key === key)).toBe(true));
    const next = await api('xfs', 'account/info', { key }).then((r) => {
      order.push('next');
      return r;
    });
    expect(next.status).toBe(200);
    expect(order).toEqual(['next']);
    expect(await slow).toMatchObject({ status: 200, json: { status: 200 } });
    expect(order).toEqual(['next', 'slow']);
  });

  it('holds back the answer of an upload POST it has already stored', async () => {
    const key = newAccount('vipstream.cc');
    sim.fault({ kind: 'slow-reply', delayMs: 1500, match: '/upload/01', times: 1 });
    const before = sim.uploads.length;
    let answered = false;
    const answer = fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body: form({ key }, [{ name: 'held.mp4', bytes: 4096 }]) }).then((r) => {
      answered = true;
      return r;
    });
    await vi.waitFor(() => expect(sim.uploads.length).toBe(before + 1));
    expect(sim.uploads.at(-1)).toMatchObject({ name: 'held.mp4' });
    expect(answered).toBe(false);
    const reply = await answer;
    expect(reply.status).toBe(200);
    expect((await reply.json()).files[0].filecode).toBe(sim.uploads.at(-1)!.fileCode);
  });

  it('drops the connection of an API call and of an upload POST', async () => {
    const key = newAccount('vipstream.cc');
    sim.fault({ kind: 'drop', match: 'account/info', times: 1 });
    await expect(fetch(`${sim.apiBase('vipstream.cc')}/account/info?key=${key}`)).rejects.toThrow();
    sim.fault({ kind: 'drop', match: '/upload/01', times: 1 });
    const before = sim.uploads.length;
    await expect(
      fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body: form({ key }, [{ name: 'x.mp4', bytes: 512 * 1024 }]) }),
    ).rejects.toThrow();
    expect(sim.uploads.length).toBe(before);
  });
});

describe('media and pages', () => {
  it('serves generated video bytes with HEAD and Range', async () => {
    const url = sim.videoUrl('clip', 100_000);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('100000');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    const part = await fetch(url, { headers: { Range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 4-11/100000');
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftypmp42');
    expect((await fetch(url, { headers: { Range: 'bytes=100000-' } })).status).toBe(416);
    const whole = await fetch(url);
    expect((await whole.arrayBuffer()).byteLength).toBe(100_000);
  });

  it('serves the finder pages and 404s unknown ones', async () => {
    for (const name of ['video', 'mse', 'jsonld', 'links', 'none']) {
      const res = await fetch(sim.pageUrl(name));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html');
    }
    expect(await fetch(sim.pageUrl('video')).then((r) => r.text())).toContain('src="../media/sample.mp4"');
    expect((await fetch(sim.pageUrl('missing'))).status).toBe(404);
    expect((await fetch(`${sim.origin}/pages/..%2Fserver.ts`)).status).toBe(404);
  });

  it('serves the watch page, thumbnail and bytes behind a listed file', async () => {
    const key = newAccount('vipstream.cc');
    const file = sim.addFile('vipstream.cc', key, { title: 'Watch me', size: 2048 });
    const row = (await api('vipstream.cc', 'file/list', { key })).json.result.files[0];
    const page = await (await fetch(row.link)).text();
    expect(page).toContain('Watch me');
    expect((await fetch(row.thumbnail)).headers.get('content-type')).toBe('image/svg+xml');
    const bytes = await fetch(`${sim.origin}/file/${file.code}.mp4`);
    expect((await bytes.arrayBuffer()).byteLength).toBe(2048);
    expect((await fetch(`${sim.origin}/zzzzzzzzzzzz.html`)).status).toBe(404);
  });

  it('records every request', async () => {
    const key = newAccount('vipstream.cc');
    await api('vipstream.cc', 'file/list', { key, page: '1' });
    expect(sim.requests.at(-1)).toEqual({
      reused: expect.any(Boolean),
      method: 'GET',
      hostId: 'vipstream.cc',
      path: '/vipstream.cc/api/file/list',
      query: { key, page: '1' },
      via: '127.0.0.1',
    });
  });

  it('drop-reply: does the work, then closes the connection without a byte of answer; reusedOnly spares a fresh connection', async () => {
    const key = newAccount('vipstream.cc');
    sim.fault({ kind: 'drop-reply', match: 'upload/url', reusedOnly: true, times: 1 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url: string) =>
      new Promise<{ status?: number; body: string } | { error: string }>((resolve) => {
        http
          .get(url, { agent }, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode, body }));
          })
          .on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      });
    const upload = (name: string) => `${sim.apiBase('vipstream.cc')}/upload/url?key=${key}&url=${encodeURIComponent(sim.videoUrl(name, 1024))}`;
    // The simulator is shared by the file's tests: only this test's requests count.
    const before = sim.requests.length;
    try {
      // A fresh connection: answered as usual.
      await expect(get(upload('first'))).resolves.toMatchObject({ status: 200 });
      // The same connection again: stored, then dropped unanswered.
      await expect(get(upload('second'))).resolves.toEqual({ error: 'ECONNRESET' });
      expect(
        sim.requests
          .slice(before)
          .filter((r) => r.path.endsWith('/upload/url'))
          .map((r) => r.reused),
      ).toEqual([false, true]);
      expect(sim.remoteUploads.filter((r) => /\/(first|second)\.mp4/.test(r.url))).toHaveLength(2);
    } finally {
      agent.destroy();
    }
  });
});

describe('upload CORS for the bench baseline page', () => {
  const page = 'http://127.0.0.1:9';

  it('answers the allowed page origin only, and only when asked to', async () => {
    const corsSim = await startHostSim({ encodeMs: 300, uploadCorsOrigin: page });
    try {
      const key = 'cors-key-1';
      corsSim.addAccount({ hostId: 'media.cm', key });
      const url = `${corsSim.origin}/media.cm/upload/01`;
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: page, 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(page);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
      const posted = await fetch(url, { method: 'POST', headers: { Origin: page }, body: form({ key }, [{ name: 'c.mp4', bytes: 10 }]) });
      expect(posted.headers.get('access-control-allow-origin')).toBe(page);
      expect((await posted.json()).files[0].status).toBe('OK');
      expect(corsSim.uploads.at(-1)?.receiveMs).toBeGreaterThan(0);
      const stranger = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:10' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await corsSim.close();
    }
    // The default simulator, as every other test sees it: no CORS at all.
    const plain = await fetch(`${sim.origin}/media.cm/upload/01`, { method: 'OPTIONS', headers: { Origin: page } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    await plain.text();
  });
});
