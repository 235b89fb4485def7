import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MirrorLinks } from '../../../components/shared/MirrorLinks';
import { mirrorCopy } from '../../../components/shared/mirrorCopy';
import { formatLinks } from '../../../lib/links/formats';
import { deriveGroup } from '../../../lib/queue/model/group';
import type { Job } from '../../../lib/queue/model/job';
import { forgetLinkSettings } from '../../../components/hooks/linkSettings';

// "Copy all links" of a mirror: offered as soon as every account has its
// link (encoding or ready), and once some failed, it copies the links there
// are and names the accounts missing, in the user's link format.

const accounts = [
  { id: 'a', label: 'Media Main' },
  { id: 'b', label: 'Vip Backup' },
  { id: 'c', label: 'Watching Mirror' },
];
const labelOf = (id: string) => accounts.find((a) => a.id === id)!.label;

let index = 0;
const member = (accountId: string, state: Job['state'], extra: Record<string, unknown> = {}): Job =>
  ({
    id: `m-${accountId}`,
    kind: 'file',
    accountId,
    state,
    createdAt: 1,
    updatedAt: 1,
    attempts: 1,
    options: {},
    file: { name: 'trailer.mp4', size: 2048, type: 'video/mp4', lastModified: 1 },
    group: { id: 'g', index: index++ },
    ...extra,
  }) as Job;
const linked = (accountId: string, state: Job['state']) =>
  member(accountId, state, { fileCode: `code-${accountId}`, links: { watch: `https://${accountId}.example/w/code-${accountId}` } });
const watch = (accountId: string) => `https://${accountId}.example/w/code-${accountId}`;
const failed = (accountId: string) => member(accountId, 'failed', { error: { code: 'auth', message: 'watching.vn rejected the API key.' } });

let root: HTMLElement;
let clipboard: string[];
let linkSettings: { format: string; template: string; perAccount: Record<string, string> };

beforeEach(() => {
  // Each test is a new page: the page's shared answer for the link format starts empty.
  forgetLinkSettings();
  index = 0;
  clipboard = [];
  linkSettings = { format: 'plain', template: '', perAccount: {} };
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void clipboard.push(text)) },
  });
  // The background's answer to the page's question for the user's link format.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    return type === 'settings.links' ? Promise.resolve({ ok: true, data: linkSettings }) : undefined;
  });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(jobs: Job[]) {
  await act(async () => render(<MirrorLinks group={deriveGroup('g', jobs)} accounts={accounts} />, root));
  // Let the link format arrive.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
}

const copyAll = () => root.querySelector<HTMLButtonElement>('button[aria-label="Copy all links"]');

async function click(button: HTMLButtonElement) {
  await act(async () => {
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('mirrorCopy', () => {
  it('is offered while every account is still encoding, as soon as each has its link', () => {
    const copy = mirrorCopy(deriveGroup('g', [linked('a', 'encoding'), linked('b', 'encoding'), linked('c', 'ready')]), { format: 'plain' }, labelOf);
    expect(copy).toEqual({ text: [watch('a'), watch('b'), watch('c')].join('\n'), copied: 3, total: 3, missing: [] });
  });

  it('waits while an account may still bring its link', () => {
    expect(mirrorCopy(deriveGroup('g', [linked('a', 'encoding'), member('b', 'uploading')]), undefined, labelOf)).toBeUndefined();
    // Encoding without a named file (the host has not said its code yet) still waits.
    expect(mirrorCopy(deriveGroup('g', [linked('a', 'ready'), member('b', 'encoding')]), undefined, labelOf)).toBeUndefined();
  });

  it('copies the links there are once the others failed, and names the accounts missing', () => {
    const copy = mirrorCopy(deriveGroup('g', [linked('a', 'ready'), linked('b', 'encoding'), failed('c')]), undefined, labelOf);
    expect(copy).toEqual({ text: `${watch('a')}\n${watch('b')}`, copied: 2, total: 3, missing: ['Watching Mirror'] });
  });

  it('offers nothing when no account has a link', () => {
    expect(mirrorCopy(deriveGroup('g', [failed('a'), failed('b')]), undefined, labelOf)).toBeUndefined();
  });
});

describe('Copy all links in the mirror list', () => {
  it('shows while every account is encoding, and copies every link in the user’s format', async () => {
    linkSettings = { format: 'plain', template: '', perAccount: { a: 'markdown' } };
    const jobs = [linked('a', 'encoding'), linked('b', 'encoding'), linked('c', 'encoding')];
    await mount(jobs);
    expect(root.querySelectorAll('a[data-field="mirror-link"]')).toHaveLength(3);
    const button = copyAll();
    expect(button).not.toBeNull();
    await click(button!);
    const items = jobs.map((job) => ({ title: 'trailer.mp4', watch: job.links!.watch, code: job.fileCode!, size: 2048, host: labelOf(job.accountId) }));
    expect(clipboard).toEqual([formatLinks(items, 'markdown')]);
    expect(clipboard[0]).toContain(`](${watch('c')})`);
    expect(button!.textContent).toBe('Copied');
    expect(root.querySelector('[data-field="copy-note"]')).toBeNull();
  });

  it('is not there while one account is still uploading', async () => {
    await mount([linked('a', 'encoding'), member('b', 'uploading')]);
    expect(copyAll()).toBeNull();
  });

  it('with one account failed, copies the others and says which account is missing', async () => {
    await mount([linked('a', 'ready'), linked('b', 'encoding'), failed('c')]);
    const button = copyAll();
    expect(button?.getAttribute('title')).toBe('No link from: Watching Mirror');
    await click(button!);
    expect(clipboard).toEqual([`${watch('a')}\n${watch('b')}`]);
    expect(root.querySelector('[role="status"][data-field="copy-note"]')?.textContent).toBe('Copied 2 of 3 links; missing: Watching Mirror');
    // The failed account's reason stays in the list, once.
    expect(root.textContent?.split('watching.vn rejected the API key.').length).toBe(2);
  });
});
