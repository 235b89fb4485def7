// How one XFS host differs from the others: endpoint paths, a few parameter
// names and which edit fields it understands. Presets give only overrides.
import type { Capability, FileChanges, FolderChanges } from '../types';

export type XfsCapability = Exclude<Capability, 'mirrors'>;
/** Remote-upload tracking is no part of the common XFS set: only hosts that document it list it. */
type TrackingCapability = 'remoteUploadStatus' | 'remoteUploadSlots' | 'remoteUploadAction';
type StandardXfsCapability = Exclude<XfsCapability, TrackingCapability>;

export interface XfsParams {
  /** file/list title filter: `title` (most) or `name` (mp4upload). */
  listTitle: string;
  /** file/list public filter: `public` or `file_public` (watching.vn). */
  listPublic: string;
  listAdult: string;
  /** file/edit title field: `file_title`, or `name` on mp4upload's file/rename. */
  editTitle: string;
  /** Folder field when moving: `file_fld_id` on file/edit, `fld_id` on file/set_folder. */
  moveFolder: string;
  /** file/delete code field (media.cm: `del_code`). */
  deleteCode: string;
  /** Upload form field carrying the key. */
  uploadAuth: string;
  /** The remote-upload queue listing, when the status endpoint without a code is another path (DoodStream: urlupload/list). */
  remoteUploadList?: string;
}

export interface XfsDialect {
  /** The endpoint path of each capability; a missing entry means unsupported. */
  endpoints: Partial<Record<XfsCapability, string>>;
  params: XfsParams;
  /** FileChanges the edit endpoint accepts; others reject `unsupported`. */
  editFields: readonly (keyof FileChanges)[];
  folderEditFields: readonly (keyof FolderChanges)[];
  /** Whether file/clone (or copy) takes a target folder. */
  cloneToFolder: boolean;
}

export interface XfsDialectOverrides {
  /** Endpoint paths that differ from the standard set. */
  paths?: Partial<Record<XfsCapability, string>>;
  /** Standard endpoints the host's document does not list. */
  lacks?: readonly XfsCapability[];
  /** The only capabilities the host's document lists (instead of `lacks`). */
  only?: readonly XfsCapability[];
  params?: Partial<XfsParams>;
  editFields?: readonly (keyof FileChanges)[];
  folderEditFields?: readonly (keyof FolderChanges)[];
  cloneToFolder?: boolean;
}

/** The common XFileSharing API (vipstream.cc / watching.vn), used as-is by custom hosts. */
export const standardXfsEndpoints: Readonly<Record<StandardXfsCapability, string>> & Partial<Record<TrackingCapability, string>> = {
  accountInfo: 'account/info',
  accountStats: 'account/stats',
  upload: 'upload/server',
  remoteUpload: 'upload/url',
  fileInfo: 'file/info',
  editFile: 'file/edit',
  listFiles: 'file/list',
  cloneFile: 'file/clone',
  moveFiles: 'file/edit',
  deleteFiles: 'file/delete',
  deletedFiles: 'file/deleted',
  dmcaFiles: 'file/dmca',
  encodings: 'file/encodings',
  directLinks: 'file/direct_link',
  listFolder: 'folder/list',
  createFolder: 'folder/create',
  editFolder: 'folder/edit',
};

const defaultParams: XfsParams = {
  listTitle: 'title',
  listPublic: 'public',
  listAdult: 'adult',
  editTitle: 'file_title',
  moveFolder: 'file_fld_id',
  deleteCode: 'del_code',
  uploadAuth: 'key',
};

function endpointsOf(overrides: XfsDialectOverrides): Partial<Record<XfsCapability, string>> {
  const endpoints: Partial<Record<XfsCapability, string>> = { ...standardXfsEndpoints, ...overrides.paths };
  for (const missing of overrides.lacks ?? []) delete endpoints[missing];
  if (overrides.only) {
    for (const name of Object.keys(endpoints) as XfsCapability[]) if (!overrides.only.includes(name)) delete endpoints[name];
  }
  return endpoints;
}

export function defineXfsDialect(overrides: XfsDialectOverrides): XfsDialect {
  return {
    endpoints: endpointsOf(overrides),
    params: { ...defaultParams, ...overrides.params },
    editFields: overrides.editFields ?? ['title', 'description', 'folderId', 'categoryId', 'tags', 'public', 'adult'],
    folderEditFields: overrides.folderEditFields ?? ['name', 'parentId', 'description'],
    cloneToFolder: overrides.cloneToFolder ?? false,
  };
}

export function xfsCapabilities(dialect: XfsDialect): Set<Capability> {
  return new Set(Object.keys(dialect.endpoints) as Capability[]);
}
