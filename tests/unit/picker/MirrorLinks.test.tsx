import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { MirrorLinks, mirrorLinkText } from '../../../components/shared/MirrorLinks';
import { JobList } from '../../../components/shared/JobList';
import type { Job } from '../../../lib/queue/model/job';
import { deriveGroup } from '../../../lib/queue/model/group';
import type { PublicAccount } from '../../../lib/accounts';

const base = { createdAt: 1, updatedAt: 1, attempts: 0, options: {}, url: 'https://cdn.example/v.mp4' };
const child = (id: string, accountId: string, state: Job['state'], extra: Record<string, unknown> = {}): Job =>
  ({ ...base, id, kind: 'remote', accountId, state, group: { id: 'p', index: id === 'c1' ? 0 : 1 }, ...extra }) as Job;
const mirror = (jobs: Job[]) => deriveGroup('p', jobs);
const accounts = [
  { id: 'a', label: 'Media' },
  { id: 'b', label: 'Vip' },
];

function html(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('MirrorLinks', () => {
  it('shows each account’s progress while the mirror runs, without the combined copy', () => {
    const jobs = [child('c1', 'a', 'ready', { links: { watch: 'https://media.example/w1' } }), child('c2', 'b', 'encoding')];
    const root = html(<MirrorLinks group={mirror(jobs)} accounts={accounts} />);
    expect(root.textContent).toContain('1 of 2 ready');
    expect(root.querySelectorAll('a[data-field="mirror-link"]')).toHaveLength(1);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);
  });

  it('lists every account’s link together once all are done', () => {
    const jobs = [
      child('c1', 'a', 'ready', { links: { watch: 'https://media.example/w1' } }),
      child('c2', 'b', 'ready', { links: { watch: 'https://vip.example/w2' } }),
    ];
    const root = html(<MirrorLinks group={mirror(jobs)} accounts={accounts} />);
    expect(root.textContent).toContain('All 2 done: 2 ready');
    const rows = [...root.querySelectorAll('ul[aria-label="Mirror links"] li')].map((li) => li.textContent);
    expect(rows).toEqual(['Mediahttps://media.example/w1', 'Viphttps://vip.example/w2']);
    expect(root.querySelector('button[aria-label="Copy all links"]')).not.toBeNull();
    expect(mirrorLinkText(mirror(jobs))).toBe('https://media.example/w1\nhttps://vip.example/w2');
  });

  it('shows a failed account’s reason next to the other links', () => {
    const jobs = [
      child('c1', 'a', 'ready', { links: { watch: 'https://media.example/w1' } }),
      child('c2', 'b', 'failed', { error: { code: 'auth', message: 'The host rejected the API key.' } }),
    ];
    const root = html(<MirrorLinks group={mirror(jobs)} accounts={accounts} />);
    expect(root.textContent).toContain('All 2 done: 1 ready');
    expect(root.textContent).toContain('The host rejected the API key.');
    expect(mirrorLinkText(mirror(jobs))).toBe('https://media.example/w1');
  });
});

describe('JobList with a mirror', () => {
  it('shows a mirror as one row with its members inside it, where its first member stands', () => {
    const jobs = [
      child('c1', 'a', 'ready', { links: { watch: 'https://media.example/w1' } }),
      { ...child('solo', 'a', 'queued'), group: undefined },
      child('c2', 'b', 'ready', { links: { watch: 'https://vip.example/w2' } }),
    ];
    const root = html(<JobList jobs={jobs} accounts={accounts as PublicAccount[]} max={10} />);
    expect([...root.querySelectorAll('li[data-job-id]')].map((li) => li.getAttribute('data-job-id'))).toEqual(['p', 'solo']);
    expect(root.querySelectorAll('li[data-job-id="p"] a[data-field="mirror-link"]')).toHaveLength(2);
  });
});
