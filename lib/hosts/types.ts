// Normalized shapes every host dialect maps into. UI, queue and background
// only ever see these, never a host's raw JSON.

import type { FileStatus } from './file-status';
import type { HostId } from './host-ids';
import type {
  RemoteUploadAction,
  RemoteUploadAnswer,
  RemoteUploadResult,
  RemoteUploadSlots,
  RemoteUploadState,
  UploadedFile,
  UploadTarget,
} from './upload-types';

export type * from './upload-types';
export type { FileStatus } from './file-status';
// HostId is listed in host-ids.ts and checked against lib/hosts/registry.ts.
export type { HostId } from './host-ids';

/** A capability is named after the HostClient method that provides it. */
export const capabilityNames = [
  'accountInfo',
  'accountStats',
  'upload',
  'remoteUpload',
  'fileInfo',
  'editFile',
  'listFiles',
  'cloneFile',
  'moveFiles',
  'deleteFiles',
  'deletedFiles',
  'dmcaFiles',
  'encodings',
  'directLinks',
  'listFolder',
  'createFolder',
  'editFolder',
  'mirrors',
  'remoteUploadStatus',
  'remoteUploadSlots',
  'remoteUploadAction',
] as const;
export type Capability = (typeof capabilityNames)[number];

/** What createHostClient needs to know about an account. */
export interface HostAccount {
  id: string;
  hostId: HostId;
  /** Overrides the preset's API base URL (required for a custom host: `xfs`, `streamtape`). */
  apiBase?: string;
  key: string;
  login?: string;
  /** Keep plain http:// upload servers instead of upgrading them to https://. */
  allowHttp?: boolean;
  /** User overrides of the preset's (or probed) capabilities. */
  capabilityOverrides?: Partial<Record<Capability, boolean>>;
  /** User overrides of the preset's link templates. */
  linkTemplates?: Partial<LinkTemplates>;
}

