// @vitest-environment node
// The Streamtape and Mixdrop families on their documents' example replies
// (tests/fixtures/hosts/<host>/): first through the family's reader, then
// through each preset's client, with its endpoint path, credentials and
// parameters. Expected values were checked by hand against the documents.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { createHostClient, getPreset } from '../../../lib/hosts';
import { uploadEndpoint } from '../../../lib/hosts/mixdrop/client';
import { paceFor, requestsPerSecond } from '../../../lib/hosts/mixdrop/pace';
import { fixtureClient, hostFixture } from './fixture-client';
import { familyFixtureHosts, fixture, parserFor } from './parsers';

const folderListing = {
  folders: [{ folderId: 'B-qlJkdHFeo', name: 'Subfolder' }],
  files: [
    {
      fileCode: 'rbAarvRPXdYbaxY',
      title: 'MyMinecraftLetsPlay.mp4',
      status: 'ready',
      size: 7040842,
      downloads: 0,
      uploaded: '2020-03-30T01:49:47.430Z',
      link: 'https://streamtape.com/v/rbAarvRPXdYbaxY/MyMinecraftLetsPlay.mp4',
    },
  ],
};
const converts = [
  { fileCode: 'XklyYLYAZZZDZW', title: 'streamtape.mp4', progress: 0, status: 'new', link: 'https://streamtape.com/v/XklyYLYAZZZDZW/streamtape.mp4' },
  { fileCode: 'B4GaCbJAAAyBxb', title: 'Blender.mp4', progress: 75, status: 'pending', link: 'https://streamtape.com/v/B4GaCbJAAAyBxb/Blender.mp4' },
];
// The document lists the status words as alternatives in one string, which matches none of them.
const remoteEntry = {
  fileCode: 'lOd3o',
  url: 'https://domain3426.com/file.zip',
  state: 'unknown',
  hostStatus: 'Download queue|Downloading|Complete|Error',
  created: '2019-06-04T09:20:07.000Z',
};

const documented: [host: string, fixture: string, expected: unknown][] = [
  ['streamtape.com', 'account-info', { email: '[email protected]' }],
  ['streamtape.com', 'file-createfolder', { folderId: 'LnvnE51P5gc', name: 'New Folder' }],
  ['streamtape.com', 'file-listfolder', folderListing],
  ['streamtape.com', 'file-runningconverts', converts],
  ['nupload.me', 'account-info', { email: '[email protected]' }],
  ['mixdrop.ag', 'upload-reply', [{ fileCode: 'lOd3o', ok: true }]],
  ['mixdrop.ag', 'upload-reply-club', [{ fileCode: 'lOd3o', ok: true }]],
  ['mixdrop.ag', 'remoteupload', { fileCode: 'lOd3o' }],
  ['mixdrop.ag', 'remoteupload-club', { fileCode: 'lOd3o' }],
  ['mixdrop.ag', 'remotestatus', [remoteEntry]],
];

/** Examples no reader can take as written: PHP's `=>` in Mixdrop's old file info. */
const unreadable: [host: string, fixture: string][] = [['mixdrop.ag', 'fileinfo-club']];

function failure(run: () => unknown): Promise<AppError> {
  return Promise.resolve()
    .then(run)
    .then(
      () => {
        throw new Error('expected a AppError');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      },
    );
}

describe('documented example replies of the Streamtape and Mixdrop families', () => {
  it.each(documented)('%s %s', (host, name, expected) => {
    expect(parserFor(host, name)(fixture(host, name))).toEqual(expected);
  });

  it.each(unreadable)('%s %s is a clear invalid_response', async (host, name) => {
    expect((await failure(() => parserFor(host, name)(fixture(host, name)))).code).toBe('invalid_response');
  });

  it('covers every fixture file of these hosts', () => {
    const files = familyFixtureHosts.flatMap((host) =>
      readdirSync(join(__dirname, '../../fixtures/hosts', host)).map((f) => `${host} ${f.replace(/\.(json|txt)$/, '')}`),
    );
    expect(files.sort()).toEqual([...documented, ...unreadable].map(([h, f]) => `${h} ${f}`).sort());
  });
});

