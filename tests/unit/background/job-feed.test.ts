import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobFeed } from '../../../lib/background/jobs/feed';
import { createJobStore } from '../../../lib/queue/store';
import { AppError } from '../../../lib/errors';
import { jobFeedPort } from '../../../lib/protocol/job-feed';
import { job } from '../queue/fakes';

type Listener = (port: FakePort) => void;

interface FakePort {
  name: string;
  sender: { id?: string; url?: string; tab?: unknown };
  posted: unknown[];
  disconnected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(cb: () => void): void };
}

function port(name: string, sender: FakePort['sender']): FakePort {
  const p: FakePort = {
    name,
    sender,
    posted: [],
    disconnected: false,
    postMessage: (message) => p.posted.push(message),
    disconnect: () => {
      p.disconnected = true;
    },
    onDisconnect: { addListener: () => undefined },
  };
  return p;
}

function runtime() {
  let listener: Listener = () => undefined;
  const addListener = (cb: Listener) => {
    listener = cb;
  };
  return { onConnect: { addListener }, connect: (p: FakePort) => listener(p) };
}

const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/manager.html') };

describe('job feed', () => {
  it('tells extension pages which jobs changed, batched, and refuses content scripts', async () => {
    const store = createJobStore();
    const rt = runtime();
    const feed = createJobFeed(store, rt as never);
    const trusted = port(jobFeedPort, page);
    const script = port(jobFeedPort, { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } });
    rt.connect(trusted);
    rt.connect(script);
    expect(script.disconnected).toBe(true);
    expect(feed.pages()).toBe(1);

    await Promise.all([store.put(job({ id: 'a' })), store.put(job({ id: 'b' }))]);
    await vi.waitFor(() => expect(trusted.posted).toHaveLength(1));
    expect(trusted.posted[0]).toEqual({
      type: 'changed',
      ids: expect.arrayContaining(['a', 'b']),
      jobs: expect.arrayContaining([expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })]),
      removed: [],
    });
    expect(script.posted).toEqual([]);

    // A job changed then removed in one batch is said removed; a large batch goes out as ids alone.
    await store.update('a', (j) => ({ ...j, state: 'sending' }));
    await store.removeMany(['a']);
    await vi.waitFor(() => expect(trusted.posted).toHaveLength(2));
    expect(trusted.posted[1]).toEqual({ type: 'changed', ids: ['a'], jobs: [], removed: ['a'] });
    await Promise.all(Array.from({ length: 21 }, (_, i) => store.put(job({ id: `n${i}` }))));
    await vi.waitFor(() => expect(trusted.posted).toHaveLength(3));
    expect(trusted.posted[2]).toEqual({ type: 'changed', ids: expect.arrayContaining(['n0', 'n20']) });

    feed.storageError(new AppError('storage', 'The browser has no room left.'));
    expect(trusted.posted.at(-1)).toEqual({ type: 'storage-error', error: { code: 'storage', message: 'The browser has no room left.' } });
  });
});
