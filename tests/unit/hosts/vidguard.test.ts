// VidGuard (lib/hosts/vidguard): the document's example replies through the
// preset's own client (paths, envelope, capitalised fields), then the
// replies its document does not show but hosts send: numbers as text, other
// spellings, HTML, broken JSON, errors inside HTTP 200, a wrong key.
import { describe, expect, it } from 'vitest';
import { createHostClient, getPreset } from '../../../lib/hosts';
import { hostError, rejection } from './app-error';
import { fixtureClient, hostFixture } from './fixture-client';
import { ctx, vidguardParsers } from './parsers';

const doc = (name: string) => hostFixture('vidguard.to', name);

describe('vidguard.to on its documented replies', () => {
  it('reads user/info from api.vidguard.to/v1 with the key', async () => {
    const { client, urls } = fixtureClient('vidguard.to', doc('user-info'));
    expect(await client.accountInfo()).toEqual({ email: '[email protected]', balance: 2.1 });
    expect(urls.map((u) => `${u.origin}${u.pathname}`)).toEqual(['https://api.vidguard.to/v1/user/info']);
    expect(urls[0]!.searchParams.get('key')).toBe('FixtureKey12345');
  });

  it('reads the open complaints as the DMCA list, each affected video once', async () => {
    const { client, urls } = fixtureClient('vidguard.to', doc('user-complaints'));
    // The second complaint is resolved: its videos are not at risk.
    expect(await client.dmcaFiles()).toEqual([{ fileCode: '8qL0YgYQEDRXyz' }]);
    expect(urls[0]!.pathname).toBe('/v1/user/complaints');
  });

  it('reads the older edition, whose complaints carry no status, as all open', async () => {
    const { client } = fixtureClient('vidguard.to', doc('user-complaints-old'));
    expect(await client.dmcaFiles()).toEqual([{ fileCode: '8qL0YgYQEDRXyz' }, { fileCode: 'd34dcopy' }, { fileCode: 'n0ta110m3b' }]);
  });

  it('asks upload/server for the URL to POST to, with the key (and a numeric folder) as form fields', async () => {
    const { client, urls } = fixtureClient('vidguard.to', doc('upload-server'));
    expect(await client.uploadTarget()).toEqual({
      url: 'https://video.server.com/v1/upload?token=8ZI27C4Nx7DSWo-7wtMIFA',
      fields: { key: 'FixtureKey12345' },
      fileField: 'file',
    });
    expect(urls[0]!.pathname).toBe('/v1/upload/server');
    expect((await client.uploadTarget({ folderId: '12', title: 'ignored' })).fields).toEqual({ key: 'FixtureKey12345', folder: '12' });
  });

  it('refuses a folder id that is not a number before asking the host', async () => {
    const { client, urls } = fixtureClient('vidguard.to', doc('upload-server'));
    expect((await rejection(client.uploadTarget({ folderId: 'Movies' }))).code).toBe('invalid_input');
    expect(urls).toHaveLength(0);
  });

  it('reads the upload reply: HashID, name and size', () => {
    const { client } = fixtureClient('vidguard.to', '');
    expect(client.parseUploadReply(doc('upload-reply'))).toEqual([{ fileCode: 'lrabVOQpEKdWMe', name: 'abc.mp4', size: 8085442, ok: true }]);
  });

  it('builds the watch link the upload reply shows (//vidguard.to/v/{HashID})', () => {
    const { client } = fixtureClient('vidguard.to', '');
    const reply = JSON.parse(doc('upload-reply')) as { result: { URL: string } };
    expect(client.links('lrabVOQpEKdWMe').watch).toBe(`https:${reply.result.URL}`);
  });

  it('offers only what the document shows', () => {
    expect([...getPreset('vidguard.to')!.capabilities].sort()).toEqual(['accountInfo', 'dmcaFiles', 'upload']);
  });
});

describe('vidguard.to beyond its document', () => {
  const info = vidguardParsers['user-info']!;
  const upload = vidguardParsers['upload-reply']!;
  const complaints = vidguardParsers['user-complaints']!;

  it('reads numbers and the status as text, and other spellings of the field names', () => {
    expect(info('{"msg":"Done","result":{"Balance":"2.10","Email":"a@b.test"},"status":"200"}')).toEqual({ email: 'a@b.test', balance: 2.1 });
    expect(info('{"msg":"Done","result":{"balance":3,"email":"a@b.test"},"status":200}')).toEqual({ email: 'a@b.test', balance: 3 });
    expect(upload('{"msg":"Video uploaded","result":{"hash_id":"abcDEF123456xy","size":"10"},"status":200}')).toEqual([
      { fileCode: 'abcDEF123456xy', size: 10, ok: true },
    ]);
    expect(complaints('{"msg":"Done","result":null,"status":200}')).toEqual([]);
    expect(complaints('{"msg":"Done","result":[{"AffectedVideos":"a1,b2","Status":"OPEN"}],"status":200}')).toEqual([{ fileCode: 'a1' }, { fileCode: 'b2' }]);
  });

  it.each([
    ['{"msg":"Invalid API key","result":null,"status":403}', 'auth', false],
    ['{"msg":"Unauthorized","result":null,"status":200}', 'auth', false],
    ['{"msg":"Too many requests","status":"429"}', 'rate_limited', true],
    ['{"msg":"Video not found","status":404}', 'not_found', false],
    ['{"msg":"Internal error","status":500}', 'server', true],
    ['{"msg":"Something went wrong","status":"error"}', 'bad_request', false],
  ])('maps a 200 reply with body %s to %s', (body, code, retryable) => {
    const error = hostError(() => info(body));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('maps a wrong key to auth by HTTP status alone, and never quotes the key', () => {
    expect(hostError(() => info('<html><body>Forbidden</body></html>', 401)).code).toBe('auth');
    expect(hostError(() => info('{"msg":"x"}', 403)).code).toBe('auth');
    const error = hostError(() => info(`{"msg":"bad key ${ctx.secrets[0]}","status":401}`));
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain(ctx.secrets[0]);
  });

  it('turns HTML, invalid JSON and a reply without its result into invalid_response', () => {
    expect(hostError(() => info('<!DOCTYPE html><html><body>Maintenance</body></html>')).message).toMatch(/HTML page instead of JSON/);
    expect(hostError(() => info('{"msg":"Done",')).code).toBe('invalid_response');
    expect(hostError(() => info('{"msg":"Done","status":200}')).code).toBe('invalid_response');
    expect(hostError(() => vidguardParsers['upload-server']!('{"msg":"Done","result":{},"status":200}')).code).toBe('invalid_response');
  });

  it('reads an upload refused inside the envelope as that failure, and a reply naming no video as invalid_response', () => {
    expect(hostError(() => upload('{"msg":"File too large","result":null,"status":400}')).code).toBe('bad_request');
    expect(hostError(() => upload('{"msg":"Video uploaded","result":{"Name":"a.mp4"},"status":200}')).code).toBe('invalid_response');
    expect(hostError(() => upload('<html><body>413 Request Entity Too Large</body></html>')).code).toBe('invalid_response');
  });

  it('rejects what the document does not show without a request', async () => {
    let asked = 0;
    const fetch = (async () => {
      asked++;
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const client = createHostClient({ id: 'v', hostId: 'vidguard.to', key: 'k-1234567' }, { fetch });
    for (const call of [
      () => client.listFiles(),
      () => client.remoteUpload('https://example.com/v.mp4'),
      () => client.listFolder(),
      () => client.accountStats(),
    ]) {
      expect((await rejection(call())).code).toBe('unsupported');
    }
    expect(asked).toBe(0);
  });
});
