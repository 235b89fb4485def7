// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createUploadHandlers } from '../../../lib/background/handlers/uploads';
import { accountSchema } from '../../../lib/accounts';
import { startHostSim, type HostSim } from '../../host-sim';
import { fakeContext } from '../background/context-fakes';

// The Upload tab's requests against real presets and a real local server:
// snapshot limits, empty files, choosing the same file again, relay probes;
// the background context is built from in-memory stores.

let sim: HostSim;
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const meta = (n: number, extra: object = {}) => ({ id: id(n), name: `clip${n}.mp4`, size: 1000, type: 'video/mp4', lastModified: 1, ...extra });

beforeAll(async () => {
  sim = await startHostSim();
});
afterAll(() => sim.close());

function setup() {
  const ctx = fakeContext({
    accounts: [
      accountSchema.parse({ id: 'media', hostId: 'media.cm', label: 'Media', apiBase: sim.apiBase('media.cm'), key: 'k1-abcdef', createdAt: 1 }),
      accountSchema.parse({ id: 'mega', hostId: 'megamax.me', label: 'Mega', apiBase: sim.apiBase('megamax.me'), key: 'k2-abcdef', login: 'me', createdAt: 1 }),
    ],
  });
  return { ctx, store: ctx.jobs.store, handlers: createUploadHandlers(ctx) };
}

beforeEach(() => {
  // relay.probe asks the browser whether VidRelay may download from the source's origin.
  fakeBrowser.permissions.contains = async () => true;
});

describe('upload handlers', () => {
  it('prepares the uploader and says where it runs', async () => {
    const { ctx, handlers } = setup();
    await expect(handlers['uploads.prepare']({})).resolves.toEqual({ mode: 'offscreen' });
    expect(ctx.uploads.bridge.prepared).toBe(1);
  });

  it('queues every file of a batch under the ids the page gave', async () => {
    const { handlers, store } = setup();
    const { jobs } = await handlers['uploads.add']({ accountId: 'media', files: [meta(1, { options: { title: 'One' } }), meta(2)] });
    expect(jobs.map((j) => j.id)).toEqual([id(1), id(2)]);
    expect(await store.get(id(1))).toMatchObject({ kind: 'file', file: { name: 'clip1.mp4', size: 1000 }, options: { title: 'One' } });
  });

  it('refuses a snapshot above the host limit, and queues nothing of that batch', async () => {
    const { handlers, store } = setup();
    const big = { name: 'thumb.jpg', size: 900_000, type: 'image/jpeg' };
    await expect(handlers['uploads.add']({ accountId: 'media', files: [meta(1), meta(2, { snapshot: big })] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/thumb\.jpg.*878\.9 KB.*at most 781\.3 KB/),
    });
    expect(await store.all()).toHaveLength(0);
  });

  it('mirrors each file to every account given, and refuses the whole batch when one account cannot take a file', async () => {
    const { handlers, store } = setup();
    const file = (n: number, extra: object = {}) => {
      const { id: _id, ...rest } = meta(n, extra);
      return {
        ...rest,
        targets: [
          { accountId: 'media', id: id(n * 2) },
          { accountId: 'mega', id: id(n * 2 + 1), options: { title: 'Mega title' } },
        ],
      };
    };
    const { mirrors } = await handlers['uploads.mirror']({ files: [file(1), file(2)] });
    expect(mirrors.map((m) => [m.kind, m.file?.name, m.members.map((member) => member.id)])).toEqual([
      ['mirror', 'clip1.mp4', [id(2), id(3)]],
      ['mirror', 'clip2.mp4', [id(4), id(5)]],
    ]);
    expect(await store.get(id(3))).toMatchObject({ kind: 'file', accountId: 'mega', group: { id: mirrors[0].id, index: 1 }, options: { title: 'Mega title' } });
    const before = (await store.all()).length;
    // megamax.me takes no custom snapshot: nothing of this batch is queued, for any account.
    await expect(
      handlers['uploads.mirror']({ files: [file(3), file(4, { snapshot: { name: 's.jpg', size: 10, type: 'image/jpeg' } })] }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^Mega: .*no custom snapshot/),
    });
    expect(await store.all()).toHaveLength(before);
  });

  it('refuses a snapshot for a host that takes none, and an empty file', async () => {
    const { handlers } = setup();
    await expect(
      handlers['uploads.add']({ accountId: 'mega', files: [meta(1, { snapshot: { name: 's.jpg', size: 10, type: 'image/jpeg' } })] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/no custom snapshot/) });
    await expect(handlers['uploads.add']({ accountId: 'media', files: [meta(1, { size: 0 })] })).rejects.toMatchObject({
      message: expect.stringMatching(/empty/),
    });
  });

  it('lists what each host allows', async () => {
    const { handlers } = setup();
    const hosts = await handlers['uploads.hosts']({});
    expect(hosts.media).toMatchObject({ canUpload: true, snapshots: true, snapshotMaxBytes: 800_000 });
    expect(hosts.mega).toMatchObject({ canUpload: true, canRemote: false, snapshots: false });
  });

  it('takes the file again only if it is the same one', async () => {
    const { handlers, store } = setup();
    await handlers['uploads.add']({ accountId: 'media', files: [meta(1)] });
    await store.update(id(1), (job) => ({ ...job, state: 'interrupted' }));
    await expect(handlers['uploads.reattach']({ id: id(1), name: 'other.mp4', size: 1000 })).rejects.toMatchObject({
      message: expect.stringMatching(/not the same file.*clip1\.mp4/),
    });
    await expect(handlers['uploads.reattach']({ id: id(1), name: 'clip1.mp4', size: 1000 })).resolves.toMatchObject({
      state: expect.stringMatching(/queued|sending|interrupted/),
    });
  });

  it('probes a relay source for its name and size', async () => {
    const { handlers } = setup();
    await expect(handlers['relay.probe']({ url: sim.videoUrl('trip', 123_456) })).resolves.toMatchObject({ name: 'trip.mp4', size: 123_456 });
    await expect(handlers['relay.probe']({ url: sim.pageUrl('video') })).rejects.toMatchObject({ code: 'invalid_input' });
    fakeBrowser.permissions.contains = async () => false;
    await expect(handlers['relay.probe']({ url: sim.videoUrl('trip', 10) })).rejects.toMatchObject({ code: 'permission' });
  });

  it('asks for the source host without its port: a match pattern names none', async () => {
    const { handlers } = setup();
    const asked: string[][] = [];
    fakeBrowser.permissions.contains = async ({ origins }) => {
      asked.push(origins ?? []);
      return true;
    };
    const url = sim.videoUrl('trip', 10);
    expect(new URL(url).port).not.toBe('');
    await handlers['relay.probe']({ url });
    expect(asked).toEqual([[`http://${new URL(url).hostname}/*`]]);
  });

  it('queues a relay with the confirmed size', async () => {
    const { handlers } = setup();
    const job = await handlers['relay.add']({ accountId: 'mega', url: sim.videoUrl('trip', 5000), name: 'trip.mp4', size: 5000 });
    expect(job).toMatchObject({ kind: 'relay', bytesTotal: 5000, title: 'trip.mp4' });
    await expect(handlers['relay.add']({ accountId: 'gone', url: sim.videoUrl('trip', 5000) })).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'chrome-extension://x/offscreen.html', 'not a url'])(
    'queues no relay of %s: only http(s) links are downloaded',
    async (url) => {
      const { handlers, store } = setup();
      await expect(handlers['relay.add']({ accountId: 'mega', url })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await store.all()).toEqual([]);
    },
  );
});