describe('Streamtape through its client', () => {
  const auth = (url: URL) => [url.searchParams.get('login'), url.searchParams.get('key')];

  it('asks account/info on api.streamtape.com with login and key', async () => {
    const { client, urls } = fixtureClient('streamtape.com', hostFixture('streamtape.com', 'account-info'));
    expect(await client.accountInfo()).toEqual({ email: '[email protected]' });
    expect(urls.map(String)).toEqual(['https://api.streamtape.com/account/info?login=fixture&key=FixtureKey12345']);
  });

  it('asks the same of api.nupload.me', async () => {
    const { client, urls } = fixtureClient('nupload.me', hostFixture('nupload.me', 'account-info'));
    expect(await client.accountInfo()).toEqual({ email: '[email protected]' });
    expect(urls[0]!.origin).toBe('https://api.nupload.me');
    expect(auth(urls[0]!)).toEqual(['fixture', 'FixtureKey12345']);
  });

  it('lists a folder by its text id, its entries placed in it', async () => {
    const { client, urls } = fixtureClient('streamtape.com', hostFixture('streamtape.com', 'file-listfolder'));
    const listing = await client.listFolder('LnvnE51P5gc');
    expect(listing.folders).toEqual([{ folderId: 'B-qlJkdHFeo', name: 'Subfolder', parentId: 'LnvnE51P5gc' }]);
    expect(listing.files).toEqual([{ ...folderListing.files[0], folderId: 'LnvnE51P5gc' }]);
    expect(urls[0]!.pathname).toBe('/file/listfolder');
    expect(urls[0]!.searchParams.get('folder')).toBe('LnvnE51P5gc');
    // The root takes no folder id, "0" (the XFS root) included.
    await client.listFolder('0');
    expect(urls[1]!.searchParams.has('folder')).toBe(false);
  });

  it('creates a folder under a parent (pid)', async () => {
    const { client, urls } = fixtureClient('streamtape.com', hostFixture('streamtape.com', 'file-createfolder'));
    expect(await client.createFolder('Mine', { parentId: 'B-qlJkdHFeo' })).toEqual({ folderId: 'LnvnE51P5gc', name: 'Mine', parentId: 'B-qlJkdHFeo' });
    expect(urls[0]!.pathname).toBe('/file/createfolder');
    expect([urls[0]!.searchParams.get('name'), urls[0]!.searchParams.get('pid')]).toEqual(['Mine', 'B-qlJkdHFeo']);
  });

  it('reads the running converts as the encoding queue, progress in percent', async () => {
    const { client, urls } = fixtureClient('streamtape.com', hostFixture('streamtape.com', 'file-runningconverts'));
    expect(await client.encodings('B4GaCbJAAAyBxb')).toEqual([converts[1]]);
    expect(urls[0]!.pathname).toBe('/file/runningconverts');
  });

  it('asks file/ul for an upload URL per file and posts nothing but the file to it', async () => {
    const reply = '{"status":200,"msg":"OK","result":{"url":"https://tapecontent.example/ul/AbC123?x=1","valid_until":"2020-01-01 00:00:00"}}';
    const { client, urls } = fixtureClient('streamtape.com', reply);
    expect(await client.uploadTarget({ folderId: 'B-qlJkdHFeo', title: 'ignored' })).toEqual({
      url: 'https://tapecontent.example/ul/AbC123?x=1',
      fields: {},
      fileField: 'file',
    });
    expect(urls[0]!.pathname).toBe('/file/ul');
    expect(urls[0]!.searchParams.get('folder')).toBe('B-qlJkdHFeo');
  });

  it('reads the upload reply by linkid, else by the id in its link, else by id', () => {
    const { client } = fixtureClient('streamtape.com', '');
    const body = (result: object) => JSON.stringify({ status: 200, msg: 'OK', result });
    expect(client.parseUploadReply(body({ linkid: 'AAAAbbbbCCCC1', name: 'a.mp4', size: '12', id: 'x' }))).toEqual([
      { fileCode: 'AAAAbbbbCCCC1', name: 'a.mp4', size: 12, ok: true },
    ]);
    expect(client.parseUploadReply(body({ id: '17', url: 'https://streamtape.com/v/QqQqQqQqQq9/a.mp4' }))[0]!.fileCode).toBe('QqQqQqQqQq9');
    expect(client.parseUploadReply(body({ id: 'ZzZzZzZz1' }))[0]!.fileCode).toBe('ZzZzZzZz1');
  });

  it('takes a remote URL that names no file yet: pending for a caller that can wait, a non-retryable error otherwise', async () => {
    const reply = '{"status":200,"msg":"OK","result":{"id":"ugy9vk9wrmk","folderid":"4248"}}';
    const { client, urls } = fixtureClient('streamtape.com', reply);
    expect(await client.remoteUpload('https://example.com/v.mp4', { acceptPending: true, folderId: '4248' })).toEqual({ pending: true });
    expect(urls[0]!.pathname).toBe('/remotedl/add');
    expect([urls[0]!.searchParams.get('url'), urls[0]!.searchParams.get('folder')]).toEqual(['https://example.com/v.mp4', '4248']);
    const error = await failure(() => client.remoteUpload('https://example.com/v.mp4'));
    expect([error.code, error.retryable]).toEqual(['invalid_response', false]);
  });

  it('finds the file of a remote upload in remotedl/status once fetched, numbers as text', async () => {
    const reply = JSON.stringify({
      status: 200,
      msg: 'OK',
      result: {
        ugy9vk9wrmk: {
          id: 'ugy9vk9wrmk',
          remoteurl: 'http://a.example/v.mp4',
          status: 'finished',
          bytes_loaded: '2048',
          bytes_total: '2048',
          folderid: '4248',
          added: '2017-09-22 10:16:58',
          extid: false,
          url: 'https://streamtape.com/v/rbAarvRPXdYbaxY/v.mp4',
        },
        ugy9vk9wrml: {
          id: 'ugy9vk9wrml',
          remoteurl: 'http://a.example/w.mp4',
          status: 'new',
          bytes_loaded: null,
          bytes_total: null,
          folderid: '4248',
          added: '2017-09-22 10:16:58',
          extid: false,
          url: false,
        },
      },
    });
    const { client, urls } = fixtureClient('streamtape.com', reply);
    expect(await client.remoteUploadStatus()).toEqual([
      {
        fileCode: 'rbAarvRPXdYbaxY',
        url: 'http://a.example/v.mp4',
        state: 'done',
        hostStatus: 'finished',
        bytesTotal: 2048,
        bytesDone: 2048,
        created: '2017-09-22T10:16:58.000Z',
        folderId: '4248',
      },
      { url: 'http://a.example/w.mp4', state: 'queued', hostStatus: 'new', created: '2017-09-22T10:16:58.000Z', folderId: '4248' },
    ]);
    expect(await client.remoteUploadStatus('rbAarvRPXdYbaxY')).toHaveLength(1);
    expect(urls[0]!.pathname).toBe('/remotedl/status');
  });

  it('renames, moves and deletes one file per call', async () => {
    const { client, urls } = fixtureClient('streamtape.com', '{"status":200,"msg":"OK","result":true}');
    expect(await client.editFile(['AAAAbbbbCCCC1', 'AAAAbbbbCCCC2'], { title: 'New name.mp4' })).toEqual([
      { fileCode: 'AAAAbbbbCCCC1', ok: true },
      { fileCode: 'AAAAbbbbCCCC2', ok: true },
    ]);
    await client.moveFiles(['AAAAbbbbCCCC1'], 'B-qlJkdHFeo');
    await client.deleteFiles(['AAAAbbbbCCCC1']);
    await client.editFolder('B-qlJkdHFeo', { name: 'Renamed' });
    expect(
      urls.map(
        (u) =>
          `${u.pathname} ${[...u.searchParams]
            .filter(([k]) => k !== 'login' && k !== 'key')
            .map(([k, v]) => `${k}=${v}`)
            .join('&')}`,
      ),
    ).toEqual([
      '/file/rename file=AAAAbbbbCCCC1&name=New name.mp4',
      '/file/rename file=AAAAbbbbCCCC2&name=New name.mp4',
      '/file/move file=AAAAbbbbCCCC1&folder=B-qlJkdHFeo',
      '/file/delete file=AAAAbbbbCCCC1',
      '/file/renamefolder folder=B-qlJkdHFeo&name=Renamed',
    ]);
    // Only the name can change: anything else is refused before a request.
    expect((await failure(() => client.editFile(['AAAAbbbbCCCC1'], { description: 'x' }))).code).toBe('unsupported');
    expect((await failure(() => client.editFolder('B-qlJkdHFeo', { parentId: '1' }))).code).toBe('unsupported');
    expect(urls).toHaveLength(5);
  });
});

