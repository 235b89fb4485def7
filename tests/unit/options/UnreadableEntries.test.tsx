import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UnreadableEntries } from '../../../components/options/UnreadableEntries';
import { createStorageHandlers } from '../../../lib/background/handlers/unreadable';
import { createUnreadable } from '../../../lib/background/stored/unreadable';
import { storedItems } from '../../../lib/background/stored/registry';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { accountSchema } from '../../../lib/accounts';
import { switchLocale } from '../i18n/helpers';
import de from '../../../public/_locales/de/messages.json';

const downloads = vi.hoisted(() => [] as { name: string; text: string }[]);
vi.mock('../../../components/shared/download', () => ({ downloadText: (name: string, text: string) => void downloads.push({ name, text }) }));

// The Options panel for stored data that could not be read, against the real
// handlers and router over fake browser storage.

const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html', origin: 'chrome-extension://test-extension-id' };
const account = (id: string, hostId = 'media.cm') => ({
  version: 1,
  data: { ...accountSchema.parse({ id, hostId: 'media.cm', label: id, key: `secret-${id}-key` }), hostId },
});
let root: HTMLElement;

// The page's requests still under way: settling waits for every one (listing reads IndexedDB too), then renders.
let pending: Promise<unknown>[] = [];
const settle = () =>
  act(async () => {
    while (pending.length) {
      const now = pending;
      pending = [];
      await Promise.allSettled(now);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
const text = () => root.textContent ?? '';
const buttons = () => [...root.querySelectorAll('button')];

async function show(entries: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries }, ...extra });
  await act(() => render(<UnreadableEntries />, root));
  await settle();
}

beforeEach(() => {
  downloads.length = 0;
  pending = [];
  fakeBrowser.runtime.sendMessage = ((message: unknown) => {
    const answer = dispatch(createStorageHandlers({ unreadable: createUnreadable(storedItems) }) as Handlers, message, page);
    pending.push(answer);
    return answer;
  }) as never;
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
    expect(text()).toContain('without one, API keys, passwords and tokens in it are replaced by a marker');
    expect(buttons().map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['Export', 'Export Account acc_f'],
      ['Remove', 'Remove Account acc_f'],
    ]);
    expect(text()).not.toContain('secret-acc_f-key');
  });

  it('counts two accounts in the plural and lists settings that could not be read', async () => {
    await show({ a: 'junk', b: account('b', 'x.example'), c: { version: 9, data: {} } }, { settings: { version: 3, data: {} } });
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '3 accounts could not be read',
      expect.stringContaining('The settings could not be read.'),
    ]);
    expect(text()).toContain('It was written by a newer version of VidRelay (format 3; this version reads up to 2).');
  });

  it('speaks German', async () => {
    switchLocale(de);
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
    expect(Object.keys(((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: object } }).accountEntries.entries)).toEqual([
      'ok',
      'bad',
    ]);
    await act(() => remove().click());
    await settle();
    await settle();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(Object.keys(((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: object } }).accountEntries.entries)).toEqual([
      'ok',
    ]);
    expect(text()).toContain('Removed the unreadable entry.');
    expect(root.querySelectorAll('li, h3')).toHaveLength(0);
  });

  it('asks for a passphrase on Export: without one the key is replaced and the page says so, with one the file is encrypted', async () => {
    await show({ ok: account('ok'), acc_f: account('acc_f', 'streamfuture.tv') });
    const exportButton = () => buttons().find((b) => b.textContent === 'Export')!;
    const saveExport = async () => {
      await act(() =>
        buttons()
          .find((b) => b.textContent === 'Save export')!
          .click(),
      );
      await settle();
      await settle();
    };
    await act(() => exportButton().click());
    expect(exportButton().getAttribute('aria-expanded')).toBe('true');
    const field = root.querySelector<HTMLInputElement>('input[type="password"]')!;
    expect(root.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Passphrase for this export');
    expect(downloads).toHaveLength(0);
    await saveExport();
    expect(downloads).toHaveLength(1);
    expect(downloads[0].text).not.toContain('secret-acc_f-key');
    expect(JSON.parse(downloads[0].text).value.data.key).toBe('[removed for export: secret]');
    expect(text()).toContain(
      'Saved vidrelay-unreadable-account-acc_f.json without encryption: 1 secret values (API keys, passwords, tokens) were replaced by "[removed for export: secret]"',
    );
    expect(root.querySelector('form')).toBeNull();

    await act(() => exportButton().click());
    const again = root.querySelector<HTMLInputElement>('input[type="password"]')!;
    again.value = 'short';
    await act(() => void again.dispatchEvent(new Event('input')));
    await saveExport();
    expect(downloads).toHaveLength(1);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('at least 8 characters');
    expect(root.querySelector('form')).not.toBeNull();
    again.value = 'a long passphrase';
    await act(() => void again.dispatchEvent(new Event('input')));
    await act(() =>
      buttons()
        .find((b) => b.textContent === 'Save export')!
        .click(),
    );
    // PBKDF2 at its full iteration count takes a moment.
    for (let i = 0; i < 100 && downloads.length < 2; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await settle();
    expect(downloads[1].name).toBe('vidrelay-unreadable-account-acc_f-encrypted.json');
    expect(downloads[1].text).not.toContain('secret-acc_f-key');
    expect(JSON.parse(downloads[1].text).encryption.cipher.name).toBe('AES-GCM');
    expect(text()).toContain('Saved vidrelay-unreadable-account-acc_f-encrypted.json, encrypted with your passphrase.');
  });
});
