import type { Capability } from '../../lib/hosts/types';
import { t, type MessageKey } from '../../lib/i18n';

const wordKey: Record<Capability, MessageKey> = {
  accountInfo: 'capAccountInfo',
  accountStats: 'capAccountStats',
  upload: 'capUpload',
  remoteUpload: 'capRemoteUpload',
  fileInfo: 'capFileInfo',
  editFile: 'capEditFile',
  listFiles: 'capListFiles',
  cloneFile: 'capCloneFile',
  moveFiles: 'capMoveFiles',
  deleteFiles: 'capDeleteFiles',
  deletedFiles: 'capDeletedFiles',
  dmcaFiles: 'capDmcaFiles',
  encodings: 'capEncodings',
  directLinks: 'capDirectLinks',
  listFolder: 'capListFolder',
  createFolder: 'capCreateFolder',
  editFolder: 'capEditFolder',
  mirrors: 'capMirrors',
  remoteUploadStatus: 'capRemoteUploadStatus',
  remoteUploadSlots: 'capRemoteUploadSlots',
  remoteUploadAction: 'capRemoteUploadAction',
};

/** What each host capability lets the user do, in plain words (read on use, so the UI language applies). */
export const capabilityWords = {} as Readonly<Record<Capability, string>>;
for (const [capability, key] of Object.entries(wordKey)) {
  Object.defineProperty(capabilityWords, capability, { get: () => t(key), enumerable: true });
}