describe('Mixdrop through its client', () => {
  it('posts uploads to ul.mixdrop.ag/api with e-mail and key in the form, without asking the API first', async () => {
    const { client, urls } = fixtureClient('mixdrop.ag', '');
    expect(await client.uploadTarget({ folderId: '35' })).toEqual({
      url: 'https://ul.mixdrop.ag/api',
      fields: { email: 'fixture', key: 'FixtureKey12345', folder: '35' },
      fileField: 'file',
    });
    expect(urls).toHaveLength(0);
  });

  it('keeps the upload endpoint beside the API base it was given', () => {
    expect(uploadEndpoint('https://api.mixdrop.ag')).toBe('https://ul.mixdrop.ag/api');
    expect(uploadEndpoint('https://api.mixdrop.club')).toBe('https://ul.mixdrop.club/api');
    expect(uploadEndpoint('http://127.0.0.1:8080/mixdrop.ag/api')).toBe('http://127.0.0.1:8080/mixdrop.ag/api/upload');
  });

  it('sends a remote URL with its name and folder, and gets the fileref at once', async () => {
    const { client, urls } = fixtureClient('mixdrop.ag', hostFixture('mixdrop.ag', 'remoteupload'));
    expect(await client.remoteUpload('https://example.com/v.mp4', { title: 'My clip', folderId: '35' })).toEqual({ fileCode: 'lOd3o' });
    expect(urls.map(String)).toEqual([
      'https://api.mixdrop.ag/remoteupload?email=fixture&key=FixtureKey12345&url=https%3A%2F%2Fexample.com%2Fv.mp4&name=My+clip&folder=35',
    ]);
  });

  it('reads the remote-upload queue without an id and picks the entry by fileref', async () => {
    const { client, urls } = fixtureClient('mixdrop.ag', hostFixture('mixdrop.ag', 'remotestatus'));
    expect(await client.remoteUploadStatus('lOd3o')).toEqual([remoteEntry]);
    expect(await client.remoteUploadStatus('zzzzz')).toEqual([]);
    expect(urls[0]!.pathname).toBe('/remotestatus');
    expect(urls[0]!.searchParams.has('id')).toBe(false);
  });

  it('reads the old file-info example once its PHP arrows are JSON colons, numbers as text, a file it leaves out missing', async () => {
    const body = hostFixture('mixdrop.ag', 'fileinfo-club').replace(/=>/g, ':');
    const { client, urls } = fixtureClient('mixdrop.ag', body);
    expect(await client.fileInfo(['lOd3o', 'zzzzz'])).toEqual([
      // The document lists the status words as alternatives; "Convert Queue" is among them.
      { fileCode: 'lOd3o', title: 'file.zip', status: 'queued', size: 3347384, uploaded: '2019-06-04T09:25:07.000Z', link: 'https://mixdrop.club/f/lOd3o' },
      { fileCode: 'zzzzz', status: 'missing' },
    ]);
    expect(urls[0]!.pathname).toBe('/fileinfo2');
    expect(urls[0]!.searchParams.getAll('ref[]')).toEqual(['lOd3o', 'zzzzz']);
  });

  it('reads file info keyed by fileref, and asks at most 50 files a call', async () => {
    const body = JSON.stringify({ success: true, result: { abc: { fileref: 'abc', title: 'A', status: 'OK', deleted: false, added: '1559640307' } } });
    const { client, urls } = fixtureClient('mixdrop.ag', body);
    const codes = Array.from({ length: 120 }, (_, i) => (i === 70 ? 'abc' : `f${i}`));
    const files = await client.fileInfo(codes);
    expect(files).toHaveLength(120);
    expect(files[70]).toEqual({ fileCode: 'abc', title: 'A', status: 'ready', uploaded: '2019-06-04T09:25:07.000Z' });
    expect(files.filter((f) => f.status === 'missing')).toHaveLength(119);
    expect(urls.map((u) => u.searchParams.getAll('ref[]').length)).toEqual([50, 50, 20]);
  });

  it('calls its wrong credentials a wrong e-mail and key', async () => {
    const { client } = fixtureClient('mixdrop.ag', '{"success":false,"result":{"msg":"Wrong email or api key"}}');
    const error = await failure(() => client.fileInfo(['lOd3o']));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/e-mail and key/);
  });

  it('proves the credentials for account info on its remote-upload queue', async () => {
    const { client, urls } = fixtureClient('mixdrop.ag', '{"success":true,"result":[]}');
    expect(await client.accountInfo()).toEqual({ email: 'fixture' });
    expect(urls[0]!.pathname).toBe('/remotestatus');
    // A refusal about the call, not the credentials, still proves them; one about the credentials does not.
    expect(await fixtureClient('mixdrop.ag', '{"success":false,"result":{"msg":"No remote uploads"}}').client.accountInfo()).toEqual({ email: 'fixture' });
    expect((await failure(() => fixtureClient('mixdrop.ag', '{"success":false,"result":{"msg":"Invalid API key"}}').client.accountInfo())).code).toBe('auth');
  });
});

