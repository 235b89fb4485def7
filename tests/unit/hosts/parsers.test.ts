// Every example reply in the five host documents, typos intact, through the
// same envelope + parser the clients use. Expected values were checked by
// hand against the documents.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostError } from './app-error';
import { ctx, fixture, fixtureHosts, parserFor, xfsParsers } from './parsers';
import { xfsTemplateInfo } from './template-info';

const documented: [host: string, endpoint: string, expected: unknown][] = [
  [
    'media.cm',
    'account-info',
    {
      login: 'neo',
      email: 'name@mail.com',
      balance: 8,
      storageUsed: 54126265,
      storageLeft: 19882932614,
      premium: true,
      premiumExpire: '2022-01-22T22:18:00.000Z',
      filesTotal: 62,
    },
  ],
  ['media.cm', 'account-stats', [{ day: '2022-01-22', views: 0, downloads: 0, profit: 0, sales: 0, refs: 0 }]],
  ['media.cm', 'file-copy', {}],
  ['media.cm', 'file-delete', undefined],
  [
    'media.cm',
    'file-deleted',
    [
      { fileCode: 'jfru5kl9dhrt', title: 'video.mp4', deleted: '2022-01-23T20:00:01.000Z', deletedAgoSec: 435316 },
      { fileCode: 'jfru5kl9dhrt', title: 'video.mp4', deleted: '2022-01-23T20:30:02.000Z', deletedAgoSec: 434516 },
    ],
  ],
  [
    'media.cm',
    'file-edit',
    [
      { fileCode: 'fheu5klo9dw0', ok: true },
      { fileCode: 'frtg9gher012', ok: false },
    ],
  ],
  [
    'media.cm',
    'file-encodings',
    [{ fileCode: 'fheu5klo9dw0', title: 'Test video', quality: 'h', progress: 15, status: 'ENCODING', link: 'https://media.cm/fheu5klo9dw0' }],
  ],
  [
    'media.cm',
    'file-info',
    [
      { fileCode: 'fheu5klo9dw0', title: 'Video name 4k', status: 'ready', length: 20, views: 0, uploaded: '2022-01-23T14:53:53.000Z' },
      { fileCode: 'fheu5klo9012', status: 'missing' },
    ],
  ],
  [
    'media.cm',
    'file-list',
    {
      files: [
        {
          fileCode: 'jdhtirolnswe',
          title: 'My Video',
          status: 'ready',
          length: 41,
          views: 0,
          uploaded: '2022-02-12T14:07:45.000Z',
          thumbnail: 'https://i.media.cm/irytjmvqwopd_t.jpg',
          link: 'https://media.cm/jdhtirolnswe',
          folderId: '0',
          public: false,
        },
      ],
      total: 9,
      pages: 4,
    },
  ],
  ['media.cm', 'folder-create', { folderId: '17', name: 'New Folder' }],
  [
    'media.cm',
    'folder-list',
    {
      folders: [
        { folderId: '16', name: 'Breaking Bad', code: '4pwb4yvp7v' },
        { folderId: '15', name: 'Travis', code: '68dth39m76' },
      ],
      files: [
        {
          fileCode: 'fru8kjfrt9nh',
          title: 'my video 4k',
          status: 'ready',
          length: 4532,
          views: 17,
          uploaded: '2022-01-23T16:11:56.000Z',
          thumbnail: 'https://i.media.cm/54jfke9jfkef.jpg',
          link: 'https://media.cm/fru8kjfrt9nh',
          folderId: '0',
          public: false,
        },
      ],
    },
  ],
  ['media.cm', 'folder-rename', undefined],
  [
    'media.cm',
    'upload-reply',
    [
      { fileCode: 'fj8rokd08fjk4', name: 'video.avi', ok: true },
      { fileCode: 'fjrieo5kmf8ep', name: 'video.mp4', ok: true },
    ],
  ],
  ['media.cm', 'upload-server', 'http://01.media.cm/upload/01'],
  ['media.cm', 'upload-url', { fileCode: 'fkrieo7khm8i' }],
  ['vipstream.cc', 'account-info', xfsTemplateInfo],
  ['vipstream.cc', 'account-stats', [{ day: '2021-09-12', views: 0, downloads: 0, profit: 0, sales: 0, refs: 0 }]],
  ['vipstream.cc', 'file-clone', { fileCode: 'u405p6qz5xpi', url: 'http://xvs.tt/u405p6qz5xpi' }],
  [
    'vipstream.cc',
    'file-deleted',
    [{ fileCode: '38j4wvxw164d', title: 'Video 109779195', deleted: '2021-08-15T19:03:26.000Z', deletedAgoSec: 40, deletedBy: 'me' }],
  ],
  ['vipstream.cc', 'file-dmca', [{ fileCode: 'x2q5h0uhfzdu', deleteAt: '2021-08-16T07:13:25.000Z', deleteInSec: 42097 }]],
  [
    'vipstream.cc',
    'file-edit',
    [
      { fileCode: 'fheu5klo9dw0', ok: true },
      { fileCode: 'frtg9gher012', ok: true },
    ],
  ],
  [
    'vipstream.cc',
    'file-encodings',
    [
      { fileCode: 'fb5asfuj2snh', title: 'Test video', quality: 'h', progress: 15, status: 'ENCODING', link: 'http://xvs.tt/fb5asfuj2snh.html' },
      { fileCode: 'fb5asfuj2snh', title: 'Test video', quality: 'l', progress: 0, status: 'PENDING', link: 'http://xvs.tt/fb5asfuj2snh.html' },
    ],
  ],
  [
    'vipstream.cc',
    'file-info',
    [
      {
        fileCode: 'fb5asfuj2snh',
        title: 'big buck bunny',
        status: 'ready',
        length: 60,
        views: 0,
        uploaded: '2021-08-102 20:51:52',
        thumbnail: 'http://img.xvs.tt/fb5asfuj2snh.jpg',
        folderId: '25',
        categoryId: '3',
        public: true,
        adult: true,
        tags: 'promo, high quality',
      },
    ],
  ],
  [
    'vipstream.cc',
    'file-list',
    {
      files: [
        {
          fileCode: 'fb5asfuj2snh',
          title: 'Test 123',
          status: 'ready',
          length: 60,
          views: 0,
          uploaded: '2021-07-12T20:56:54.000Z',
          thumbnail: 'http://img.xvs.tt/fb5asfuj2snh_t.jpg',
          link: 'http://xvs.tt/fb5asfuj2snh.html',
          folderId: '0',
          public: false,
        },
      ],
      total: 9,
      pages: 9,
    },
  ],
  ['vipstream.cc', 'folder-create', { folderId: '29', name: 'New Folder' }],
  ['vipstream.cc', 'folder-edit', undefined],
  [
    'vipstream.cc',
    'folder-list',
    {
      folders: [
        { folderId: '16', name: 'Breaking Bad', code: '4pwb4yvp7v' },
        { folderId: '15', name: 'Travis', code: '68dth39m76' },
      ],
      files: [
        {
          fileCode: '04nolnuszhph',
          title: 'Tri pljus dva 2012 SATRip',
          status: 'ready',
          length: 1560,
          views: 10,
          uploaded: '2021-08-20T20:37:22.000Z',
          thumbnail: 'http://img.xvs.tt/04nolnuszhph_t.jpg',
          link: 'http://xvs.tt/04nolnuszhph.html',
          folderId: '0',
          public: false,
        },
      ],
    },
  ],
  [
    'vipstream.cc',
    'upload-reply',
    [
      { fileCode: 'u9150wqzvhxj', name: '1.avi', ok: true },
      { fileCode: 'gzky98gfg6hn', name: '2.avi', ok: true },
    ],
  ],
  ['vipstream.cc', 'upload-server', 'https://s1.myvideo.com/upload/01'],
  ['vipstream.cc', 'upload-url', { fileCode: 'fb5asfuj2snh' }],
  [
    'mp4upload.com',
    'account-info',
    { email: '[email protected]', balance: 0, storageUsed: 24186265, storageLeft: 128824832615, premiumExpire: '2015-10-24T21:00:00.000Z' },
  ],
  ['mp4upload.com', 'account-stats', [{ day: '2022-09-12', views: 0, downloads: 0, profit: 0, sales: 0, refs: 0 }]],
  ['mp4upload.com', 'file-clone', { fileCode: 'gtl2mhgw4is7', url: 'https://www.mp4upload.com/gtl2mhgw4is7' }],
  [
    'mp4upload.com',
    'file-info',
    [
      {
        fileCode: 'gi4o0tlro01u',
        title: '4K Time Lapse in the EOS 6D Mark II',
        status: 'unknown',
        downloads: 0,
        size: 200,
        uploaded: '2022-08-10T05:07:17.000Z',
      },
      { fileCode: 'gi4o0tlro012', status: 'missing' },
    ],
  ],
  [
    'mp4upload.com',
    'file-list',
    {
      files: [
        {
          fileCode: 'gi4o0tlro01u',
          title: '4K Time Lapse in the EOS 6D Mark II',
          status: 'unknown',
          downloads: 0,
          size: 20,
          uploaded: '2022-08-10T05:07:17.000Z',
        },
      ],
    },
  ],
  [
    'mp4upload.com',
    'file-rename',
    [
      { fileCode: 'gi4o0tlro01u', ok: true },
      { fileCode: 'gi4o0tlro012', ok: false },
    ],
  ],
  ['mp4upload.com', 'file-set_folder', undefined],
  [
    'mp4upload.com',
    'files-deleted',
    [
      { fileCode: 'gtl2mhgw4is7', title: '1mb.bin', deleted: '2022-08-11T20:00:01.000Z', deletedAgoSec: 194316 },
      { fileCode: 'uoyagho8c707', title: '2mb.bin', deleted: '2022-08-10T20:30:02.000Z', deletedAgoSec: 278915 },
    ],
  ],
  ['mp4upload.com', 'folder-create', { folderId: '26', name: 'New Folder' }],
  [
    'mp4upload.com',
    'folder-list',
    {
      folders: [{ folderId: '24', name: 'Sub1' }],
      files: [
        {
          fileCode: '4w0sy8e63f0c',
          title: '100mb.bin',
          status: 'unknown',
          uploaded: '2022-07-18T04:06:39.000Z',
          link: 'https://www.mp4upload.com/4w0sy8e63f0c.html',
          folderId: '16',
        },
      ],
    },
  ],
  ['mp4upload.com', 'folder-rename', undefined],
  ['mp4upload.com', 'upload-server', 'http://s1.mp4upload.com/upload/01'],
  ['watching.vn', 'account-info', xfsTemplateInfo],
  ['watching.vn', 'account-stats', []],
  ['watching.vn', 'file-clone', { fileCode: 'u405p6qz5xpi', url: 'http://xvs.tt/u405p6qz5xpi' }],
  [
    'watching.vn',
    'file-deleted',
    [{ fileCode: '38j4wvxw164d', title: 'Video 109779195', deleted: '2021-08-15T19:03:26.000Z', deletedAgoSec: 40, deletedBy: 'me' }],
  ],
  [
    'watching.vn',
    'file-direct_link',
    {
      versions: [
        { quality: 'n', url: 'http://s1.xvs.tt/zqsccwdttqsal2eyd2pjrlvodgh7iyejldkogrnzwypvlnajbosxsuchfurq/v.mp4', size: 120755726 },
        { quality: 'h', url: 'http://s1.xvs.tt/zqsccwdttqsal2eyd2pjrlvodgh7iyejldkogrnzwapvlnajbostzwskpx4a/v.mp4', size: 135481436 },
        { quality: 'l', url: 'http://s1.xvs.tt/zqsccwdttqsal2eyd2pjrlvodgh7iyejldkogrnzwqpvlnajbosrpvmuh5la/v.mp4', size: 34744877 },
        { quality: 'o', url: 'http://s1.xvs.tt/zqsccwdttqsal2eyd2pjrlvodgh7iyejldkogrnzw4pvlnajbosyx264xtsq/v.mp4', size: 319256576 },
      ],
      hls: 'http://s1.xvs.tt/hls/zqsccwdttqsal2eyd2pjrlvodgh7iyejldkogrnzw,qpvlnajbosrpvmuh5la,ypvlnajbosxsuchfurq,apvlnajbostzwskpx4a,.urlset/master.m3u8',
      length: 1560,
      thumbnail: 'http://img.xvs.tt/04nolnuszhph.jpg',
    },
  ],
  ['watching.vn', 'file-dmca', [{ fileCode: 'x2q5h0uhfzdu', deleteAt: '2021-08-16T07:13:25.000Z', deleteInSec: 42097 }]],
  [
    'watching.vn',
    'file-edit',
    [
      { fileCode: 'fheu5klo9dw0', ok: true },
      { fileCode: 'frtg9gher012', ok: true },
    ],
  ],
  [
    'watching.vn',
    'file-encodings',
    [
      { fileCode: 'fb5asfuj2snh', title: 'Test video', quality: 'h', progress: 15, status: 'ENCODING', link: 'http://xvs.tt/fb5asfuj2snh.html' },
      { fileCode: 'fb5asfuj2snh', title: 'Test video', quality: 'l', progress: 0, status: 'PENDING', link: 'http://xvs.tt/fb5asfuj2snh.html' },
    ],
  ],
  [
    'watching.vn',
    'file-info',
    [
      {
        fileCode: 'fb5asfuj2snh',
        title: 'big buck bunny',
        status: 'ready',
        length: 60,
        views: 0,
        uploaded: '2021-08-102 20:51:52',
        thumbnail: 'http://img.xvs.tt/fb5asfuj2snh.jpg',
        folderId: '25',
        categoryId: '3',
        public: true,
        adult: true,
        tags: 'promo, high quality',
      },
    ],
  ],
  [
    'watching.vn',
    'file-list',
    {
      files: [
        {
          fileCode: 'fb5asfuj2snh',
          title: 'Test 123',
          status: 'ready',
          length: 60,
          views: 0,
          uploaded: '2021-07-12T20:56:54.000Z',
          thumbnail: 'http://img.xvs.tt/fb5asfuj2snh_t.jpg',
          link: 'http://xvs.tt/fb5asfuj2snh.html',
          folderId: '0',
          public: false,
        },
      ],
      total: 9,
      pages: 9,
    },
  ],
  ['watching.vn', 'folder-create', { folderId: '29', name: 'New Folder' }],
  ['watching.vn', 'folder-edit', undefined],
  [
    'watching.vn',
    'folder-list',
    {
      folders: [
        { folderId: '16', name: 'Breaking Bad', code: '4pwb4yvp7v' },
        { folderId: '15', name: 'Travis', code: '68dth39m76' },
      ],
      files: [
        {
          fileCode: '04nolnuszhph',
          title: 'Tri pljus dva 2012 SATRip',
          status: 'ready',
          length: 1560,
          views: 10,
          uploaded: '2021-08-20T20:37:22.000Z',
          thumbnail: 'http://img.xvs.tt/04nolnuszhph_t.jpg',
          link: 'http://xvs.tt/04nolnuszhph.html',
          folderId: '0',
          public: false,
        },
      ],
    },
  ],
  [
    'watching.vn',
    'upload-reply',
    [
      { fileCode: 'u9150wqzvhxj', name: '1.avi', ok: true },
      { fileCode: 'gzky98gfg6hn', name: '2.avi', ok: true },
    ],
  ],
  ['watching.vn', 'upload-server', 'https://s1.myvideo.com/upload/01'],
  ['watching.vn', 'upload-url', { fileCode: 'fb5asfuj2snh' }],
  [
    'megamax.me',
    'file-get-direct',
    {
      versions: [
        {
          quality: 'source',
          url: 'https://cdn1.megamax.cloud/attach/1/1681874106/UeyDOobUnWCKp/MNCT_EP_02_.mp4?signature=8c532269ebd6fc781407a837e221a19e37e4bdefcbc72b9ce1be4a0e2de0094a',
          size: 733297168,
          expiresAt: '2023-04-19T03:15:06.669Z',
          download:
            'https://cdn1.megamax.cloud/attach/1/1681874106/UeyDOobUnWCKp/MNCT_EP_02_.mp4?dl=1&signature=268a08ed0d7d75b52e27b60729a671a055f974d5597c1473f66b30784a7303bb',
        },
      ],
    },
  ],
  [
    'megamax.me',
    'file-get-hashid',
    { fileCode: 'VKfTySnLTOSLJ', title: 'MNCT EP 02 FHD', status: 'ready', size: 256365743, views: 1, uploaded: '2023-04-15T03:15:21.000Z' },
  ],
  [
    'megamax.me',
    'file-get',
    {
      files: [
        { fileCode: 'VKfTySnLTOSLJ', title: 'MNCT EP 02 FHD', status: 'ready', size: 256365743, views: 1, uploaded: '2023-04-15T03:15:21.000Z' },
        {
          fileCode: 'A0yEgf1z7NCha',
          title: 'Wataten!: An Angel Flew Down To Me - Ep 13',
          status: 'ready',
          size: 1380063437,
          views: 0,
          uploaded: '2023-04-14T07:16:19.000Z',
        },
        { fileCode: 'VMCXEq7gz4PUK', title: 'ORYNT EP 01 FHD', status: 'ready', size: 231966357, views: 2, uploaded: '2023-04-13T22:46:29.000Z' },
        { fileCode: 'Bp5RI9krVCAEK', title: 'YGS EP 02 FHD', status: 'ready', size: 339038317, views: 1, uploaded: '2023-04-13T22:31:32.000Z' },
      ],
      total: 4,
    },
  ],
  ['megamax.me', 'file-upload-generate', 'https://endpoint.megamax.cloud/endpoint/file/upload/c76z9hu'],
  [
    'megamax.me',
    'mirror-get',
    [
      {
        title: 'source',
        size: 231966357,
        mirrors: [
          { driver: 'ok', iframe: 'https://ok.ru/videoembed/5937251879654', uploadedAt: '2023-04-13T22:46:37.000Z' },
          {
            driver: 'uptobox',
            iframe: 'https://uptostream.com/iframe/1w261fc75gme',
            link: 'https://uptobox.com/1w261fc75gme',
            uploadedAt: '2023-04-13T22:46:38.000Z',
          },
          {
            driver: 'streamlare',
            iframe: 'https://streamlare.com/e/gLXEDVM03L9nQY74',
            link: 'https://streamlare.com/v/gLXEDVM03L9nQY74',
            uploadedAt: '2023-04-13T22:46:41.000Z',
          },
        ],
      },
    ],
  ],
  ['megamax.me', 'upload-reply', [{ fileCode: '9mOEbPDayyD3M1kN', name: 'sample.mp4', ok: true, status: 'encoding' }]],
];

