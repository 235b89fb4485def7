// Where a file stands on its host. Both the file shapes (types.ts) and the
// upload replies (upload-types.ts) carry it, so it sits below both.
export type FileStatus = 'ready' | 'encoding' | 'queued' | 'failed' | 'missing' | 'unknown';
