import { describe, expect, it } from 'vitest';
import type { PublicAccount } from '../../../lib/accounts';
import { defaultFields, snapshotProblem, splitVideos, toOptions } from '../../../components/manager/upload/pending';

const host = { label: 'media.cm', canUpload: true, canRemote: true, adultFlag: true, snapshots: true, snapshotMaxBytes: 800_000 };

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
    expect(snapshotProblem(big, host)).toMatch(/878\.9 KB.*781\.3 KB/);
    expect(snapshotProblem(new File(['x'], 's.jpg', { type: 'image/jpeg' }), host)).toBeUndefined();
    expect(snapshotProblem(new File(['x'], 's.jpg', { type: 'image/jpeg' }), { ...host, snapshots: false })).toMatch(/no custom snapshot/);
  });

  it('leaves empty fields to the host and drops the adult flag where the host has none', () => {
    const fields = { ...defaultFields(undefined), title: '  My clip ', adult: true };
    expect(toOptions(fields, host)).toEqual({ title: 'My clip', description: undefined, folderId: undefined, categoryId: undefined, tags: undefined, public: true, adult: true });
    expect(toOptions(fields, { ...host, adultFlag: false })).not.toHaveProperty('adult');
  });
});
