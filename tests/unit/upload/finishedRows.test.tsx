import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadJobRow } from '../../../components/manager/upload/UploadJobRow';
import { MirrorUploadRow } from '../../../components/manager/upload/MirrorUploadRow';
import { deriveGroup } from '../../../lib/queue/model/group';
import type { PublicAccount } from '../../../lib/accounts';
import type { Job, UploadJob } from '../../../lib/queue/model/job';

// The Upload tab's queue: an upload done with its bytes is one line (state,
// name, account, link, copy, remove) with its details folded; a mirror says
// each account's error once.

const noop = () => {};
const actions = { onCancel: noop, onRetry: noop, onRemove: noop, onReattach: noop };
const file = (extra: Partial<UploadJob> & { id?: string } = {}): UploadJob =>
  ({
    id: 'u1',
    kind: 'file',
    accountId: 'a',
    state: 'ready',
    createdAt: 1,
    updatedAt: 1,
    attempts: 1,
    options: {},
    file: { name: 'talk.mp4', size: 8192, type: 'video/mp4', lastModified: 1 },
    ...extra,
  }) as UploadJob;
const links = (code: string) => ({ fileCode: code, links: { watch: `https://host.example/${code}`, embed: `https://host.example/e/${code}` } });

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(node: preact.ComponentChild) {
  await act(async () => render(<ul>{node}</ul>, root));
}
const names = (el: Element) => [...el.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);

describe('a finished upload', () => {
  it('is one line with its state, name, account, link, copy and remove; the rest folds out', async () => {
    await mount(<UploadJobRow job={file({ state: 'encoding', ...links('abc') })} accountLabel="Media Main" {...actions} />);
    const lines = root.querySelectorAll('li > .finished-line');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.querySelector('.badge')?.textContent).toBe('Encoding on the host');
    expect(line.querySelector('[data-field="name"]')?.textContent).toBe('talk.mp4');
    expect(line.querySelector('[data-field="account"]')?.textContent).toBe('Media Main');
    expect(line.querySelector('a[data-field="link"]')?.getAttribute('href')).toBe('https://host.example/abc');
    // Landed: removing it from the queue leaves the file on the host.
    expect(names(line)).toEqual(['Copy link', 'Remove talk.mp4 from the queue', 'Details for talk.mp4']);
    expect(root.textContent).not.toContain('https://host.example/e/abc');

    await act(async () => root.querySelector<HTMLButtonElement>('button[aria-label="Details for talk.mp4"]')!.click());
    expect(root.querySelector('button[aria-label="Details for talk.mp4"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.finished-details')?.textContent).toContain('https://host.example/e/abc');
  });

  it('offers remove once ready, and a failed one says why on its line with retry', async () => {
    await mount(<UploadJobRow job={file(links('abc'))} accountLabel="Media Main" {...actions} />);
    expect(names(root.querySelector('.finished-line')!)).toEqual(['Copy link', 'Remove talk.mp4 from the queue', 'Details for talk.mp4']);
    await mount(
      <UploadJobRow
        job={file({ state: 'failed', error: { code: 'bandwidth', message: 'The host refused: bandwidth limit (509).' } })}
        accountLabel="Media Main"
        {...actions}
      />,
    );
    const line = root.querySelector('.finished-line')!;
    expect(line.querySelector('[data-field="error"]')?.getAttribute('data-code')).toBe('bandwidth');
    expect(names(line)).toEqual(['Retry talk.mp4', 'Remove talk.mp4 from the queue', 'Details for talk.mp4']);
  });

  it('keeps the full row, with progress, while bytes are on their way', async () => {
    await mount(<UploadJobRow job={file({ state: 'uploading', bytesSent: 10, bytesTotal: 100 })} accountLabel="Media Main" {...actions} />);
    expect(root.querySelector('.finished-line')).toBeNull();
    expect(root.querySelector('progress')).not.toBeNull();
  });
});

describe('a file mirror', () => {
  const accounts = [
    { id: 'a', label: 'Media Main' },
    { id: 'b', label: 'Vip Backup' },
    { id: 'c', label: 'Watching Mirror' },
  ] as PublicAccount[];
  const member = (id: string, accountId: string, index: number, extra: Partial<UploadJob>) => file({ id, accountId, group: { id: 'g', index }, ...extra });
  const error = 'watching.vn rejected the API key.';
  const finished: Job[] = [
    member('m1', 'a', 0, links('one')),
    member('m2', 'b', 1, links('two')),
    member('m3', 'c', 2, { state: 'failed', error: { code: 'auth', message: error } }),
  ];

  it('is one line once every account is done, with Copy all links and remove, and says each error once when opened', async () => {
    await mount(<MirrorUploadRow group={deriveGroup('g', finished)} accounts={accounts} {...actions} />);
    expect(root.querySelector('[role="list"], ul ul')).toBeNull();
    const line = root.querySelector('.finished-line')!;
    expect(line.querySelector('[data-mirror-id="g"]')?.getAttribute('data-done')).toBe('true');
    expect(names(line)).toEqual(['Copy all links', 'Remove talk.mp4 from the queue', 'Details for talk.mp4']);

    await act(async () => root.querySelector<HTMLButtonElement>('button[aria-label="Details for talk.mp4"]')!.click());
    const list = root.querySelector('ul[aria-label="Mirror links"]')!;
    expect([...list.querySelectorAll(':scope > li')].map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Media Main',
      'Vip Backup',
      'Watching Mirror',
    ]);
    expect(list.querySelectorAll('a[data-field="mirror-link"]')).toHaveLength(2);
    expect(root.textContent!.split(error)).toHaveLength(2);
    expect(root.querySelector('button[aria-label="Retry talk.mp4 (Watching Mirror)"]')).not.toBeNull();
  });

  it('stays open while an account still uploads', async () => {
    const running = [finished[0]!, member('m2', 'b', 1, { state: 'uploading', bytesSent: 5, bytesTotal: 10 })];
    await mount(<MirrorUploadRow group={deriveGroup('g', running)} accounts={accounts} {...actions} />);
    expect(root.querySelectorAll('ul[aria-label="Mirror links"] > li')).toHaveLength(2);
    expect(root.querySelector('progress')).not.toBeNull();
    expect(names(root.querySelector('.finished-line')!)).toEqual(['Cancel talk.mp4', 'Details for talk.mp4']);
  });
});
