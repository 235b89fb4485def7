import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../../../lib/errors';
import type { HostClient } from '../../../lib/hosts/types';
import type { Job, UploadJob } from '../../../lib/queue/model/job';
import { createJobStore } from '../../../lib/queue/store';
import { assertUploadSite } from '../../../lib/accounts/sites';
import { createUploadBridge, type UploadBridge, type UploaderSender } from '../../../lib/upload/background/bridge';
import type { OffscreenManager } from '../../../lib/upload/background/offscreen';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import type { SenderEnv } from '../../../lib/protocol/senders';
import { job } from '../queue/fakes';

// The background's side of the uploader: who gets the upload target (with
// the key), how replies become file codes or errors, and when the offscreen
// document may close.

const extensionId = 'test-extension-id';

function sender(path: string, documentId = 'doc-1'): UploaderSender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(path), documentId };
}

type Command = { type: string; [field: string]: unknown };

/** A report through the real router (sender rule and schema first), as the uploader document sends it; the handler's data, or undefined when refused. */
async function report(bridge: UploadBridge, { type, ...payload }: { type: string; [field: string]: unknown }, from: UploaderSender): Promise<unknown> {
  const env: SenderEnv = {
    extensionId: fakeBrowser.runtime.id,
    base: fakeBrowser.runtime.getURL('/'),
    uploaderPath: bridge.mode === 'offscreen' ? '/offscreen.html' : '/manager.html',
    backgroundPaths: ['/background.js'],
  };
  const reply = await dispatch(bridge.handlers as unknown as Handlers, { vidrelay: 1, type: `uploaderReport.${type}`, payload }, from, env);
  return reply?.ok ? reply.data : undefined;
}

function setup(
  options: {
    offscreen?: boolean;
    uploadTarget?: HostClient['uploadTarget'];
    checkUploadSite?: (url: string) => void;
    mayDownload?: (origin: string) => Promise<boolean>;
  } = {},
) {
  const store = createJobStore();
  const runner = { report: vi.fn(async () => ({}) as Job), uploadDone: vi.fn(async () => undefined), uploadFailed: vi.fn(async () => undefined) };
  const client = {
    preset: { label: 'media.cm', needsLogin: false },
    uploadTarget: options.uploadTarget ?? (async () => ({ url: 'https://s1.media.test/upload/01', fields: { key: 'the-key' }, fileField: 'file' })),
    parseUploadReply: (body: string) => {
      const parsed = JSON.parse(body) as { files: { filecode: string; status: string }[] };
      return parsed.files.map((f) => ({ fileCode: f.filecode, ok: f.status === 'OK', error: f.status === 'OK' ? undefined : f.status }));
    },
  } as unknown as HostClient;
  const offscreen: OffscreenManager = {
    supported: options.offscreen ?? true,
    ensure: vi.fn(async () => undefined),
    exists: vi.fn(async () => true),
    close: vi.fn(async () => undefined),
  };
  const sent: Command[] = [];
  let answer: (command: Command) => unknown = () => undefined;
  const bridge = createUploadBridge({
    store,
    runner,
    clientFor: async () => client,
    secretsOf: async () => ['the-key'],
    checkUploadSite: async (_accountId, url) => options.checkUploadSite?.(url),
    offscreen,
    ...(options.mayDownload ? { mayDownload: options.mayDownload } : {}),
    broadcast: async (type, payload) => {
      const command = { type: type.replace(/^uploader\./, ''), ...payload };
      sent.push(command);
      const data = answer(command);
      return (data === undefined ? undefined : { ok: true, data }) as never;
    },
    now: () => Date.now(),
  });
  return { store, runner, bridge, offscreen, sent, answerWith: (fn: typeof answer) => (answer = fn) };
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as { id: string }).id = extensionId;
});

