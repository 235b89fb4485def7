import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Video-sized files on disk for a test to choose in a file input.

export interface FileDir {
  make(name: string, bytes: number): Promise<string>;
  remove(): Promise<void>;
}

export async function fileDir(): Promise<FileDir> {
  const dir = await mkdtemp(join(tmpdir(), 'vidrelay-e2e-files-'));
  return {
    async make(name, bytes) {
      const path = join(dir, name);
      await writeFile(path, Buffer.alloc(bytes, name.charCodeAt(0)));
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
