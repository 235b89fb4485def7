import type { Capability } from '../../../lib/hosts/types';
import type { AccountCapabilities } from '../../../lib/protocol/files';

// Why an action is unavailable, in words the user can act on.

const words: Partial<Record<Capability, string>> = {
  editFile: 'file editing',
  moveFiles: 'moving of files',
  cloneFile: 'cloning',
  deleteFiles: 'file deletion',
  directLinks: 'direct links',
  mirrors: 'mirrors',
  listFolder: 'folders',
  createFolder: 'folder creation',
  editFolder: 'folder editing',
  fileInfo: 'file information (needed for link checks)',
  accountStats: 'statistics',
  encodings: 'encoding queue',
  deletedFiles: 'deleted-files list',
  dmcaFiles: 'DMCA list',
  listFiles: 'file listing',
};

/** Undefined when the account can do it; else the reason it cannot. */
export function unavailable(caps: AccountCapabilities | undefined, capability: Capability): string | undefined {
  if (!caps) return 'Loading what this host supports…';
  if (caps.capabilities.includes(capability)) return undefined;
  return `Not available on ${caps.hostLabel}: its API has no ${words[capability] ?? capability}.`;
}
