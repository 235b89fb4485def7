import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useJobs } from '../../../components/hooks/useJobs';
import type { Job } from '../../../lib/queue/model/job';
import { job } from '../queue/fakes';

// useJobs' early rows (the popup's stored copy): shown until the background
// answers, never over an answer that came first.

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const later = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

function answerAfter(gate: Promise<void>, jobs: Job[]) {
  fakeBrowser.runtime.onMessage.addListener(async () => {
    await gate;
    return { ok: true, data: jobs };
  });
}

function Recent({ early }: { early: () => Promise<Job[] | undefined> }) {
  const jobs = useJobs('jobs.list', { limit: 10 }, { early });
  return <p>{jobs.data ? jobs.data.map((j) => j.id).join(',') : 'nothing'}</p>;
}

async function mount(early: () => Promise<Job[] | undefined>) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Recent early={early} />, root));
}
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 10)));

describe('useJobs early rows', () => {
  it('shows the copy until the answer comes, then the answer', async () => {
    const answer = later();
    answerAfter(answer.gate, [job({ id: 'fresh' })]);
    await mount(async () => [job({ id: 'copied' })]);
    await settle();
    expect(root.textContent).toBe('copied');
    answer.open();
    await settle();
    expect(root.textContent).toBe('fresh');
  });

  it('keeps an answer that came before the copy', async () => {
    const copy = later();
    answerAfter(Promise.resolve(), [job({ id: 'fresh' })]);
    await mount(async () => {
      await copy.gate;
      return [job({ id: 'copied' })];
    });
    await settle();
    copy.open();
    await settle();
    expect(root.textContent).toBe('fresh');
  });
});
