import { describe, expect, it } from 'vitest';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { accountProblem, fileProblems, isVideoFile } from '../../../lib/accounts/upload-fit';

const media: UploadHostInfo = {
  label: 'media.cm',
  canUpload: true,
  canRemote: true,
  adultFlag: true,
  snapshots: true,
  snapshotMaxBytes: 800_000,
  folders: true,
};
const megamax: UploadHostInfo = { label: 'megamax.me', canUpload: true, canRemote: false, adultFlag: false, snapshots: false, folders: true };
const clip = { name: 'clip.mp4', size: 5_000, type: 'video/mp4' };

describe('what a host can take', () => {
  it('takes a video file as it is', () => {
    expect(fileProblems(media, clip)).toEqual([]);
    expect(isVideoFile({ name: 'Episode.MKV', type: '' })).toBe(true);
  });

  it('names an account that takes no files, and only that', () => {
    const none = { ...media, canUpload: false };
    expect(accountProblem(none)).toMatchObject({ code: 'no_upload' });
    expect(fileProblems(none, { ...clip, size: 0 }).map((p) => p.code)).toEqual(['no_upload']);
  });

  it('refuses empty files, non-videos, files over a documented limit and snapshots the host cannot take', () => {
    expect(fileProblems(media, { name: 'notes.txt', size: 0, type: 'text/plain' }).map((p) => p.code)).toEqual(['empty', 'not_video']);
    expect(fileProblems({ ...media, maxFileBytes: 1000 }, clip)).toMatchObject([{ code: 'too_big', subs: ['clip.mp4', '4.9 KB', 'media.cm', '1000 B'] }]);
    const shot = { name: 's.jpg', size: 900_000, type: 'image/jpeg' };
    expect(fileProblems(media, { ...clip, snapshot: shot })[0].message).toMatch(/at most 781\.3 KB/);
    expect(fileProblems(megamax, { ...clip, snapshot: { ...shot, size: 10 } })[0].message).toMatch(/no custom snapshot/);
    expect(fileProblems(media, { ...clip, snapshot: { ...shot, size: 10, type: 'text/plain' } })[0].message).toMatch(/must be an image/);
  });
});
