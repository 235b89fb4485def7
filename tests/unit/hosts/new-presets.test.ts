// The documented example replies of each preset added beyond the seeds,
// through that preset's client: its endpoint path, the envelope and the
// parser. Expected values were checked by hand against the documents.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { getPreset } from '../../../lib/hosts';
import type { HostClient } from '../../../lib/hosts/types';
import { accessPatternsOf } from '../../../lib/accounts/sites';
import { originsFor } from '../../../lib/accounts/permissions';
import { fixtureClient, hostFixture } from './fixture-client';
import { xfsTemplateInfo } from './template-info';

type Call = (client: HostClient, body: string) => unknown;
const info: Call = (c) => c.accountInfo();
const stats: Call = (c) => c.accountStats();
const server: Call = async (c) => (await c.uploadTarget()).url;
const reply: Call = (c, body) => c.parseUploadReply(body);
const remote: Call = (c) => c.remoteUpload('https://example.com/v.mp4');

const doodDay = (day: string) => ({ day, views: 0, downloads: 0, profit: 0 });
const xfsTemplateDay = [{ day: '2021-09-12', views: 0, downloads: 0, profit: 0, sales: 0, refs: 0 }];

const cases: [host: string, fixture: string, path: string | undefined, call: Call, expected: unknown][] = [
  [
    'doodstream.com',
    'account-info',
    'account/info',
    info,
    { email: 'email@test.com', balance: 0, storageUsed: 24186265, storageLeft: 128824832615, premiumExpire: '2025-10-24T21:00:00.000Z' },
  ],
  ['doodstream.com', 'account-stats', 'account/stats', stats, [doodDay('2017-08-11'), doodDay('2017-08-12')]],
  ['doodstream.com', 'dmca-list', 'dmca/list', (c) => c.dmcaFiles(), [{ fileCode: 'xxx', deleteAt: '2017-08-11T05:00:07.000Z' }]],
  ['doodstream.com', 'upload-server', 'upload/server', server, 'https://xxx.dood.video/upload/01'],
  ['doodstream.com', 'upload-reply', undefined, reply, [{ fileCode: 'xxx', name: 'test_file', size: 123456, ok: true }]],
  ['doodstream.com', 'upload-url', 'upload/url', remote, { fileCode: '98zukoh5jqiw' }],
  [
    'filemoon.sx',
    'account-info',
    'account/info',
    info,
    { email: '[email protected]', balance: 0, storageUsed: 24186265, storageLeft: 128824832615, premiumExpire: '2015-10-24T21:00:00.000Z' },
  ],
  ['filemoon.sx', 'account-stats', 'account/stats', stats, [{ day: '2017-09-12', views: 0, downloads: 0, profit: 0, sales: 0, refs: 0 }]],
  ['filemoon.sx', 'upload-server', 'upload/server', server, 'https://filemoonapi.com/upload/01'],
  ['filemoon.sx', 'upload-reply', undefined, reply, [{ fileCode: 'tnklyibwwpsh', name: 'qwbs4m4ze4j4.mp4', ok: true }]],
  ['filemoon.sx', 'upload-url', 'upload/url', remote, { fileCode: 'jthi5jdsu8t9' }],
  ...(['streamwish.com', 'upstream.to', 'lulustream.com', 'viddly.stream'] as const).flatMap((host) => [
    [host, 'account-info', 'account/info', info, xfsTemplateInfo] as [string, string, string, Call, unknown],
    [host, 'account-stats', 'account/stats', stats, xfsTemplateDay] as [string, string, string, Call, unknown],
  ]),
  ['streamwish.com', 'upload-server', 'upload/server', server, 'https://s1.myvideo.com/upload/01'],
  ['lulustream.com', 'upload-server', 'upload/server', server, 'https://s1.myvideo.com/upload/01'],
  ['viddly.stream', 'upload-server', 'upload/server', server, 'https://s1.myvideo.com/upload/01'],
  ['upstream.to', 'upload-server', 'upload/server', server, 'https://s01.upstreamcdn.co/upload/01'],
  // voe.sx: storage_left is negative in its example, read as unlimited like XFS's -1.
  ['voe.sx', 'account-info', 'account/info', info, { email: 'email@example.com', balance: 0, storageUsed: 2101860825, storageLeft: null }],
  ['voe.sx', 'account-stats', 'account/stats', stats, [{ day: '2023-02-26', views: 0, downloads: 0, profit: 0 }]],
  ['voe.sx', 'upload-server', 'upload/server', server, 'https://delivery-node-***.voe-network.net/***/01'],
  ['voe.sx', 'upload-reply', undefined, reply, [{ fileCode: 'abc123456789', name: 'File.mp4', ok: true }]],
  [
    'streamsb.com',
    'account-info',
    'account/info',
    info,
    { email: '[email protected]', balance: 0, storageUsed: 24186265, storageLeft: 128824832615, premiumExpire: '2020-01-20T21:00:00.000Z' },
  ],
  ['streamsb.com', 'file-info-missing', 'file/info', (c) => c.fileInfo(['gi4t0tl4o01u']), [{ fileCode: 'gi4t0tl4o01u', status: 'missing' }]],
];

