import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useRemote } from '../../../components/hooks/useRemote';

// useRemote is the one read hook (the account lists use it too): `skip` asks
// the background nothing, for a feature the host lacks.

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function answerDeleted(): string[] {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const envelope = message as { type: string };
    asked.push(envelope.type);
    return Promise.resolve({ ok: true, data: [{ fileCode: 'abc123', title: 'gone.mp4' }] });
  });
  return asked;
}

function List({ skip }: { skip: boolean }) {
  const deleted = useRemote('account.deleted', { accountId: 'acc_1' }, undefined, skip);
  return <p>{deleted.data ? deleted.data.map((d) => d.fileCode).join(',') : 'nothing'}</p>;
}

async function mount(skip: boolean) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<List skip={skip} />, root));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
}

describe('useRemote', () => {
  it('loads the answer', async () => {
    const asked = answerDeleted();
    await mount(false);
    expect(asked).toEqual(['account.deleted']);
    expect(root.textContent).toBe('abc123');
  });

  it('asks nothing when skipped', async () => {
    const asked = answerDeleted();
    await mount(true);
    expect(asked).toEqual([]);
    expect(root.textContent).toBe('nothing');
  });
});
