import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UnreadableEntries } from '../../../components/options/UnreadableEntries';
import { createStorageHandlers } from '../../../lib/background/handlers/storage';
import { dispatch, type Handlers } from '../../../lib/background/router';
import { accountSchema } from '../../../lib/accounts';
import { useLocale } from '../i18n/helpers';
import de from '../../../public/_locales/de/messages.json';

// The Options panel for stored data that could not be read, against the real
// handlers and router over fake browser storage.

const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html', origin: 'chrome-extension://test-extension-id' };
const account = (id: string, hostId = 'media.cm') => ({ version: 1, data: { ...accountSchema.parse({ id, hostId: 'media.cm', label: id, key: `secret-${id}-key` }), hostId } });
let root: HTMLElement;

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const text = () => root.textContent ?? '';
const buttons = () => [...root.querySelectorAll('button')];

async function show(entries: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries }, ...extra });
  await act(() => render(<UnreadableEntries />, root));
  await settle();
}

beforeEach(() => {
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => dispatch(createStorageHandlers() as Handlers, message, page)) as never;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('UnreadableEntries', () => {
  it('shows nothing when everything reads', async () => {
    await show({ ok: account('ok') });
    expect(root.innerHTML).toBe('');
  });

  it('counts one account in the singular, with what was wrong and both buttons', async () => {
    await show({ ok: account('ok'), acc_f: account('acc_f', 'streamfuture.tv') });
    expect(root.querySelector('h3')?.textContent).toBe('1 account could not be read');
    expect(text()).toContain('Its host "streamfuture.tv" is unknown to this version of VidRelay.');
    expect(text()).toContain('may contain its API key in plain text');
    expect(buttons().map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['Export', 'Export Account acc_f'],
      ['Remove', 'Remove Account acc_f'],
    ]);
    expect(text()).not.toContain('secret-acc_f-key');
  });

  it('counts two accounts in the plural and lists settings that could not be read', async () => {
    await show({ a: 'junk', b: account('b', 'x.example'), c: { version: 9, data: {} } }, { settings: { version: 2, data: {} } });
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '3 accounts could not be read',
      expect.stringContaining('The settings could not be read.'),
    ]);
    expect(text()).toContain('It was written by a newer version of VidRelay (format 2; this version reads up to 1).');
  });

  it('speaks German', async () => {
    useLocale(de);
    await show({ a: 'junk', b: 'junk' });
    expect(root.querySelector('h3')?.textContent).toBe('2 Konten konnten nicht gelesen werden');
    expect(buttons()[0].textContent).toBe('Exportieren');
  });

  it('removes an entry only after the user confirms', async () => {
    await show({ ok: account('ok'), bad: 'junk' });
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    const remove = () => buttons().find((b) => b.textContent === 'Remove')!;
    await act(() => remove().click());
    await settle();
    expect(Object.keys(((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: object } }).accountEntries.entries)).toEqual(['ok', 'bad']);
    await act(() => remove().click());
    await settle();
    await settle();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(Object.keys(((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: object } }).accountEntries.entries)).toEqual(['ok']);
    expect(text()).toContain('Removed the unreadable entry.');
    expect(root.querySelectorAll('li, h3')).toHaveLength(0);
  });
});