describe('upload bridge', () => {
  it('hands the target (with the key) only to the offscreen document, only for a job being sent (the router checks who asks)', async () => {
    const { store, bridge } = setup();
    await store.put(job({ id: 'j1', kind: 'file', state: 'sending', attempts: 1 }));
    await expect(report(bridge, { type: 'target', jobId: 'j1' }, sender('/popup.html'))).resolves.toBeUndefined();
    await expect(report(bridge, { type: 'target', jobId: 'j1' }, { ...sender('/offscreen.html'), id: 'other-extension' })).resolves.toBeUndefined();
    await expect(report(bridge, { type: 'target', jobId: 'j1' }, sender('/offscreen.html'))).resolves.toMatchObject({
      ok: true,
      target: { fields: { key: 'the-key' } },
    });
    await store.put(job({ id: 'j2', kind: 'file', state: 'failed' }));
    await expect(report(bridge, { type: 'target', jobId: 'j2' }, sender('/offscreen.html'))).resolves.toMatchObject({ ok: false });
  });

  it('in Firefox the event page uploads (mode background), and a claimed job goes to one uploader only', async () => {
    const { store, bridge } = setup({ offscreen: false });
    expect(bridge.mode).toBe('background');
    await store.put(job({ id: 'j1', kind: 'relay', url: 'https://s.test/a.mp4', state: 'sending', attempts: 1 }));
    // The event page's uploader calls the handlers directly (no message, so no router).
    const target = bridge.handlers['uploaderReport.target'];
    await expect(target({ jobId: 'j1' }, { documentId: 'background' })).resolves.toMatchObject({ ok: true });
    await expect(target({ jobId: 'j1' }, { documentId: 'other' })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('hands no target (and so no key) for an upload server on a site the account does not allow, and says which site', async () => {
    const account = { label: 'Mine', hostId: 'media.cm' as const, allowHttp: false };
    const { store, bridge, runner } = setup({
      uploadTarget: async () => ({ url: 'https://upload.evil-cdn.example/up', fields: { key: 'the-key' }, fileField: 'file' }),
      checkUploadSite: (url) => assertUploadSite(account, url),
    });
    await store.put(job({ id: 'j1', kind: 'file', state: 'sending', attempts: 1 }));
    const reply = await report(bridge, { type: 'target', jobId: 'j1' }, sender('/offscreen.html'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'permission', site: 'evil-cdn.example' } });
    expect(JSON.stringify(reply)).not.toContain('the-key');
    expect(runner.uploadFailed).toHaveBeenCalledWith('j1', expect.objectContaining({ code: 'permission', site: 'evil-cdn.example' }), { bodySent: false });
  });

  it('records a failing upload target (say a wrong key) on the job', async () => {
    const { store, bridge, runner } = setup({ uploadTarget: async () => Promise.reject(new AppError('auth', 'Wrong key')) });
    await store.put(job({ id: 'j1', kind: 'file', state: 'sending', attempts: 1 }));
    await expect(report(bridge, { type: 'target', jobId: 'j1' }, sender('/offscreen.html'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'auth' },
    });
    expect(runner.uploadFailed).toHaveBeenCalledWith('j1', expect.objectContaining({ code: 'auth' }), { bodySent: false });
  });

  it('reads the reply into a file code, and an HTTP 509 into a bandwidth error', async () => {
    const { store, bridge, runner } = setup();
    await store.put(job({ id: 'j1', kind: 'file', state: 'uploading' }));
    await report(bridge, { type: 'done', jobId: 'j1', status: 200, body: '{"files":[{"filecode":"abc","status":"OK"}]}' }, sender('/offscreen.html'));
    expect(runner.uploadDone).toHaveBeenCalledWith('j1', 'abc');
    await report(bridge, { type: 'done', jobId: 'j1', status: 509, body: '<h1>Bandwidth Limit Exceeded the-key</h1>' }, sender('/offscreen.html'));
    const [, error, failure] = runner.uploadFailed.mock.calls.at(-1) as unknown as [string, AppError, unknown];
    expect(error.code).toBe('bandwidth');
    expect(error.message).toMatch(/509/);
    expect(error.message).not.toContain('the-key');
    expect(failure).toEqual({ bodySent: true });
  });

  it.each([
    ['a per-file status', 200, '{"files":[{"filecode":"","status":"Invalid sess_id/key the-key for this server"}]}'],
    ['a per-file status, URL-encoded', 200, '{"files":[{"filecode":"","status":"bad key=the%2Dkey"}]}'.replace('the%2Dkey', encodeURIComponent('the-key'))],
    ['a 403 page', 403, '<h1>Forbidden: key the-key is not valid</h1>'],
    ['a 500 with JSON', 500, '{"msg":"internal error for key \\"the-key\\""}'],
    ['an unreadable 200', 200, 'oops the-key'],
  ])('never passes the key on when the host quotes it in %s', async (_name, status, body) => {
    const { store, bridge, runner } = setup();
    await store.put(job({ id: 'j1', kind: 'file', state: 'uploading' }));
    await report(bridge, { type: 'done', jobId: 'j1', status, body }, sender('/offscreen.html'));
    expect(runner.uploadFailed).toHaveBeenCalledTimes(1);
    const [, error] = runner.uploadFailed.mock.calls[0] as unknown as [string, AppError];
    expect(error.message).not.toContain('the-key');
    expect(JSON.stringify(error)).not.toContain('the-key');
  });

  it('scrubs the key from an uploader error report too', async () => {
    const { store, bridge, runner } = setup();
    await store.put(job({ id: 'j1', kind: 'file', state: 'uploading' }));
    await report(
      bridge,
      { type: 'error', jobId: 'j1', error: { code: 'network', message: 'The connection to the-key.host dropped' }, bodySent: false },
      sender('/offscreen.html'),
    );
    const [, error] = runner.uploadFailed.mock.calls[0] as unknown as [string, AppError];
    expect(error.message).toBe('The connection to ***.host dropped');
  });

  it('turns an uploader error report into a AppError for the runner', async () => {
    const { store, bridge, runner } = setup();
    await store.put(job({ id: 'j1', kind: 'file', state: 'uploading' }));
    await report(bridge, { type: 'error', jobId: 'j1', error: { code: 'network', message: 'dropped' }, bodySent: false }, sender('/offscreen.html'));
    expect(runner.uploadFailed).toHaveBeenCalledWith('j1', expect.objectContaining({ code: 'network', message: 'dropped' }), { bodySent: false });
  });

  it("words a stream relay's refusal in the user's language (the offscreen document has no i18n API) and starts a stream relay as one", async () => {
    const { store, bridge, runner, sent } = setup();
    const relay = job({ id: 'j1', kind: 'relay', state: 'uploading', url: 'https://cdn.test/a/media.m3u8', stream: 'hls' } as never);
    await store.put(relay);
    await report(
      bridge,
      { type: 'error', jobId: 'j1', error: { code: 'unsupported', message: 'streamRefused_live' }, bodySent: false },
      sender('/offscreen.html'),
    );
    expect(runner.uploadFailed).toHaveBeenCalledWith(
      'j1',
      expect.objectContaining({ code: 'unsupported', message: 'This is a live stream: it has no end yet, so it cannot be sent as one file.' }),
      { bodySent: false },
    );
    await bridge.uploadFile(relay as UploadJob);
    expect(sent.at(-1)).toMatchObject({ type: 'start', job: { id: 'j1', kind: 'relay', stream: 'hls', url: 'https://cdn.test/a/media.m3u8' } });
  });

  it("tells a stream relay which of its playlist's origins VidRelay may not download from, and tells nothing for any other job", async () => {
    const { store, bridge } = setup({ mayDownload: async (origin) => origin === 'https://cdn.test' });
    await store.put(job({ id: 's1', kind: 'relay', state: 'uploading', url: 'https://cdn.test/a/media.m3u8', stream: 'hls' } as never));
    await store.put(job({ id: 'p1', kind: 'relay', state: 'uploading', url: 'https://cdn.test/a.mp4' }));
    const origins = ['https://cdn.test', 'https://other.test'];
    await expect(report(bridge, { type: 'origins', jobId: 's1', origins }, sender('/offscreen.html'))).resolves.toEqual({ missing: ['https://other.test'] });
    await expect(report(bridge, { type: 'origins', jobId: 'p1', origins }, sender('/offscreen.html'))).resolves.toEqual({ missing: origins });
    await expect(report(bridge, { type: 'origins', jobId: 's1', origins }, { id: 'other', url: 'https://evil.test/' })).resolves.toBeUndefined();
  });

  it('asks the uploader whether a job is still alive', async () => {
    const { bridge, answerWith, offscreen } = setup();
    const j = job({ id: 'j1', kind: 'file', state: 'uploading' });
    answerWith(() => ({ running: ['j1'], held: [] }));
    await expect(bridge.uploadAlive(j as UploadJob)).resolves.toBe(true);
    answerWith(() => ({ running: [], held: ['j1'] }));
    await expect(bridge.uploadAlive(j as UploadJob)).resolves.toBe('held');
    answerWith(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(bridge.uploadAlive(j as UploadJob)).resolves.toBe(false);
    vi.mocked(offscreen.exists).mockResolvedValueOnce(false);
    await expect(bridge.uploadAlive(j as UploadJob)).resolves.toBe(false);
  });

  it('says no-file when no uploader takes the start command, and never broadcasts the key', async () => {
    const { bridge, sent } = setup();
    await expect(bridge.uploadFile(job({ id: 'j1', kind: 'file', state: 'sending' }) as UploadJob)).resolves.toBe('no-file');
    expect(JSON.stringify(sent)).not.toContain('the-key');
  });

  it('keeps Files for jobs that may be retried and closes the document only when idle', async () => {
    const { store, bridge, offscreen } = setup();
    await store.put(job({ id: 'failed', kind: 'file', state: 'failed' }));
    await store.put(job({ id: 'done', kind: 'file', state: 'encoding', fileCode: 'x' }));
    await expect(report(bridge, { type: 'needed', jobIds: ['failed', 'done', 'removed'] }, sender('/offscreen.html'))).resolves.toEqual({
      needed: ['failed'],
    });
    await report(bridge, { type: 'idle' }, sender('/offscreen.html'));
    expect(offscreen.close).toHaveBeenCalledTimes(1);
    await store.put(job({ id: 'waiting', kind: 'file', state: 'queued' }));
    await report(bridge, { type: 'idle' }, sender('/offscreen.html'));
    expect(offscreen.close).toHaveBeenCalledTimes(1);
  });
});
