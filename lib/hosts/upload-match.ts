// Which entry of an upload reply is the file that was sent. Hosts answer a
// one-file POST with lists that may also hold a rejected snapshot or, on
// servers that rename, a different name; a wrong pick would attach another
// file's code to the job.
import type { UploadedFile } from './types';

const base = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/\.[a-z0-9]{1,5}$/, '');

/** By name (and size where both sides give one), else the reply's only entry, else none. */
export function matchUploadedFile(files: readonly UploadedFile[], sent: { name?: string; size?: number }): UploadedFile | undefined {
  if (sent.name) {
    const wanted = base(sent.name);
    const named = files.filter((f) => f.name !== undefined && base(f.name) === wanted);
    const sized = sent.size === undefined ? named : named.filter((f) => f.size === undefined || f.size === sent.size);
    if (sized.length === 1) return sized[0];
    if (sized.length > 1) return sized.find((f) => f.ok) ?? sized[0];
  }
  return files.length === 1 ? files[0] : undefined;
}
