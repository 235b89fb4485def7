import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  loadPickerEntry,
  openPicker,
  openPickerWindow,
  pickerTtlMs,
  removePickerEntry,
  savePickerEntry,
} from '../../../lib/background/picker';
import type { FoundVideo } from '../../../lib/media';

const candidates: FoundVideo[] = [
  { url: 'https://cdn.example/1.mp4', kind: 'file', source: 'link' },
  { url: 'https://cdn.example/2.mp4', kind: 'file', source: 'link' },
];

describe('picker entries in storage.session', () => {
  it('keeps the candidates under a fresh id, in session storage only', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a', pageUrl: 'https://site.example/list' });
    expect(entry.id).toMatch(/^[\w-]{20,}$/);
    await expect(loadPickerEntry(entry.id)).resolves.toEqual(entry);
    await expect(fakeBrowser.storage.local.get(null)).resolves.toEqual({});
    const other = await savePickerEntry({ candidates, target: 'account:a' });
    expect(other.id).not.toBe(entry.id);
  });

  it('forgets an entry once removed, and one older than its time to live', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' }, 1_000);
    await expect(loadPickerEntry(entry.id, 1_000 + pickerTtlMs - 1)).resolves.toBeDefined();
    await expect(loadPickerEntry(entry.id, 1_000 + pickerTtlMs)).resolves.toBeUndefined();
    await expect(removePickerEntry(entry.id)).resolves.toBe(true);
    await expect(removePickerEntry(entry.id)).resolves.toBe(false);
    await expect(loadPickerEntry(entry.id, 1_000)).resolves.toBeUndefined();
  });

  it('drops stale entries when a new one is saved', async () => {
    const old = await savePickerEntry({ candidates, target: 'account:a' }, 1_000);
    await savePickerEntry({ candidates, target: 'account:a' }, 1_000 + pickerTtlMs + 1);
    const keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).toHaveLength(1);
    expect(keys).not.toContain(`picker:${old.id}`);
  });

  it('ignores a stored entry that does not validate', async () => {
    await fakeBrowser.storage.session.set({ 'picker:bad': { id: 'bad', createdAt: Date.now(), target: 'x', candidates: [{ url: 1 }] } });
    await expect(loadPickerEntry('bad')).resolves.toBeUndefined();
  });

  it('refuses to store an empty list', async () => {
    await expect(savePickerEntry({ candidates: [], target: 'account:a' })).rejects.toThrow();
  });
});

describe('opening the picker', () => {
  it('opens a small popup window with only the id in its URL', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const entry = await openPicker({ candidates, target: 'account:a' });
    expect(create).toHaveBeenCalledOnce();
    const args = create.mock.calls[0][0]!;
    expect(args.type).toBe('popup');
    expect(args.url).toBe(`chrome-extension://test-extension-id/picker.html?id=${entry.id}`);
    expect(String(args.url)).not.toContain('cdn.example');
    create.mockRestore();
  });

  it('opens a tab where popup windows are not available', async () => {
    const windows = fakeBrowser.windows;
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    Object.assign(fakeBrowser, { windows: undefined });
    try {
      await openPickerWindow('abc');
    } finally {
      Object.assign(fakeBrowser, { windows });
    }
    expect(tabs.mock.calls[0][0].url).toMatch(/\/picker\.html\?id=abc$/);
    tabs.mockRestore();
  });
});
