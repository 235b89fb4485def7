// Filtering the file list as the user types. Lowercased haystacks are built
// once per file object, so a keystroke over 10,000 rows is a few substring tests
// per row. Files are treated as immutable: an edited file must be a new object.

import type { RemoteFile } from '../hosts/types';

export interface FileQuery {
  /** Words that must all appear in the title, code or tags (any case). */
  text?: string;
  /** A FileStatus; empty means any. */
  status?: string;
  public?: boolean;
  folderId?: string;
}

export interface FileIndex {
  filter(query: FileQuery): RemoteFile[];
}

const haystacks = new WeakMap<RemoteFile, string>();

export function filterFiles(files: RemoteFile[], query: FileQuery): RemoteFile[] {
  const matches = matcher(query);
  return files.filter((file) => matches(file, haystackOf(file)));
}

export function createFileIndex(files: readonly RemoteFile[]): FileIndex {
  const entries = files.map((file) => ({ file, haystack: buildHaystack(file) }));
  return {
    filter(query) {
      const matches = matcher(query);
      const out: RemoteFile[] = [];
      for (const { file, haystack } of entries) if (matches(file, haystack)) out.push(file);
      return out;
    },
  };
}

function matcher(query: FileQuery): (file: RemoteFile, haystack: string) => boolean {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const { status, folderId } = query;
  const wantPublic = query.public;
  return (file, haystack) => {
    if (status && file.status !== status) return false;
    if (wantPublic !== undefined && file.public !== wantPublic) return false;
    if (folderId !== undefined && file.folderId !== folderId) return false;
    for (const word of words) if (!haystack.includes(word)) return false;
    return true;
  };
}

function haystackOf(file: RemoteFile): string {
  let haystack = haystacks.get(file);
  if (haystack === undefined) {
    haystack = buildHaystack(file);
    haystacks.set(file, haystack);
  }
  return haystack;
}

// A newline separator keeps a word from matching across two fields.
function buildHaystack(file: RemoteFile): string {
  return [file.title ?? '', file.fileCode, file.tags ?? ''].join('\n').toLowerCase();
}
