import type { Capability } from '../lib/hosts/types';

/** What each host capability lets the user do, in plain words. */
export const capabilityWords: Record<Capability, string> = {
  accountInfo: 'account information',
  accountStats: 'statistics',
  upload: 'file uploads',
  remoteUpload: 'remote upload by URL',
  fileInfo: 'file information (needed for link checks)',
  editFile: 'file editing',
  listFiles: 'file listing',
  cloneFile: 'cloning',
  moveFiles: 'moving of files',
  deleteFiles: 'file deletion',
  deletedFiles: 'deleted-files list',
  dmcaFiles: 'DMCA list',
  encodings: 'encoding queue',
  directLinks: 'direct links',
  listFolder: 'folders',
  createFolder: 'folder creation',
  editFolder: 'folder editing',
  mirrors: 'mirrors',
};