describe('both families need the name beside the key', () => {
  it.each(['streamtape.com', 'mixdrop.ag'])('%s refuses without it before any request', async (hostId) => {
    let asked = 0;
    const fetch = (async () => {
      asked++;
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const client = createHostClient({ id: 'a', hostId: hostId as 'mixdrop.ag', key: 'k-123456' }, { fetch });
    expect((await failure(() => client.accountInfo())).code).toBe('invalid_input');
    expect(asked).toBe(0);
    expect(getPreset(hostId)!.needsLogin).toBe(true);
  });

  it('says what the host calls it', () => {
    expect(getPreset('mixdrop.ag')!.loginKind).toBe('email');
    expect(getPreset('streamtape.com')!.loginKind ?? 'login').toBe('login');
  });
});

describe("Mixdrop's 10 requests a second", () => {
  it('starts ten in any second and makes the rest wait their turn', async () => {
    let clock = 5_000;
    const starts: number[] = [];
    const sleep = async (ms: number) => {
      clock += ms;
    };
    for (let i = 0; i < 25; i++) {
      await paceFor('https://pace.example', () => clock, sleep);
      starts.push(clock);
    }
    expect(requestsPerSecond).toBe(10);
    expect(starts.filter((t) => t === 5_000)).toHaveLength(10);
    expect(starts.filter((t) => t === 6_000)).toHaveLength(10);
    expect(starts.filter((t) => t === 7_000)).toHaveLength(5);
    // Another origin does not wait for this one.
    await paceFor(
      'https://other.example',
      () => clock,
      async () => {
        throw new Error('should not wait');
      },
    );
  });
});
