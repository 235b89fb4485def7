import { beforeEach, describe, expect, it } from 'vitest';
import { createPickerHandlers, type PickerApi } from '../../../lib/background/handlers/picker';
import { loadPickerEntry, savePickerEntry, storedPickerEntries } from '../../../lib/background/stored/picker-entries';
import { AppError } from '../../../lib/errors';
import type { FoundVideo } from '../../../lib/media';
import type { Job } from '../../../lib/queue/model/job';

const candidates: FoundVideo[] = [
  { url: 'https://cdn.example/1.mp4', kind: 'file', source: 'link' },
  { url: 'https://cdn.example/2.mp4', kind: 'file', source: 'link' },
  { url: 'https://cdn.example/3.m3u8', kind: 'hls', source: 'resource' },
];

let sends: { target: string; urls: string[] }[];
let accounts: { id: string; label: string }[];
let failNext: Error | undefined;

const api: PickerApi = {
  accounts: async () => accounts,
  send: async (target, urls) => {
    if (failNext) {
      const error = failNext;
      failNext = undefined;
      throw error;
    }
    sends.push({ target, urls });
    return urls.map((url, i) => ({ id: `job-${i}`, url }) as Job);
  },
};

beforeEach(() => {
  sends = [];
  failNext = undefined;
  accounts = [
    { id: 'a', label: 'Media' },
    { id: 'b', label: 'Vip' },
  ];
});

describe('picker handlers', () => {
  it('shows the stored candidates with every enabled account and the mirror', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:b', pageUrl: 'https://site.example/list' });
    await expect(h['picker.get']({ id: entry.id })).resolves.toEqual({
      id: entry.id,
      pageUrl: 'https://site.example/list',
      candidates,
      target: 'account:b',
      targets: [
        { id: 'account:a', label: 'Media' },
        { id: 'account:b', label: 'Vip' },
        { id: 'mirror:all', label: 'All accounts (mirror)' },
      ],
    });
  });

  it('offers no mirror for a single account and moves a stale choice to the first account', async () => {
    accounts = [{ id: 'a', label: 'Media' }];
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'mirror:all' });
    const view = await h['picker.get']({ id: entry.id });
    expect(view.targets).toEqual([{ id: 'account:a', label: 'Media' }]);
    expect(view.target).toBe('account:a');
  });

  it('sends the chosen videos once, then the id is spent', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    const reply = await h['picker.send']({ id: entry.id, urls: [candidates[2].url, candidates[0].url], target: 'mirror:all' });
    expect(reply.targetLabel).toBe('All accounts (mirror)');
    expect(reply.jobs).toHaveLength(2);
    expect(sends).toEqual([{ target: 'mirror:all', urls: [candidates[2].url, candidates[0].url] }]);
    await expect(h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:a' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(h['picker.get']({ id: entry.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(sends).toHaveLength(1);
  });

  it('sends once when the button is pressed twice at the same time', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    const both = await Promise.allSettled([
      h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:a' }),
      h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:a' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(sends).toHaveLength(1);
  });

  it('refuses a URL that was not found on the page, and an unknown or disabled target', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await expect(h['picker.send']({ id: entry.id, urls: ['https://evil.example/x.mp4'], target: 'account:a' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:zzz' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(sends).toEqual([]);
    // Nothing was lost: the list is still there to choose from.
    await expect(loadPickerEntry(entry.id)).resolves.toBeDefined();
  });

  it('keeps the list when queueing fails, so the user can try again', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    failNext = new AppError('invalid_input', 'Pick at least one account to mirror to.');
    await expect(h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:a' })).rejects.toMatchObject({
      message: 'Pick at least one account to mirror to.',
    });
    await expect(h['picker.send']({ id: entry.id, urls: [candidates[0].url], target: 'account:a' })).resolves.toMatchObject({ targetLabel: 'Media' });
  });

  it('dismisses a list', async () => {
    const h = createPickerHandlers({ menu: api, pickerEntries: storedPickerEntries });
    const entry = await savePickerEntry({ candidates, target: 'account:a' });
    await expect(h['picker.dismiss']({ id: entry.id })).resolves.toEqual({ removed: true });
    await expect(loadPickerEntry(entry.id)).resolves.toBeUndefined();
  });
});