export interface HostClientDeps {
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Retries for idempotent GETs (default 3). */
  retries?: number;
  /** Base backoff in ms (default 500); tests set it low. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** `{code}` and `{origin}` are replaced; `{origin}` is the API base's origin. */
export interface LinkTemplates {
  watch: string;
  embed?: string;
  download?: string;
}

export interface HostPreset<Id extends string = HostId> {
  id: Id;
  label: string;
  /** Empty for a custom host (`xfs`, `streamtape`): the user gives it. */
  apiBase: string;
  family: 'xfs' | 'megamax' | 'vidguard' | 'streamtape' | 'mixdrop';
  /** What the host's document shows: on unless the user switches it off. */
  capabilities: ReadonlySet<Capability>;
  /**
   * What this preset's client implements, `capabilities` included: only these
   * can be switched on in Options → Advanced (anything else would reject
   * `unsupported` at once).
   */
  switchable: ReadonlySet<Capability>;
  links: LinkTemplates;
  /**
   * Registrable domains besides the API's that the host's document puts its
   * upload servers on (access to them is requested with the account's).
   */
  uploadDomains?: readonly string[];
  /** Largest custom snapshot the host accepts, in bytes, if documented. */
  snapshotMaxBytes?: number;
  /** Whether the host knows an adult flag. */
  adultFlag: boolean;
  /** Whether a name goes beside the key (HostAccount.login); `loginKind` says what the host calls it. */
  needsLogin: boolean;
  /** The login a host wants (with needsLogin) is the account's e-mail address. */
  loginKind?: 'login' | 'email';
  /** Where the host's document says the API key is on its site, in the site's own words ("Account → API"). */
  keyHelp?: string;
  /** The page of the host's site that shows the key, when its document names one. */
  keyPage?: string;
  /** FileChanges the host's edit endpoint accepts; others reject `unsupported`. */
  editFields: readonly (keyof FileChanges)[];
  folderEditFields: readonly (keyof FolderChanges)[];
  /** Whether cloning takes a target folder. */
  cloneToFolder: boolean;
  /** Whether the upload form takes a custom snapshot image. */
  customSnapshot: boolean;
  /** Whether the host's document says its remote upload takes HLS playlist URLs (none does yet): others get a stream relayed. */
  takesPlaylists?: boolean;
}

export interface AccountInfo {
  login?: string;
  email?: string;
  balance?: number;
  storageUsed?: number;
  /** null: unlimited ("inf" or -1). */
  storageLeft?: number | null;
  premium?: boolean;
  /** ISO string when parseable, else the host's raw text. */
  premiumExpire?: string;
  filesTotal?: number;
}

export interface StatsDay {
  day: string;
  views: number;
  downloads: number;
  profit: number;
  sales?: number;
  refs?: number;
}

export interface UploadOptions {
  title?: string;
  description?: string;
  folderId?: string;
  categoryId?: string;
  tags?: string;
  public?: boolean;
  adult?: boolean;
}

export interface RemoteFile {
  fileCode: string;
  title?: string;
  status: FileStatus;
  /** Seconds. */
  length?: number;
  views?: number;
  downloads?: number;
  size?: number;
  uploaded?: string;
  thumbnail?: string;
  link?: string;
  folderId?: string;
  categoryId?: string;
  public?: boolean;
  adult?: boolean;
  tags?: string;
  description?: string;
}

export interface ListQuery {
  page?: number;
  perPage?: number;
  folderId?: string;
  title?: string;
  public?: boolean;
  adult?: boolean;
  /** Timestamp "YYYY-MM-DD HH:MM:SS" or minutes ago as a number. */
  created?: string | number;
  /** megamax.me status filter. */
  status?: string;
}

export interface FileList {
  files: RemoteFile[];
  total?: number;
  pages?: number;
}

export interface FileChanges {
  title?: string;
  description?: string;
  folderId?: string;
  categoryId?: string;
  tags?: string;
  public?: boolean;
  adult?: boolean;
}

export interface EditResult {
  fileCode: string;
  ok: boolean;
}

export interface CloneResult {
  fileCode?: string;
  url?: string;
}

export interface DeletedFile {
  fileCode: string;
  title?: string;
  deleted?: string;
  deletedAgoSec?: number;
  deletedBy?: string;
}

export interface DmcaFile {
  fileCode: string;
  deleteAt?: string;
  deleteInSec?: number;
}

export interface Encoding {
  fileCode: string;
  title?: string;
  quality?: string;
  progress: number;
  status: string;
  link?: string;
}

export interface DirectLink {
  /** Quality name (n, h, l, o) or a label ("source"). */
  quality: string;
  url: string;
  size?: number;
  expiresAt?: string;
  download?: string;
}

export interface DirectLinks {
  versions: DirectLink[];
  hls?: string;
  length?: number;
  thumbnail?: string;
}

export interface Folder {
  folderId: string;
  name: string;
  code?: string;
  parentId?: string;
}

export interface FolderListing {
  folders: Folder[];
  files: RemoteFile[];
}

export interface FolderChanges {
  name?: string;
  parentId?: string;
  description?: string;
}

export interface MirrorGroup {
  title: string;
  size?: number;
  mirrors: { driver: string; iframe?: string; link?: string; uploadedAt?: string }[];
}

export interface FileLinks {
  watch: string;
  embed?: string;
  download?: string;
}

export interface HostClient {
  readonly account: Readonly<Omit<HostAccount, 'key'>>;
  readonly preset: HostPreset;
  readonly capabilities: ReadonlySet<Capability>;
  accountInfo(): Promise<AccountInfo>;
  accountStats(days?: number): Promise<StatsDay[]>;
  /** With `acceptPending`, an accepted URL without a file code yet resolves as pending instead of failing. */
  remoteUpload(url: string, options: UploadOptions & { acceptPending: true }): Promise<RemoteUploadAnswer>;
  remoteUpload(url: string, options?: UploadOptions & { acceptPending?: boolean }): Promise<RemoteUploadResult>;
  uploadTarget(options?: UploadOptions): Promise<UploadTarget>;
  parseUploadReply(body: string): UploadedFile[];
  fileInfo(codes: string[]): Promise<RemoteFile[]>;
  listFiles(query?: ListQuery): Promise<FileList>;
  editFile(codes: string[], changes: FileChanges): Promise<EditResult[]>;
  cloneFile(code: string, options?: { title?: string; folderId?: string }): Promise<CloneResult>;
  moveFiles(codes: string[], folderId: string): Promise<void>;
  deleteFiles(codes: string[]): Promise<void>;
  deletedFiles(options?: { last?: number }): Promise<DeletedFile[]>;
  dmcaFiles(options?: { last?: number }): Promise<DmcaFile[]>;
  encodings(code?: string): Promise<Encoding[]>;
  directLinks(code: string, options?: { quality?: string; hls?: boolean }): Promise<DirectLinks>;
  listFolder(folderId?: string, options?: { files?: boolean }): Promise<FolderListing>;
  createFolder(name: string, options?: { parentId?: string; description?: string }): Promise<Folder>;
  editFolder(folderId: string, changes: FolderChanges): Promise<void>;
  mirrors(code: string): Promise<MirrorGroup[]>;
  /** The host's remote-upload queue: every entry, or the one for `fileCode`. */
  remoteUploadStatus(fileCode?: string): Promise<RemoteUploadState[]>;
  /** How many remote uploads the account may run at once, and how many run now. */
  remoteUploadSlots(): Promise<RemoteUploadSlots>;
  remoteUploadAction(action: RemoteUploadAction, fileCode?: string): Promise<void>;
  links(fileCode: string): FileLinks;
}
