import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JobList, stuckAtHost } from '../../../components/shared/JobList';
import { useHostActionAccounts } from '../../../components/manager/useHostActions';
import type { RemoteJob } from '../../../lib/queue/model/job';

// History offers "Restart/Remove on the host" only for accounts whose host
// has remote-upload actions (as the account's capabilities say), not for
// every stuck remote upload.

const stuck = (id: string, accountId: string): RemoteJob => ({
  id,
  kind: 'remote',
  accountId,
  state: 'encoding',
  createdAt: 1,
  updatedAt: 1,
  attempts: 1,
  options: {},
  url: `https://cdn.example/${id}.mp4`,
  fileCode: `code-${id}`,
  error: { code: 'upload_rejected', message: 'The host could not fetch this URL: 404' },
});

const capabilities: Record<string, string[]> = {
  dood: ['remoteUpload', 'remoteUploadStatus', 'remoteUploadAction'],
  media: ['remoteUpload', 'remoteUploadStatus'],
};
let asked: string[];
let root: HTMLElement;

beforeEach(() => {
  asked = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, payload } = message as { type: string; payload: { accountId: string } };
    if (type !== 'account.capabilities') return undefined;
    asked.push(payload.accountId);
    const caps = capabilities[payload.accountId];
    return Promise.resolve(
      caps ? { ok: true, data: { accountId: payload.accountId, capabilities: caps } } : { ok: false, error: { code: 'not_found', message: 'gone' } },
    );
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function History({ jobs }: { jobs: RemoteJob[] }) {
  const allowed = useHostActionAccounts(jobs.filter(stuckAtHost).map((job) => job.accountId));
  return <JobList jobs={jobs} onHostAction={() => {}} canHostAction={(job) => allowed.has(job.accountId)} />;
}

const hostButtons = (jobId: string) =>
  [...root.querySelectorAll(`li[data-job-id="${jobId}"] button`)].map((b) => b.textContent).filter((text) => text?.includes('on the host'));

describe('host actions in History', () => {
  it('shows restart and remove only for a stuck job whose host has remote-upload actions', async () => {
    const jobs = [stuck('j1', 'dood'), stuck('j2', 'media'), stuck('j3', 'removed'), stuck('j4', 'dood')];
    await act(async () => render(<History jobs={jobs} />, root));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(hostButtons('j1')).toEqual(['Restart on the host', 'Remove on the host']);
    expect(hostButtons('j4')).toEqual(['Restart on the host', 'Remove on the host']);
    expect(hostButtons('j2')).toEqual([]);
    expect(hostButtons('j3')).toEqual([]);
    // Each account's host is asked once.
    expect(asked.sort()).toEqual(['dood', 'media', 'removed']);
  });

  it('offers nothing before the host has answered', () => {
    render(<JobList jobs={[stuck('j1', 'dood')]} onHostAction={() => {}} canHostAction={() => false} />, root);
    expect(hostButtons('j1')).toEqual([]);
  });
});
