// The upload reply's file is the one sent: matched by name and size before
// the reply's only entry is taken (a rejected snapshot beside it does not count).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { readUploadReply } from '../../../lib/upload/background/reply';
import { fixtureClient } from '../hosts/fixture-client';

const client = fixtureClient('vipstream.cc', '').client;
const read = (files: unknown[], sent: { name?: string; size?: number }) =>
  readUploadReply(client, 200, JSON.stringify({ msg: 'OK', status: 200, files }), ['k'], sent);

describe('readUploadReply', () => {
  it('takes the entry named like the sent file, with its size', () => {
    const files = [
      { filecode: 'aaaaaaaaaaaa', filename: 'other.mp4', status: 'OK', size: 9 },
      { filecode: 'bbbbbbbbbbbb', filename: 'clip.mp4', status: 'OK', size: 4096 },
    ];
    expect(read(files, { name: 'clip.mp4', size: 4096 })).toBe('bbbbbbbbbbbb');
  });

  it('takes the lone accepted entry beside a rejected snapshot, or when the host renamed the file', () => {
    const files = [
      { file_code: 'undef', filename: 'shot.jpg', status: 'Snapshot too large' },
      { filecode: 'cccccccccccc', filename: 'x7k2.mp4', status: 'OK' },
    ];
    expect(read(files, { name: 'clip.mp4', size: 10 })).toBe('cccccccccccc');
  });

  it("reports the sent file's own rejection reason", () => {
    const error = (() => {
      try {
        return read([{ file_code: 'undef', filename: 'clip.mp4', status: 'Not enough disk space on your account' }], { name: 'clip.mp4' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'upload_rejected', message: expect.stringContaining('Not enough disk space') });
  });

  it('refuses to guess between several accepted files none of which is the one sent', () => {
    const files = [
      { filecode: 'aaaaaaaaaaaa', filename: 'a.mp4', status: 'OK' },
      { filecode: 'bbbbbbbbbbbb', filename: 'b.mp4', status: 'OK' },
    ];
    expect(() => read(files, { name: 'clip.mp4' })).toThrow(/none is "clip.mp4"/);
  });
});
