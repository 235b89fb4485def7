// @vitest-environment node
// Replies seen from real XFS-family hosts that their documents do not show,
// one fixture each (tests/fixtures/hosts/tolerance), the slips every host's
// account call must survive, whatever its family, plus the pending remote
// upload end to end against host-sim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { createHostClient, hostPresets } from '../../../lib/hosts';
import { findEntry } from '../../../lib/hosts/registry';
import { matchUploadedFile } from '../../../lib/hosts/upload-match';
import type { UploadedFile } from '../../../lib/hosts/types';
import { startHostSim, type HostSim } from '../../host-sim';
import { fixtureClient, hostFixture } from './fixture-client';

const tolerance = (name: string) => hostFixture('tolerance', name);

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a AppError');
}

/** Each family's answer to wrong credentials, sent with HTTP 200: the error is in the body. */
const wrongCredentialsIn200: Record<string, string> = {
  xfs: '{"msg":"Invalid key","server_time":"2022-01-01 00:00:00","status":"403"}',
  megamax: '{"status":"error","message":"Invalid credentials"}',
  streamtape: '{"status":"403","msg":"Permission denied","result":null}',
  mixdrop: '{"success":false,"result":{"msg":"Wrong email or api key"}}',
  vidguard: '{"msg":"Invalid API key","result":null,"status":"403"}',
};

describe.each(hostPresets.map((p) => [p.id, findEntry(p.id)!.family] as const))('%s (%s family) on replies that go wrong', (hostId, family) => {
  const info = (body: string, status = 200) => fixtureClient(hostId, body, status).client.accountInfo();

  it('maps wrong credentials in a 200 body (status as text) to auth, without quoting the key', async () => {
    const body = wrongCredentialsIn200[family];
    expect(body, `a wrong-credentials reply for the ${family} family`).toBeDefined();
    const error = await failure(info(body!));
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain('FixtureKey12345');
  });

  it('maps a 403 page to auth', async () => {
    expect((await failure(info('<html><body>Forbidden</body></html>', 403))).code).toBe('auth');
  });

  it('turns an HTML page sent with HTTP 200 into invalid_response', async () => {
    const error = await failure(info(tolerance('api-html-error')));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/HTML page instead of JSON/);
  });

  it('turns invalid JSON into invalid_response', async () => {
    expect((await failure(info('{"status":200,"result":'))).code).toBe('invalid_response');
  });
});

describe('remote upload accepted without a file code', () => {
  it('is pending for a caller that can wait, never a failure', async () => {
    const { client, urls } = fixtureClient('vipstream.cc', tolerance('remote-working'));
    expect(await client.remoteUpload('https://example.com/v.mp4', { acceptPending: true })).toEqual({
      fileCode: undefined,
      pending: true,
      hostMessage: 'WORKING',
    });
    expect(urls).toHaveLength(1);
  });

  it('is a non-retryable error for a caller that needs a code, so nothing resends it', async () => {
    const { client } = fixtureClient('vipstream.cc', tolerance('remote-working'));
    const error = await failure(client.remoteUpload('https://example.com/v.mp4'));
    expect(error.code).toBe('invalid_response');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/not named the file yet/);
  });
});

describe('folder ids that are text', () => {
  it('reads a created folder id like "LnvnE51P5gc"', async () => {
    const { client } = fixtureClient('vipstream.cc', tolerance('folder-create-text-id'));
    expect(await client.createFolder('Mine')).toEqual({ folderId: 'LnvnE51P5gc', name: 'Mine' });
  });

  it('lists, moves into and lists inside text folder ids', async () => {
    const { client, urls } = fixtureClient('vipstream.cc', tolerance('folder-list-text-ids'));
    const listing = await client.listFolder('LnvnE51P5gc');
    expect(listing.folders).toEqual([{ folderId: 'B-qlJkdHFeo', name: 'Subfolder', parentId: 'LnvnE51P5gc' }]);
    expect(listing.files[0]).toMatchObject({ fileCode: 'rbAarvRPXdYb', folderId: 'B-qlJkdHFeo' });
    expect(urls[0]!.searchParams.get('fld_id')).toBe('LnvnE51P5gc');
    const move = fixtureClient('vipstream.cc', '{"status":200,"msg":"OK","result":"true"}');
    await move.client.moveFiles(['rbAarvRPXdYb'], 'B-qlJkdHFeo');
    expect(move.urls[0]!.searchParams.get('file_fld_id')).toBe('B-qlJkdHFeo');
  });
});