describe('new presets on their documented replies', () => {
  it.each(cases)('%s %s', async (host, name, path, call, expected) => {
    const body = hostFixture(host, name);
    const { client, urls } = fixtureClient(host, body);
    const value = await call(client, body);
    expect(value).toEqual(expected);
    if (path) {
      expect(urls).toHaveLength(1);
      expect(urls[0]!.pathname.endsWith(`/${path}`)).toBe(true);
      expect(urls[0]!.origin).toBe(new URL(getPreset(host)!.apiBase).origin);
    }
  });

  it("doodstream.com's slot counts, as its upload/url reply shows them, read as remote-upload slots", async () => {
    const { client, urls } = fixtureClient('doodstream.com', hostFixture('doodstream.com', 'upload-url'));
    expect(await client.remoteUploadSlots()).toEqual({ total: 100, used: 0, free: 100 });
    expect(urls[0]!.pathname).toBe('/api/urlupload/slots');
  });

  it("doodstream.com's upload form carries the key as api_key", async () => {
    const { client } = fixtureClient('doodstream.com', hostFixture('doodstream.com', 'upload-server'));
    expect((await client.uploadTarget()).fields).toEqual({ api_key: 'FixtureKey12345' });
  });

  it("doodstream.com's documented 429 (status as text) is rate_limited", async () => {
    const { client } = fixtureClient('doodstream.com', hostFixture('doodstream.com', 'rate-limited'));
    const error = await client.accountInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('rate_limited');
  });

  it("streamsb.com's file/info example, with its broken quotes, is a clear invalid_response", async () => {
    const { client } = fixtureClient('streamsb.com', hostFixture('streamsb.com', 'file-info'));
    const error = await client.fileInfo(['gi4t0tl4o01u']).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('invalid_response');
  });
});

describe('host access for the new presets', () => {
  it('asks for the upload-server domains their documents show, beside the API site', () => {
    const patterns = (hostId: 'doodstream.com' | 'voe.sx' | 'megamax.me' | 'streamwish.com') => accessPatternsOf({ hostId, allowHttp: false });
    expect(patterns('doodstream.com')).toEqual(expect.arrayContaining(['https://doodapi.com/*', 'https://*.dood.video/*', 'https://*.cloudatacdn.com/*']));
    expect(patterns('voe.sx')).toEqual(expect.arrayContaining(['https://*.voe-network.net/*']));
    expect(patterns('megamax.me')).toEqual(expect.arrayContaining(['https://*.megamax.cloud/*']));
    expect(patterns('streamwish.com')).toEqual(['https://streamwish.com/*', 'https://*.streamwish.com/*']);
    // A page without the background's answer asks for the API host and the declared upload domains only.
    expect(originsFor('https://api.streamwish.com/api', 'streamwish.com')).toEqual(['https://api.streamwish.com/*']);
    expect(originsFor('https://doodapi.com/api', 'doodstream.com')).toEqual(
      expect.arrayContaining(['https://doodapi.com/*', 'https://*.dood.video/*', 'https://*.cloudatacdn.com/*']),
    );
  });
});
