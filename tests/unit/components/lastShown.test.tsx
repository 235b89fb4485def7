import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetShownJobs, keepLastShown, readLastShown, shownAccounts, shownRecentJobs, shownUploadPage } from '../../../components/hooks/lastShown';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { PublicAccount } from '../../../lib/accounts';
import type { Job } from '../../../lib/queue/model/job';

// A page draws what it showed last time at once (lastShown.ts), marked busy,
// until the background answers; the copy never holds a key hint, a copy of
// another version is left alone, and one that cannot be read is not shown.

const account = {
  id: 'acc_1',
  hostId: 'media.cm',
  label: 'Media main',
  apiBase: 'https://media.example/api',
  enabled: true,
  allowHttp: false,
  defaults: {},
  createdAt: 1,
  keyHint: '••••9f3a',
  hasKey: true,
} as PublicAccount;
const base = { createdAt: 1, updatedAt: 2, attempts: 0, options: {}, kind: 'remote' as const, accountId: 'acc_1', url: 'https://src.example/v.mp4' };
const jobs: Job[] = [
  { ...base, id: 'j1', state: 'ready', title: 'holiday.mp4', links: { watch: 'https://media.example/w1' } },
  { ...base, id: 'j2', state: 'uploading', title: 'concert.mp4' },
];
const key = (name: string) => `vidrelay.lastShown.v1.${name}`;

let root: HTMLElement | undefined;
beforeEach(() => localStorage.clear());
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

describe('the copy of what a page showed', () => {
  it('is read back as kept, under a versioned key, without key hints', () => {
    expect(readLastShown(shownAccounts)).toBeUndefined();
    keepLastShown(shownAccounts, [account]);
    expect(localStorage.getItem(key('accounts'))).not.toContain('9f3a');
    expect(readLastShown(shownAccounts)).toEqual([{ ...account, keyHint: '' }]);
    keepLastShown(shownRecentJobs, jobs);
    expect(readLastShown(shownRecentJobs)).toEqual(jobs);
  });

  it('is not shown when it cannot be read, and a copy of another version is left alone', () => {
    const newer = JSON.stringify({ shape: 'of a later build' });
    localStorage.setItem('vidrelay.lastShown.v2.recentJobs', newer);
    localStorage.setItem(key('recentJobs'), '[{"id":');
    expect(readLastShown(shownRecentJobs)).toBeUndefined();
    localStorage.setItem(key('recentJobs'), JSON.stringify([{ ...jobs[0], state: 'exploded' }]));
    expect(readLastShown(shownRecentJobs)).toBeUndefined();
    localStorage.setItem(key('recentJobs'), JSON.stringify([{ ...jobs[0], title: 7 }]));
    expect(readLastShown(shownRecentJobs)).toBeUndefined();
    localStorage.setItem(key('accounts'), JSON.stringify([{ id: 'acc_1' }]));
    expect(readLastShown(shownAccounts)).toBeUndefined();
    keepLastShown(shownRecentJobs, jobs);
    expect(localStorage.getItem('vidrelay.lastShown.v2.recentJobs')).toBe(newer);
  });

  it('has a cap: a copy too long is neither kept nor read', () => {
    const long = [{ ...jobs[0], title: 'x'.repeat(600 * 1024) }];
    keepLastShown(shownRecentJobs, jobs);
    keepLastShown(shownRecentJobs, long);
    expect(localStorage.getItem(key('recentJobs'))).toBeNull();
    localStorage.setItem(key('recentJobs'), JSON.stringify(long));
    expect(readLastShown(shownRecentJobs)).toBeUndefined();
  });

  it('of jobs is forgotten when the user removes jobs; the accounts stay', () => {
    keepLastShown(shownAccounts, [account]);
    keepLastShown(shownRecentJobs, jobs);
    keepLastShown(shownUploadPage<{ jobs: Job[] }>(30), { jobs });
    forgetShownJobs();
    expect(readLastShown(shownRecentJobs)).toBeUndefined();
    expect(readLastShown(shownUploadPage<{ jobs: Job[] }>(30))).toBeUndefined();
    expect(readLastShown(shownAccounts)).toHaveLength(1);
  });

  it('of a page of jobs keeps its first rows, each mirror with its members', () => {
    const member = (id: string, group: string, index: number): Job => ({ ...base, id, state: 'ready', group: { id: group, index } });
    const page = {
      total: 4,
      stored: 4,
      jobs: [jobs[0], member('m1', 'g1', 0), jobs[1], { ...jobs[1], id: 'j3' }, member('m2', 'g1', 1)],
    };
    const kind = shownUploadPage<typeof page>(3);
    keepLastShown(kind, page);
    expect(readLastShown(kind)?.jobs.map((j) => j.id)).toEqual(['j1', 'm1', 'j2', 'm2']);
  });
});

/** A background that answers the popup's requests, or never (`hold`), or fails them. */
function background(mode: 'answer' | 'hold' | 'fail', live: Job[] = jobs) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    if (mode === 'hold') return new Promise(() => undefined);
    if (mode === 'fail') return Promise.resolve({ ok: false, error: { code: 'storage', message: 'The job store could not be read.' } });
    const data: Record<string, unknown> = {
      'accounts.list': [account],
      'settings.get': { language: 'browser' },
      'jobs.list': live,
      'uploads.hosts': {},
      'settings.links': {},
    };
    return Promise.resolve({ ok: true, data: data[type] ?? {} });
  });
}

async function openPopup() {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<PopupApp />, root!));
}
const rows = () => [...root!.querySelectorAll('[data-job-id]')].map((row) => row.getAttribute('data-job-id'));
const recent = () => root!.querySelector('section[aria-busy]');

describe('the popup drawn from its copy', () => {
  it('shows the recent jobs in its first render, busy, before the background answers', async () => {
    keepLastShown(shownAccounts, [account]);
    keepLastShown(shownRecentJobs, jobs);
    background('hold');
    await openPopup();
    expect(rows()).toEqual(['j1', 'j2']);
    expect(recent()?.getAttribute('aria-busy')).toBe('true');
    expect(root!.textContent).toContain('Media main');
    // Nothing is announced about jobs drawn from the copy.
    expect(root!.querySelector('[data-testid="job-announcer"]')?.textContent).toBe('');
  });

  it('replaces the copy with the answer, and keeps the answer for the next open', async () => {
    keepLastShown(shownRecentJobs, jobs);
    const now: Job[] = [{ ...jobs[1], state: 'ready', links: { watch: 'https://media.example/w2' } }];
    background('answer', now);
    await openPopup();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(rows()).toEqual(['j2']);
    expect(recent()?.getAttribute('aria-busy')).toBe('false');
    expect(readLastShown(shownRecentJobs)).toEqual(now);
  });

  it('does not show the copy beside an error', async () => {
    keepLastShown(shownRecentJobs, jobs);
    background('fail');
    await openPopup();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(rows()).toEqual([]);
    expect(root!.textContent).toContain('The job store could not be read.');
  });

  it('waits for the background when there is no copy', async () => {
    background('hold');
    await openPopup();
    expect(rows()).toEqual([]);
    expect(recent()?.getAttribute('aria-busy')).toBe('false');
  });
});
