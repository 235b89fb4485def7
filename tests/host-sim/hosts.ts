// One profile per simulated XFS host, derived from the host registry: each
// endpoint a preset's dialect lists gets the simulator's handler for that
// capability, reading the parameter names the dialect sends. A short table
// adds what a host's document shows beyond that (its row shapes, errors
// inside HTTP 200, reply variants); a new preset needs no entry there.
import { registry } from '../../lib/hosts/registry';
import type { XfsCapability, XfsDialect } from '../../lib/hosts/xfs/dialect';
import { accountInfo, accountStats, accountStatsAsInfo, uploadServer, uploadUrl } from './xfs-account';
import type { XfsHandler, XfsProfile } from './xfs-context';
import {
  deleteBy,
  deletedByCount,
  deletedByHours,
  directLink,
  dmcaFiles,
  encodings,
  fileClone,
  fileCopy,
  fileEdit,
  fileEditRows,
  fileInfo,
  fileList,
  fileRename,
  setFolder,
} from './xfs-files';
import { folderCreate, folderEdit, folderList, folderRenameNested } from './xfs-folders';
import { remoteActions, remoteSlotsHandler, remoteStatus } from './xfs-remote';
import { abuseList, inactiveList } from './xfs-vinovo';
import { streamtapeLiteId } from './streamtape';

const byCapability: Record<XfsCapability, (dialect: XfsDialect) => XfsHandler> = {
  accountInfo: () => accountInfo,
  accountStats: () => accountStats,
  upload: () => uploadServer,
  remoteUpload: () => uploadUrl,
  fileInfo: () => fileInfo,
  editFile: () => fileEdit,
  listFiles: () => fileList,
  cloneFile: (d) => (d.cloneToFolder ? fileCopy : fileClone),
  moveFiles: (d) => (d.endpoints.moveFiles === d.endpoints.editFile ? fileEdit : setFolder),
  deleteFiles: (d) => deleteBy(d.params.deleteCode),
  deletedFiles: () => deletedByHours,
  dmcaFiles: () => dmcaFiles,
  encodings: () => encodings,
  directLinks: () => directLink,
  listFolder: () => folderList,
  createFolder: () => folderCreate,
  editFolder: () => folderEdit,
  remoteUploadStatus: () => remoteStatus,
  remoteUploadSlots: () => remoteSlotsHandler,
  remoteUploadAction: () => remoteActions,
};

type Documented = Partial<Omit<XfsProfile, 'id' | 'endpoints' | 'params'>> & { endpoints?: Record<string, XfsHandler> };

/** What the hosts' documents show that the derivation cannot know. */
const documented: Record<string, Documented> = {
  'media.cm': {
    shape: 'mediacm',
    errorsInBody: true,
    // Its file/edit example URL says file/rename, so both answer.
    endpoints: { 'file/edit': fileEditRows, 'file/rename': fileEditRows, 'file/deleted': deletedByCount, 'folder/rename': folderRenameNested },
  },
  'mp4upload.com': { shape: 'mp4', errorsInBody: true, endpoints: { 'file/rename': fileRename, 'files/deleted': deletedByCount } },
  'watching.vn': { endpoints: { 'account/stats': accountStatsAsInfo } },
  'vinovo.si': { endpoints: { 'abuse/list': abuseList, 'inactive/list': inactiveList } },
  // The generic host also answers the older file/set_folder.
  xfs: { endpoints: { 'file/set_folder': setFolder, 'file/delete': deleteBy('file_code', 'del_code') } },
};

function profileOf(id: string, dialect: XfsDialect, snapshotMaxBytes?: number): XfsProfile {
  const endpoints: Record<string, XfsHandler> = {};
  for (const [capability, path] of Object.entries(dialect.endpoints) as [XfsCapability, string][]) {
    endpoints[path] ??= byCapability[capability](dialect);
  }
  if (dialect.params.remoteUploadList) endpoints[dialect.params.remoteUploadList] ??= remoteStatus;
  const extra = documented[id] ?? {};
  return {
    id,
    shape: extra.shape ?? 'vip',
    errorsInBody: extra.errorsInBody ?? false,
    snapshotMaxBytes: extra.snapshotMaxBytes ?? snapshotMaxBytes,
    params: dialect.params,
    endpoints: { ...endpoints, ...extra.endpoints },
  };
}

/** Refuses inside a 200 reply, as some XFS hosts do for functions they switched off. */
const notAllowed: XfsHandler = () => ({ status: 403, raw: { msg: 'This function not allowed in API', status: 403 } });

const derived = Object.fromEntries(
  registry.flatMap((entry) => (entry.family === 'xfs' ? [[entry.preset.id, profileOf(entry.preset.id, entry.dialect, entry.preset.snapshotMaxBytes)]] : [])),
) as Record<string, XfsProfile>;

const standard = derived.xfs!;

export const xfsProfiles: Record<string, XfsProfile> = {
  ...derived,
  // A reduced host for the capability probe: a few endpoints, one refusing inside a 200.
  'xfs-lite': {
    ...standard,
    id: 'xfs-lite',
    endpoints: {
      'account/info': accountInfo,
      'upload/server': uploadServer,
      'upload/url': uploadUrl,
      'file/info': fileInfo,
      'file/list': fileList,
      'folder/list': folderList,
      'file/clone': notAllowed,
    },
  },
};

const idsOf = (family: string): string[] => registry.filter((entry) => entry.family === family).map((entry) => entry.preset.id);

/** Hosts of the other families are served by megamax.ts, vidguard.ts, streamtape.ts and mixdrop.ts. */
const megamaxHostIds = idsOf('megamax');
export const vidguardHostIds = idsOf('vidguard');
/** With a reduced Streamtape-compatible host for the capability probe. */
export const streamtapeHostIds = [...idsOf('streamtape'), streamtapeLiteId];
export const mixdropHostIds = idsOf('mixdrop');

export const simHostIds = [...Object.keys(xfsProfiles), ...megamaxHostIds, ...vidguardHostIds, ...streamtapeHostIds, ...mixdropHostIds];
