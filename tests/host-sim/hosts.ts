// One profile per simulated XFS host: its endpoint table (exactly the
// endpoints its document lists), row shape, error style and snapshot limit.
import { accountInfo, accountStats, accountStatsAsInfo, uploadServer, uploadUrl } from './xfs-account';
import type { XfsHandler, XfsProfile } from './xfs-context';
import {
  deleteByDelCode,
  deleteByFileCode,
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

const kb = 1024;

const vipEndpoints: Record<string, XfsHandler> = {
  'account/info': accountInfo,
  'account/stats': accountStats,
  'upload/server': uploadServer,
  'upload/url': uploadUrl,
  'file/info': fileInfo,
  'file/edit': fileEdit,
  'file/list': fileList,
  'file/clone': fileClone,
  'file/deleted': deletedByHours,
  'file/dmca': dmcaFiles,
  'file/encodings': encodings,
  'folder/list': folderList,
  'folder/create': folderCreate,
  'folder/edit': folderEdit,
};

/** Refuses inside a 200 reply, as some XFS hosts do for functions they switched off. */
const notAllowed: XfsHandler = () => ({ status: 403, raw: { msg: 'This function not allowed in API', status: 403 } });

export const xfsProfiles: Record<string, XfsProfile> = {
  'media.cm': {
    id: 'media.cm',
    shape: 'mediacm',
    errorsInBody: true,
    snapshotMaxBytes: 800 * kb,
    endpoints: {
      'account/info': accountInfo,
      'account/stats': accountStats,
      'upload/server': uploadServer,
      'upload/url': uploadUrl,
      'file/info': fileInfo,
      'file/edit': fileEditRows,
      'file/rename': fileEditRows,
      'file/list': fileList,
      'file/copy': fileCopy,
      'file/delete': deleteByDelCode,
      'file/deleted': deletedByCount,
      'file/encodings': encodings,
      'folder/list': folderList,
      'folder/create': folderCreate,
      'folder/rename': folderRenameNested,
    },
  },
  'vipstream.cc': { id: 'vipstream.cc', shape: 'vip', errorsInBody: false, snapshotMaxBytes: 300 * kb, endpoints: vipEndpoints },
  'mp4upload.com': {
    id: 'mp4upload.com',
    shape: 'mp4',
    errorsInBody: true,
    endpoints: {
      'account/info': accountInfo,
      'account/stats': accountStats,
      'upload/server': uploadServer,
      'file/info': fileInfo,
      'file/rename': fileRename,
      'file/list': fileList,
      'file/clone': fileClone,
      'file/set_folder': setFolder,
      'folder/list': folderList,
      'folder/create': folderCreate,
      'folder/rename': folderEdit,
      'files/deleted': deletedByCount,
    },
  },
  'watching.vn': {
    id: 'watching.vn',
    shape: 'vip',
    errorsInBody: false,
    snapshotMaxBytes: 300 * kb,
    endpoints: { ...vipEndpoints, 'account/stats': accountStatsAsInfo, 'file/direct_link': directLink },
  },
  xfs: {
    id: 'xfs',
    shape: 'vip',
    errorsInBody: false,
    endpoints: {
      ...vipEndpoints,
      'file/direct_link': directLink,
      'file/delete': deleteByFileCode,
      'file/set_folder': setFolder,
    },
  },
  'xfs-lite': {
    id: 'xfs-lite',
    shape: 'vip',
    errorsInBody: false,
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

export const simHostIds = [...Object.keys(xfsProfiles), 'megamax.me'];
