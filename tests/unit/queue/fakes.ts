import { vi } from 'vitest';
import type { Capability, FileLinks, HostClient, RemoteFile } from '../../../lib/hosts/types';
import type { Job } from '../../../lib/queue/model/job';

// A HostClient with only the methods the runner calls; the rest throw so a
// test notices if the runner starts depending on them.

export interface FakeHost {
  client: HostClient;
  remoteUpload: ReturnType<typeof vi.fn>;
  fileInfo: ReturnType<typeof vi.fn>;
  listFiles: ReturnType<typeof vi.fn>;
  encodings: ReturnType<typeof vi.fn>;
  /** Status fileInfo reports per file code; unknown codes are 'missing'. */
  files: Map<string, RemoteFile>;
}

export function fakeHost(name: string, capabilities: Capability[] = ['remoteUpload', 'fileInfo', 'listFiles']): FakeHost {
  const files = new Map<string, RemoteFile>();
  let next = 0;
  const remoteUpload = vi.fn(async (url: string) => {
    const fileCode = `${name}${++next}`;
    files.set(fileCode, { fileCode, status: 'encoding', title: new URL(url).pathname.split('/').pop() });
    return { fileCode };
  });
  const fileInfo = vi.fn(async (codes: string[]) => codes.map((code) => files.get(code) ?? { fileCode: code, status: 'missing' as const }));
  const listFiles = vi.fn(async () => ({ files: [...files.values()] }));
  const encodings = vi.fn(async () => []);
  const links = (code: string): FileLinks => ({ watch: `https://${name}.test/${code}`, embed: `https://${name}.test/e/${code}` });
  const unused = () => {
    throw new Error('not used by the queue');
  };
  const client = new Proxy(
    { capabilities: new Set(capabilities), remoteUpload, fileInfo, listFiles, encodings, links },
    // `then` must stay undefined, or awaiting the client would treat it as a promise.
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : key === 'then' ? undefined : unused) },
  ) as unknown as HostClient;
  return { client, remoteUpload, fileInfo, listFiles, encodings, files };
}

/** Any job's fields (the kind's own ones are checked when the store takes it). */
export type JobFields = { id: string; kind?: Job['kind'] } & Record<string, unknown>;

const sourceOf: Record<Job['kind'], Record<string, unknown>> = {
  remote: { url: 'https://src.test/video.mp4' },
  relay: { url: 'https://src.test/video.mp4' },
  file: { file: { name: 'video.mp4', size: 1_000, type: 'video/mp4', lastModified: 1 } },
};

/** A job of `fields.kind` (remote unless given), with what that kind needs filled in. */
export function job(fields: JobFields): Job {
  const kind = fields.kind ?? 'remote';
  return {
    kind,
    accountId: 'acc1',
    state: 'queued',
    options: {},
    createdAt: 1_000,
    updatedAt: 1_000,
    attempts: 0,
    ...sourceOf[kind],
    ...fields,
  } as Job;
}
