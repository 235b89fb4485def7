import { z } from '../zod';
import type {
  Capability,
  CloneResult,
  DeletedFile,
  DirectLinks,
  DmcaFile,
  EditResult,
  Encoding,
  FileChanges,
  FileLinks,
  Folder,
  FolderChanges,
  MirrorGroup,
  RemoteFile,
  StatsDay,
} from '../hosts/types';
import type { HealthSnapshot } from '../links/health';

// File browser, account views and link health: each request names the account
// it acts on; the background answers through that account's HostClient.

const accountId = z.string().min(1, 'Choose an account.');
const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A file code holds letters, digits, - and _ only.');
const codes = z.array(code).min(1, 'Choose at least one file.').max(1000, 'At most 1,000 files at once.');
const folderId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'The folder id is malformed.');
const days = z.number().int().min(1).max(365);

const fileChanges = z
  .object({
    title: z.string().trim().min(1, 'A title cannot be empty.').max(500).optional(),
    description: z.string().max(5000).optional(),
    folderId: folderId.optional(),
    categoryId: z.string().max(64).optional(),
    tags: z.string().max(1000).optional(),
    public: z.boolean().optional(),
    adult: z.boolean().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Choose at least one change to make.');

const listQuery = z.object({
  page: z.number().int().min(1).optional(),
  perPage: z.number().int().min(1).max(1000).optional(),
  folderId: folderId.optional(),
  title: z.string().max(200).optional(),
  public: z.boolean().optional(),
  adult: z.boolean().optional(),
  /** Minutes ago, or "YYYY-MM-DD HH:MM:SS". */
  created: z.union([z.number().int().min(1), z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'Created since must be a date.')]).optional(),
  status: z.string().max(20).optional(),
});

const healthTarget = z.object({ accountId, code });

export const fileRequests = {
  'account.capabilities': z.object({ accountId }),
  'files.list': z.object({ accountId, query: listQuery.default({}) }),
  'files.info': z.object({ accountId, codes }),
  'files.edit': z.object({ accountId, codes, changes: fileChanges }),
  'files.move': z.object({ accountId, codes, folderId }),
  'files.clone': z.object({ accountId, code, title: z.string().trim().max(500).optional(), folderId: folderId.optional() }),
  'files.delete': z.object({ accountId, codes }),
  'files.directLinks': z.object({
    accountId,
    code,
    quality: z
      .string()
      .regex(/^[a-z]{1,8}$/i)
      .optional(),
    hls: z.boolean().optional(),
  }),
  'files.mirrors': z.object({ accountId, code }),
  'folders.list': z.object({ accountId, folderId: folderId.optional() }),
  'folders.create': z.object({ accountId, name: z.string().trim().min(1, 'Enter a folder name.').max(200), parentId: folderId.optional() }),
  'folders.edit': z.object({
    accountId,
    folderId,
    name: z.string().trim().min(1, 'Enter a folder name.').max(200).optional(),
    parentId: folderId.optional(),
  }),
  'account.stats': z.object({ accountId, days: days.default(30) }),
  'account.encodings': z.object({ accountId }),
  'account.deleted': z.object({ accountId, last: z.number().int().min(1).max(10_000).optional() }),
  'account.dmca': z.object({ accountId, last: z.number().int().min(1).max(100_000).optional() }),
  'settings.links': z.object({}),
  'links.setDefault': z.object({
    accountId: z.string().optional(),
    format: z.enum(['plain', 'embed', 'bbcode', 'html', 'markdown', 'template']),
    template: z.string().max(2000).optional(),
  }),
  /** Either the ready jobs of the history, or the given files. */
  'health.check': z.union([
    z.object({ source: z.literal('history') }),
    z.object({ source: z.literal('files'), targets: z.array(healthTarget).min(1, 'Choose at least one file.').max(10_000) }),
  ]),
  'health.status': z.object({}),
  'health.seen': z.object({}),
} as const;

/** A file with the links built from the account's templates. */
export type ListedFile = RemoteFile & { links: FileLinks };

export interface AccountCapabilities {
  accountId: string;
  hostId: string;
  hostLabel: string;
  capabilities: Capability[];
  /** Which FileChanges the host's edit call accepts. */
  editFields: (keyof FileChanges)[];
  folderEditFields: (keyof FolderChanges)[];
  cloneToFolder: boolean;
  adultFlag: boolean;
}

export interface LinkSettings {
  format: string;
  template: string;
  /** Account id -> its default format, where one is set. */
  perAccount: Record<string, string>;
}

export interface FileResponses {
  'account.capabilities': AccountCapabilities;
  'files.list': { files: ListedFile[]; total?: number; pages?: number };
  'files.info': ListedFile[];
  'files.edit': EditResult[];
  'files.move': { moved: number };
  'files.clone': CloneResult & { links?: FileLinks };
  'files.delete': { deleted: number };
  'files.directLinks': DirectLinks;
  'files.mirrors': MirrorGroup[];
  'folders.list': { folders: Folder[] };
  'folders.create': Folder;
  'folders.edit': { ok: true };
  'account.stats': StatsDay[];
  'account.encodings': Encoding[];
  'account.deleted': DeletedFile[];
  'account.dmca': DmcaFile[];
  'settings.links': LinkSettings;
  'links.setDefault': LinkSettings;
  'health.check': HealthSnapshot;
  'health.status': HealthSnapshot;
  'health.seen': HealthSnapshot;
}
