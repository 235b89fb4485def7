import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPickerWindow, pickerEntryVersion, pickerOpener, pickerTtlMs } from '../../../lib/background/send-to-host/picker';
import {
  loadPickerEntry,
  removePickerEntry,
  removeUnreadablePickerEntry,
  savePickerEntry,
  unreadablePickerEntries,
  unreadablePickerRaw,
} from '../../../lib/background/stored/picker-entries';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

  it('stores each entry as { version, data }', async () => {
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    expect((await fakeBrowser.storage.session.get(`picker:${entry.id}`))[`picker:${entry.id}`]).toEqual({ version: pickerEntryVersion, data: entry });
  });

  it('reads an entry of the earlier bare shape (version 0, fixture) as it is', async () => {
    const bare = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage/picker-entry-v0.json'), 'utf8'));
    await fakeBrowser.storage.session.set({ [`picker:${bare.id}`]: bare });
    await expect(loadPickerEntry(bare.id, bare.createdAt + 1)).resolves.toEqual(bare);
    await expect(unreadablePickerEntries()).resolves.toEqual([]);
    await expect(removePickerEntry(bare.id)).resolves.toBe(true);
  });

  it('reads a version 1 entry (fixture): its candidates as they were, with no stream info', async () => {
    const v1 = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage/picker-entry-v1.json'), 'utf8'));
    await fakeBrowser.storage.session.set({ [`picker:${v1.data.id}`]: v1 });
    const loaded = await loadPickerEntry(v1.data.id, v1.data.createdAt + 1);
    expect(loaded).toEqual(v1.data);
    expect(loaded?.candidates.every((c) => c.stream === undefined)).toBe(true);
    await expect(unreadablePickerEntries()).resolves.toEqual([]);
  });

  it('stores and reads back stream info (version 2); a stream info of the wrong shape makes the entry unreadable, kept', async () => {
    const stream = { master: 'https://cdn.example/m.m3u8', height: 1080, width: 1920, bandwidth: 6_800_000, duration: 1000, bytes: 850_000_000 };
    const entry = await savePickerEntry({
      candidates: [
        { url: 'https://cdn.example/1080.m3u8', kind: 'hls', source: 'resource', stream },
        { url: 'https://cdn.example/a.m3u8', kind: 'hls', source: 'resource', stream: { refused: 'separate_audio' } },
      ],
      target: 'account:a',
    });
    await expect(loadPickerEntry(entry.id)).resolves.toEqual(entry);
    const bad = { version: 2, data: { ...entry, id: 'odd', candidates: [{ ...entry.candidates[0], stream: { refused: 'nope' } }] } };
    await fakeBrowser.storage.session.set({ 'picker:odd': bad });
    await expect(loadPickerEntry('odd')).rejects.toMatchObject({ code: 'storage_unreadable' });
    await expect(unreadablePickerEntries()).resolves.toEqual([{ id: 'odd', problem: { code: 'bad_shape', fields: ['candidates.0.stream.refused'] } }]);
    await expect(unreadablePickerRaw('odd')).resolves.toEqual(bad);
  });

  it('keeps an entry that cannot be read: refused with a coded error, never dropped as stale, removed only as unreadable', async () => {
    const bad = { id: 'bad', createdAt: 1, target: 'x', candidates: [{ url: 1 }] };
    const newer = { version: pickerEntryVersion + 1, data: { id: 'newer' } };
    await fakeBrowser.storage.session.set({ 'picker:bad': bad, 'picker:newer': newer });
    await expect(loadPickerEntry('bad')).rejects.toMatchObject({ code: 'storage_unreadable', message: expect.stringContaining('Options') });
    await savePickerEntry({ candidates, target: 'account:a' }, 1 + pickerTtlMs * 10);
    await expect(removePickerEntry('bad')).resolves.toBe(false);
    const session = await fakeBrowser.storage.session.get(['picker:bad', 'picker:newer']);
    expect(session).toEqual({ 'picker:bad': bad, 'picker:newer': newer });
    await expect(unreadablePickerEntries()).resolves.toEqual([
      { id: 'bad', problem: { code: 'bad_shape', fields: ['candidates.0.url', 'candidates.0.kind', 'candidates.0.source'] } },
      { id: 'newer', problem: { code: 'newer_version', version: pickerEntryVersion + 1, known: pickerEntryVersion } },
    ]);
    await expect(unreadablePickerRaw('newer')).resolves.toEqual(newer);
    await expect(removeUnreadablePickerEntry('newer')).resolves.toBe(true);
    await expect(fakeBrowser.storage.session.get('picker:newer')).resolves.toEqual({});
  });

  it('refuses to store an empty list', async () => {
    await expect(savePickerEntry({ candidates: [], target: 'account:a' })).rejects.toThrow();
  });
});

describe('opening the picker', () => {
  it('opens a small popup window with only the id in its URL', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    // As the background's menu opens it: the list stored, then the window.
    const openPicker = pickerOpener((choice) => savePickerEntry(choice), openPickerWindow);
    const entry = await openPicker({ candidates, target: 'account:a' });
    await expect(loadPickerEntry(entry.id)).resolves.toEqual(entry);
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
