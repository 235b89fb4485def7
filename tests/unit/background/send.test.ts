import { describe, expect, it } from 'vitest';
import { sendUrls, type Enqueuer } from '../../../lib/background/send-to-host/send';
import { accountSchema } from '../../../lib/accounts';
import { AppError } from '../../../lib/errors';
import type { Job } from '../../../lib/queue/model/job';
import type { RelayExtra } from '../../../lib/queue/runner/api';

const main = (enabled = true) => accountSchema.parse({ id: 'a1', hostId: 'media.cm', label: 'Main', key: 'k-123456', enabled, defaults: { tags: 'demo' } });

function queue(failOn?: string): Enqueuer & { calls: { url: string; tags?: string }[] } {
  const calls: { url: string; tags?: string }[] = [];
  return {
    calls,
    enqueueRemote: async (_accountId, url, options) => {
      calls.push({ url, tags: options?.tags });
      if (url === failOn) throw new AppError('server', 'Storage is full.');
      return { id: `job-${calls.length}`, url } as Job;
    },
  };
}

describe('sendUrls', () => {
  it('queues each distinct URL in order with the account defaults, and refuses what a host cannot fetch', async () => {
    const q = queue();
    const result = await sendUrls(q, main(), ['https://a.example/1.mp4', 'blob:https://a.example/x', 'https://a.example/2.mp4', 'https://a.example/1.mp4']);
    expect(q.calls).toEqual([
      { url: 'https://a.example/1.mp4', tags: 'demo' },
      { url: 'https://a.example/2.mp4', tags: 'demo' },
    ]);
    expect(result.jobs.map((j) => (j.kind === 'file' ? undefined : j.url))).toEqual(['https://a.example/1.mp4', 'https://a.example/2.mp4']);
    expect(result.refused).toEqual([{ url: 'blob:https://a.example/x', reason: expect.stringMatching(/blob:/) }]);
  });

  it('reports a URL that could not be queued instead of dropping it', async () => {
    const result = await sendUrls(queue('https://a.example/2.mp4'), main(), ['https://a.example/1.mp4', 'https://a.example/2.mp4']);
    expect(result.jobs).toHaveLength(1);
    expect(result.refused).toEqual([{ url: 'https://a.example/2.mp4', reason: 'Storage is full.' }]);
  });

  it('refuses a disabled account', async () => {
    await expect(sendUrls(queue(), main(false), ['https://a.example/1.mp4'])).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses an account whose host has no remote upload before anything is queued, naming the relay', async () => {
    const mp4 = accountSchema.parse({ id: 'mp4', hostId: 'mp4upload.com', label: 'Mp4 main', key: 'k-123456', enabled: true, defaults: {} });
    const q = queue();
    await expect(sendUrls(q, mp4, ['https://a.example/1.mp4'])).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/no remote upload.*Relay through VidRelay/),
    });
    expect(q.calls).toEqual([]);
  });
});

describe('sendUrls with playlist URLs (the popup’s pasted URLs)', () => {
  const texts: Record<string, string> = {
    'https://cdn.example/show/master.m3u8': [
      '#EXTM3U',
      '#EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=640x360',
      '360/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=4000000,RESOLUTION=1920x1080',
      '1080/index.m3u8',
    ].join('\n'),
    'https://cdn.example/show/1080/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXTINF:10,', 'a.ts', '#EXTINF:10,', 'b.ts', '#EXT-X-ENDLIST'].join(
      '\n',
    ),
    'https://cdn.example/live.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXTINF:10,', 'a.ts'].join('\n'),
  };
  const fetchText = async (url: string) => texts[url];

  function relayQueue() {
    const q = queue();
    const relays: { url: string; extra?: RelayExtra; tags?: string }[] = [];
    return Object.assign(q, {
      relays,
      enqueueRelay: async (_accountId: string, url: string, options?: { tags?: string }, extra?: RelayExtra) => {
        relays.push({ url, extra, tags: options?.tags });
        return { id: `relay-${relays.length}`, url } as Job;
      },
    });
  }

  it('relays a master playlist’s best quality, named in the title with its estimate; plain URLs stay remote uploads', async () => {
    const q = relayQueue();
    const result = await sendUrls(q, main(), ['https://cdn.example/show/master.m3u8', 'https://a.example/1.mp4'], undefined, fetchText);
    expect(q.relays).toEqual([
      { url: 'https://cdn.example/show/1080/index.m3u8', extra: { title: 'show (1080p)', stream: 'hls', bytesTotal: 10_000_000 }, tags: 'demo' },
    ]);
    expect(q.calls).toEqual([{ url: 'https://a.example/1.mp4', tags: 'demo' }]);
    expect(result.jobs).toHaveLength(2);
    expect(result.refused).toEqual([]);
  });

  it('refuses a live playlist and one it cannot read, each with the reason, queueing nothing for them', async () => {
    const q = relayQueue();
    const result = await sendUrls(q, main(), ['https://cdn.example/live.m3u8', 'https://cdn.example/gone.m3u8'], undefined, fetchText);
    expect(q.relays).toEqual([]);
    expect(q.calls).toEqual([]);
    expect(result.refused).toEqual([
      { url: 'https://cdn.example/live.m3u8', reason: expect.stringMatching(/live/i) },
      { url: 'https://cdn.example/gone.m3u8', reason: expect.stringContaining('could not read this playlist from cdn.example') },
    ]);
  });
});
