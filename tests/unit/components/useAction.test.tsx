import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useAction, type Action, type ActionOptions } from '../../../components/hooks/useAction';
import { AppError } from '../../../lib/errors';

// The one hook every UI write goes through: pending while it runs, the
// error's code and message when it fails, never a rejected promise.

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The action the mounted view rendered last. */
let current: Action | undefined;

/** A view that holds one action and shows its state. */
function View({ options }: { options: ActionOptions }) {
  current = useAction(options);
  return (
    <p data-pending={String(current.pending)} data-code={current.error?.code ?? ''}>
      {current.error?.message ?? ''}
    </p>
  );
}

/** Renders the view; returns the latest action. */
function mount(options: ActionOptions = {}): () => Action {
  current = undefined;
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<View options={options} />, root));
  return () => current!;
}

const shown = () => root.querySelector('p')!;

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('is pending while the write runs and resolves true when it succeeds', async () => {
    const action = mount();
    const write = deferred();
    let result: Promise<boolean> | undefined;
    await act(async () => {
      result = action().run(() => write.promise);
    });
    expect(action().pending).toBe(true);
    expect(shown().dataset.pending).toBe('true');
    await act(async () => write.resolve());
    expect(await result).toBe(true);
    expect(action().pending).toBe(false);
    expect(action().error).toBeUndefined();
  });

  it('keeps the code and message of a failed write, tells onError, and does not reject', async () => {
    const told: string[] = [];
    const action = mount({ onError: (e) => told.push(`${e.code}: ${e.message}`) });
    let ok: boolean | undefined;
    await act(async () => {
      ok = await action().run(() => Promise.reject(new AppError('auth', 'The API key was refused.')));
    });
    expect(ok).toBe(false);
    expect(action().error).toEqual({ code: 'auth', message: 'The API key was refused.' });
    expect(shown().dataset.code).toBe('auth');
    expect(told).toEqual(['auth: The API key was refused.']);
    expect(action().pending).toBe(false);
  });

  it('gives a plain Error the code "server" and clears the error when the next write starts', async () => {
    const action = mount();
    await act(async () => {
      await action().run(() => Promise.reject(new Error('boom')));
    });
    expect(action().error).toEqual({ code: 'server', message: 'boom' });
    const write = deferred();
    await act(async () => {
      void action().run(() => write.promise);
    });
    expect(action().error).toBeUndefined();
    await act(async () => write.resolve());
  });

  it('runs after() once per write, failed or not, before run resolves', async () => {
    const events: string[] = [];
    const action = mount({ after: async () => void events.push('after') });
    await act(async () => {
      await action().run(async () => void events.push('ok write'));
      await action().run(async () => {
        events.push('bad write');
        throw new Error('no');
      });
    });
    expect(events).toEqual(['ok write', 'after', 'bad write', 'after']);
    expect(action().pending).toBe(false);
  });

  it('counts a failing after() as the failure of an otherwise good write', async () => {
    const action = mount({ after: () => Promise.reject(new AppError('network', 'reload failed')) });
    let ok: boolean | undefined;
    await act(async () => {
      ok = await action().run(async () => undefined);
    });
    expect(ok).toBe(false);
    expect(action().error?.code).toBe('network');
  });

  it('stays pending until the last of overlapping writes ends', async () => {
    const action = mount();
    const first = deferred();
    const second = deferred();
    const runs: Promise<boolean>[] = [];
    await act(async () => {
      runs.push(
        action().run(() => first.promise),
        action().run(() => second.promise),
      );
    });
    await act(async () => {
      first.resolve();
      await runs[0];
    });
    expect(action().pending).toBe(true);
    await act(async () => {
      second.reject(new Error('late'));
      await runs[1];
    });
    expect(action().pending).toBe(false);
    expect(action().error?.message).toBe('late');
  });
});