describe('upload replies in every shape', () => {
  const parse = (name: string) => fixtureClient('vipstream.cc', '').client.parseUploadReply(tolerance(name));

  it('reads {success, file:{file_code}}', () => {
    expect(parse('upload-success-file')).toEqual([{ fileCode: 'abc123456789', name: 'File.mp4', ok: true }]);
  });

  it('reads {files:[...]} with a rejected snapshot entry beside the file', () => {
    expect(parse('upload-files-list')).toEqual([
      { fileCode: '', name: 'shot.jpg', ok: false, error: 'Snapshot too large: max 300 KB' },
      { fileCode: 'tnklyibwwpsh', name: 'clip.mp4', ok: true },
    ]);
  });

  it('reads a bare list with file_status', () => {
    expect(parse('upload-bare-list')).toEqual([{ fileCode: 'b578rni0e1ka', ok: true }]);
  });

  it('keeps file_code "undef" with its per-file reason', () => {
    expect(parse('upload-undef-reason')).toEqual([{ fileCode: '', name: 'clip.mp4', ok: false, error: 'Not enough disk space on your account' }]);
  });

  it('turns an HTML error page sent with HTTP 200 into a clear invalid_response', async () => {
    const error = await failure(() => parse('upload-html-error'));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/HTML/);
  });

  it('turns an API endpoint answering HTTP 200 with an HTML page into invalid_response', async () => {
    const { client } = fixtureClient('vipstream.cc', tolerance('api-html-error'));
    const error = await failure(client.listFiles());
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/HTML page instead of JSON/);
  });
});

describe('matching the sent file in the reply', () => {
  const files: UploadedFile[] = [
    { fileCode: '', name: 'shot.jpg', ok: false, error: 'Snapshot too large' },
    { fileCode: 'aaaaaaaaaaaa', name: 'clip.mp4', size: 100, ok: true },
    { fileCode: 'bbbbbbbbbbbb', name: 'clip.mp4', size: 200, ok: true },
  ];

  it('picks by name and size', () => {
    expect(matchUploadedFile(files, { name: 'clip.mp4', size: 200 })?.fileCode).toBe('bbbbbbbbbbbb');
    expect(matchUploadedFile(files.slice(0, 2), { name: 'Clip.MP4' })?.fileCode).toBe('aaaaaaaaaaaa');
  });

  it('falls back to the only entry when the host renamed the file, and to none when it cannot tell', () => {
    expect(matchUploadedFile([{ fileCode: 'tnklyibwwpsh', name: 'qwbs4m4ze4j4.mp4', ok: true }], { name: 'clip.mp4' })?.fileCode).toBe('tnklyibwwpsh');
    expect(matchUploadedFile(files, { name: 'other.mp4' })).toBeUndefined();
  });
});

describe('pending remote upload against host-sim', () => {
  let sim: HostSim;
  beforeAll(async () => {
    sim = await startHostSim({ encodeMs: 60_000 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('sends once, comes back pending, and the file is in the host list afterwards', async () => {
    const key = 'pendingKey1234';
    sim.addAccount({ hostId: 'vipstream.cc', key });
    sim.remoteWithoutCode('vipstream.cc');
    const client = createHostClient({ id: 'p', hostId: 'vipstream.cc', apiBase: sim.apiBase('vipstream.cc'), key }, { backoffMs: 1 });
    const url = sim.videoUrl('pending-clip', 2048);
    const answer = await client.remoteUpload(url, { acceptPending: true });
    expect(answer.pending).toBe(true);
    expect(sim.requests.filter((r) => r.path.endsWith('/upload/url'))).toHaveLength(1);
    const listed = await client.listFiles({ title: 'pending-clip' });
    expect(listed.files).toHaveLength(1);
    sim.remoteWithoutCode('vipstream.cc', false);
  });
});