describe('documented example replies', () => {
  it.each(documented)('%s %s', (host, endpoint, expected) => {
    expect(parserFor(host, endpoint)(fixture(host, endpoint))).toEqual(expected);
  });

  it('covers every fixture file', () => {
    const files = fixtureHosts.flatMap((host) =>
      readdirSync(join(__dirname, '../../fixtures/hosts', host)).map((f) => `${host} ${f.replace(/\.(json|txt)$/, '')}`),
    );
    expect(files.sort()).toEqual(documented.map(([h, e]) => `${h} ${e}`).sort());
  });
});

describe('tolerance beyond the documents', () => {
  const info = xfsParsers['account-info']!;
  const upload = xfsParsers['upload-reply']!;

  it('reads numbers as strings, strings as numbers, the premim_expire typo and unlimited storage', () => {
    expect(info('{"status":"200","result":{"files_total":5,"storage_left":"inf","premim_expire":"2030-01-02 03:04:05","balance":3,"premium":"0"}}')).toEqual({
      filesTotal: 5,
      storageLeft: null,
      premiumExpire: '2030-01-02T03:04:05.000Z',
      balance: 3,
      premium: false,
    });
    expect(info('{"status":200,"result":{"storage_left":-1,"premium_expire":"soon"}}')).toEqual({ storageLeft: null, premiumExpire: 'soon' });
  });

  it.each([
    ['{"status":"429","msg":"Too many"}', 'rate_limited', true],
    ['{"status":403,"msg":"Invalid key"}', 'auth', false],
    ['{"status":200,"msg":"Wrong auth"}', 'auth', false],
    ['{"msg":"Invalid credentials"}', 'auth', false],
    ['{"status":404,"msg":"no file"}', 'not_found', false],
    ['{"status":400}', 'bad_request', false],
    ['{"status":409}', 'conflict', false],
    ['{"status":451}', 'legal', false],
    ['{"status":509}', 'bandwidth', false],
    ['{"status":502}', 'server', true],
  ])('maps a 200 reply with body %s to %s', (body, code, retryable) => {
    const error = hostError(() => info(body));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('maps HTTP statuses when the body says nothing', () => {
    expect(hostError(() => info('<html>Forbidden</html>', 403)).code).toBe('auth');
    expect(hostError(() => info('{"msg":"x"}', 401)).code).toBe('auth');
    expect(hostError(() => info('<h1>oops</h1>', 503)).code).toBe('server');
    expect(hostError(() => info('', 429)).code).toBe('rate_limited');
  });

  it('turns HTML and invalid JSON in a 200 reply into invalid_response', () => {
    expect(hostError(() => info('<!DOCTYPE html><html><body>Maintenance</body></html>')).code).toBe('invalid_response');
    expect(hostError(() => info('{"msg":"OK",')).code).toBe('invalid_response');
    expect(hostError(() => info('{"status":200,"result":{"login":"a"')).code).toBe('invalid_response');
    expect(hostError(() => info('{"status":200,"result":"nope"}')).code).toBe('invalid_response');
  });

  it('reads the upload reply as a bare list, with a rejected file', () => {
    expect(
      upload('[{"file_code":"abc123abc123","filename":"a.mp4","status":"OK"},{"file_code":"undef","filename":"b.mp4","status":"Not enough disk space"}]'),
    ).toEqual([
      { fileCode: 'abc123abc123', name: 'a.mp4', ok: true },
      { fileCode: '', name: 'b.mp4', ok: false, error: 'Not enough disk space' },
    ]);
  });

  it('reads the old-style HTML upload form', () => {
    const html = `<HTML><BODY><Form name='F1' action='https://x.example/' method='POST'>
      <textarea name='op'>upload_result</textarea>
      <textarea name="fn">abcdEFGH1234</textarea><textarea name="st">OK</textarea>
      <textarea name=fn>undef</textarea><textarea name=st>File too big &amp; rejected</textarea>
      </Form></BODY></HTML>`;
    expect(upload(html)).toEqual([
      { fileCode: 'abcdEFGH1234', ok: true },
      { fileCode: '', ok: false, error: 'File too big & rejected' },
    ]);
  });

  it('rejects an upload reply that names no file, and a wrong key in it', () => {
    expect(hostError(() => upload('<html><body>Error</body></html>')).code).toBe('invalid_response');
    expect(hostError(() => upload('{"msg":"OK","status":200,"files":[]}')).code).toBe('invalid_response');
    expect(hostError(() => upload('{"msg":"Invalid key","status":403}')).code).toBe('auth');
  });

  it('never quotes the key back', () => {
    const error = hostError(() => info(`{"status":400,"msg":"bad value ${ctx.secrets[0]} given"}`));
    expect(error.code).toBe('bad_request');
    expect(error.message).not.toContain(ctx.secrets[0]);
    expect(error.message).toContain('***');
  });
});
