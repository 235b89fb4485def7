import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { JobList } from '../../../components/shared/JobList';
import type { RemoteJob } from '../../../lib/queue/model/job';

// How the job list words remote uploads that wait on their host, and the
// buttons History gets for one stuck there.

const remote = (extra: Partial<RemoteJob>): RemoteJob => ({
  id: 'j1',
  kind: 'remote',
  accountId: 'a',
  state: 'encoding',
  createdAt: 1,
  updatedAt: 1,
  attempts: 1,
  options: {},
  url: 'https://cdn.example/v.mp4',
  ...extra,
});

function html(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll('.row.small button')].map((b) => b.textContent);

describe('JobList for remote uploads waiting on the host', () => {
  it('says "Waiting for the host" and "Waiting for a free slot on the host"', () => {
    expect(html(<JobList jobs={[remote({ waiting: 'host' })]} />).querySelector('.badge')?.textContent).toBe('Waiting for the host');
    expect(html(<JobList jobs={[remote({ state: 'queued', waiting: 'slot' })]} />).querySelector('.badge')?.textContent).toBe(
      'Waiting for a free slot on the host',
    );
    expect(html(<JobList jobs={[remote({ fileCode: 'abc' })]} />).querySelector('.badge')?.textContent).toBe('Encoding');
  });

  it("shows the host's progress, and offers restart and remove there only for a fetch the host reports failed", () => {
    const onHostAction = vi.fn();
    const working = html(<JobList jobs={[remote({ fileCode: 'abc', progress: 42.5 })]} onHostAction={onHostAction} />);
    expect(working.querySelector('[data-field="host-progress"]')?.textContent).toContain('Progress on the host: 42%');
    expect(buttons(working)).toEqual([]);
    const stuck = html(
      <JobList
        jobs={[remote({ fileCode: 'abc', error: { code: 'upload_rejected', message: 'The host could not fetch this URL: 404' } })]}
        onHostAction={onHostAction}
      />,
    );
    expect(buttons(stuck)).toEqual(['Restart on the host', 'Remove on the host']);
    (stuck.querySelectorAll('.row.small button')[1] as HTMLButtonElement).click();
    expect(onHostAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'j1' }), 'remove');
  });

  it('words a remote upload that ended unconfirmed by its code, and any other error by its message', () => {
    const ended = html(
      <JobList
        jobs={[
          remote({ id: 'u1', state: 'failed', waiting: 'host', error: { code: 'unconfirmed', message: 'FileMoon took the URL, but …' } }),
          remote({ id: 'u2', state: 'failed', error: { code: 'auth', message: 'Check the API key in Options.' } }),
        ]}
      />,
    );
    expect(ended.querySelector('li[data-job-id="u1"] [data-code="unconfirmed"]')?.textContent).toMatch(
      /^The host took the URL, but VidRelay could not learn which file it made\. Look for the video on the host before you send this URL again/,
    );
    expect(ended.querySelector('li[data-job-id="u2"] [data-code="auth"]')?.textContent).toBe('Check the API key in Options.');
  });
});
