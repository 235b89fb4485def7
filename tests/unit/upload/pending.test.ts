import { describe, expect, it } from 'vitest';
import type { PublicAccount } from '../../../lib/accounts';
import {
  applyBatch,
  defaultFields,
  rebaseDefaults,
  snapshotProblem,
  splitVideos,
  titleFromPattern,
  toOptions,
  type PendingFile,
} from '../../../components/manager/upload/pending';

const host = { label: 'media.cm', canUpload: true, canRemote: true, adultFlag: true, snapshots: true, snapshotMaxBytes: 800_000, folders: true };

describe('pending files', () => {
  it('takes its defaults from the account', () => {
    const account = { defaults: { folderId: '7', tags: 'travel', public: false, adult: true } } as unknown as PublicAccount;
    expect(defaultFields(account)).toMatchObject({ folderId: '7', tags: 'travel', public: false, adult: true, title: '' });
    expect(defaultFields(undefined)).toMatchObject({ public: true, adult: false });
  });

  it('keeps videos and names the rest', () => {
    const { videos, skipped } = splitVideos([
      new File(['x'], 'a.mp4', { type: 'video/mp4' }),
      new File(['x'], 'b.mkv'),
      new File(['x'], 'notes.txt', { type: 'text/plain' }),
    ]);
    expect(videos.map((f) => f.name)).toEqual(['a.mp4', 'b.mkv']);
    expect(skipped.map((f) => f.name)).toEqual(['notes.txt']);
  });

  it('refuses a snapshot over the host limit with the sizes in the message', () => {
    const big = new File([new Uint8Array(900_000)], 'big.jpg', { type: 'image/jpeg' });
    expect(snapshotProblem(big, host)).toMatch(/878\.9 kB.*781\.3 kB/);
    expect(snapshotProblem(new File(['x'], 's.jpg', { type: 'image/jpeg' }), host)).toBeUndefined();
    expect(snapshotProblem(new File(['x'], 's.jpg', { type: 'image/jpeg' }), { ...host, snapshots: false })).toMatch(/no custom snapshot/);
  });

  it('leaves empty fields to the host and drops the adult flag where the host has none', () => {
    const fields = { ...defaultFields(undefined), title: '  My clip ', adult: true };
    expect(toOptions(fields, host)).toEqual({
      title: 'My clip',
      description: undefined,
      folderId: undefined,
      categoryId: undefined,
      tags: undefined,
      public: true,
      adult: true,
    });
    expect(toOptions(fields, { ...host, adultFlag: false })).not.toHaveProperty('adult');
  });

  it('builds titles from a pattern with the name, extension and number', () => {
    const file = new File(['x'], 'Episode.Three.mkv');
    expect(titleFromPattern('{name} ({ext}) #{n}', file, 3)).toBe('Episode.Three (mkv) #3');
    expect(titleFromPattern('Show E{nn}', file, 7)).toBe('Show E07');
    expect(titleFromPattern('{name}', new File(['x'], 'noext'), 1)).toBe('noext');
  });

  it('applies a batch to the chosen files only, numbering them in list order, leaving empty fields alone', () => {
    const list: PendingFile[] = ['a.mp4', 'b.mp4', 'c.mp4'].map((name, i) => ({
      key: `k${i}`,
      file: new File(['x'], name),
      fields: { ...defaultFields(undefined), title: `own ${i}`, tags: 'keep' },
    }));
    const out = applyBatch(list, new Set(['k0', 'k2']), { titlePattern: 'Part {n}: {name}', folderId: '12', adult: true });
    expect(out.map((p) => p.fields.title)).toEqual(['Part 1: a', 'own 1', 'Part 2: c']);
    expect(out.map((p) => p.fields.folderId)).toEqual(['12', '', '12']);
    expect(out.map((p) => p.fields.tags)).toEqual(['keep', 'keep', 'keep']);
    expect(out[1]).toBe(list[1]);
    const all = applyBatch(list, 'all', { tags: 'trailer', public: false });
    expect(all.every((p) => p.fields.tags === 'trailer' && !p.fields.public && p.fields.title.startsWith('own'))).toBe(true);
  });

  it('moves untouched fields to a new account’s defaults and keeps what was set by hand', () => {
    const before = { ...defaultFields(undefined), tags: 'old', folderId: '7' };
    const next = { ...defaultFields(undefined), tags: 'new', folderId: '9', public: false };
    const fields = { ...before, title: 'Mine', folderId: '12' };
    expect(rebaseDefaults(fields, before, next)).toEqual({ ...fields, tags: 'new', public: false });
  });
});
