import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JobList } from '../../../components/shared/JobList';
import type { RemoteJob } from '../../../lib/queue/model/job';

// A job whose send left a second copy on the host says so, and offers to
// remove that copy only where the host can delete files.

const landed = (extra: Partial<RemoteJob>): RemoteJob => ({
  id: 'j1',
  kind: 'remote',
  accountId: 'a',
  state: 'ready',
  createdAt: 1,
  updatedAt: 1,
  attempts: 1,
  options: {},
  url: 'https://cdn.example/v.mp4',
  fileCode: 'own',
  links: { watch: 'https://host.example/own' },
  ...extra,
});

let asked: unknown[];
let root: HTMLElement;
beforeEach(() => {
  asked = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, payload } = message as { type: string; payload: unknown };
    if (type !== 'jobs.removeSecondCopy') return undefined;
    asked.push(payload);
    return Promise.resolve({ ok: false, error: { code: 'network', message: 'The host could not be reached.' } });
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const note = () => root.querySelector('[data-field="note"]');
const removeButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove the second copy');

describe('the note of a job that landed twice', () => {
  it('says the host holds a second copy and removes it through the background', async () => {
    render(<JobList jobs={[landed({ note: 'second-copy', secondCopy: { codes: ['dup1'], removable: true } })]} />, root);
    expect(note()?.textContent).toContain('the host holds a second copy');
    expect(note()?.textContent).toContain('dup1');
    await act(async () => removeButton()!.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(asked).toEqual([{ id: 'j1' }]);
    // A removal that failed says why, and the button stays for another try.
    expect(note()?.querySelector('[role="alert"]')?.textContent).toBe('The host could not be reached.');
    expect(removeButton()).toBeDefined();
  });

  it('offers no removal where the host cannot delete files, and says when the copy is gone', () => {
    render(<JobList jobs={[landed({ note: 'second-copy', secondCopy: { codes: ['dup1'], removable: false } })]} />, root);
    expect(note()?.textContent).toContain('the host holds a second copy');
    expect(removeButton()).toBeUndefined();
    render(<JobList jobs={[landed({ note: 'second-copy-removed' })]} />, root);
    expect(note()?.textContent).toBe('The second copy was removed from the host.');
    expect(removeButton()).toBeUndefined();
  });
});
