import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announce, progressGapMs, type AnnounceMemory } from '../../../components/shared/jobAnnouncements';
import { JobAnnouncer } from '../../../components/shared/JobAnnouncer';
import type { FileJob, Job, RemoteJob } from '../../../lib/queue/model/job';

// What the queue's polite live region says: starts, ends and failures always,
// progress in tenths and at most once per gap over all jobs, nothing about
// the jobs found on opening.

const file = (id: string, extra: Partial<FileJob> = {}): FileJob => ({
  id,
  kind: 'file',
  accountId: 'a',
  state: 'queued',
  createdAt: 1,
  updatedAt: 1,
  attempts: 0,
  options: {},
  file: { name: `${id}.mp4`, size: 1000, type: 'video/mp4', lastModified: 1 },
  ...extra,
});

const remote = (id: string, extra: Partial<RemoteJob> = {}): RemoteJob => ({
  id,
  kind: 'remote',
  accountId: 'a',
  state: 'queued',
  createdAt: 1,
  updatedAt: 1,
  attempts: 0,
  options: {},
  url: `https://cdn.example/${id}.mp4`,
  ...extra,
});

/** Feeds the lists in turn (at the given times) and returns what each step said. */
function run(steps: { at: number; jobs: Job[] }[]): string[][] {
  let memory: AnnounceMemory | undefined;
  return steps.map(({ at, jobs }) => {
    const next = announce(memory, jobs, at);
    memory = next.memory;
    return next.said;
  });
}

const uploading = (id: string, sent: number) => file(id, { state: 'uploading', bytesSent: sent, bytesTotal: 1000 });

describe('announce', () => {
  it('says nothing about what the page found on opening, then each start, finish and failure once', () => {
    expect(
      run([
        { at: 0, jobs: [uploading('old', 500), file('one')] },
        { at: 10, jobs: [uploading('old', 500), uploading('one', 0)] },
        { at: 20, jobs: [file('old', { state: 'ready' }), uploading('one', 0)] },
        { at: 30, jobs: [file('old', { state: 'ready' }), file('one', { state: 'failed' })] },
        { at: 40, jobs: [file('old', { state: 'ready' }), file('one', { state: 'failed' })] },
        { at: 50, jobs: [remote('url', { state: 'sending' })] },
      ]),
    ).toEqual([[], ['one.mp4: started'], ['old.mp4: finished'], ['one.mp4: failed'], [], ['https://cdn.example/url.mp4: started']]);
  });

  it('says progress in tenths only, never every tick, and not at all at the start or end', () => {
    const said = run([
      { at: 0, jobs: [] },
      { at: 1, jobs: [uploading('big', 0)] },
      ...Array.from({ length: 100 }, (_, i) => ({ at: 2 + i * progressGapMs, jobs: [uploading('big', i * 10)] })),
    ]).flat();
    expect(said).toEqual(['big.mp4: started', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((tenth) => `big.mp4: ${tenth * 10}%`)]);
  });

  it('keeps to one progress sentence per gap over all jobs, however many upload', () => {
    const many = (sent: number) => ['a', 'b', 'c', 'd'].map((id) => uploading(id, sent));
    const steps = [{ at: 0, jobs: many(0) }];
    // Every job moves a tenth every 100 ms for 3 s.
    for (let i = 1; i <= 30; i++) steps.push({ at: i * 100, jobs: many(Math.min(990, i * 100)) });
    const said = run(steps).flat();
    expect(said).toHaveLength(1);
    expect(said[0]).toBe('a.mp4: 10%');
  });
});

describe('JobAnnouncer', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('is a polite live region that takes the latest sentences', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<JobAnnouncer jobs={[file('one')]} />, root));
    const region = root.querySelector('[aria-live]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    act(() => render(<JobAnnouncer jobs={[uploading('one', 0), file('two', { state: 'failed' })]} />, root));
    expect(region.textContent).toBe('one.mp4: started. two.mp4: failed');
  });
});
