// zod schemas of the normalized shapes (lib/hosts/types.ts), strict so a
// stray raw field or a wrong type in a parser's output fails the test.
import { z } from '../../../lib/zod';

const num = z.number().finite();
const text = z.string();
const fileStatus = z.enum(['ready', 'encoding', 'queued', 'failed', 'missing', 'unknown']);

const remoteFile = z.strictObject({
  fileCode: z.string().min(1),
  title: text.optional(),
  status: fileStatus,
  length: num.optional(),
  views: num.optional(),
  downloads: num.optional(),
  size: num.optional(),
  uploaded: text.optional(),
  thumbnail: text.optional(),
  link: text.optional(),
  folderId: z.string().min(1).optional(),
  categoryId: z.string().min(1).optional(),
  public: z.boolean().optional(),
  adult: z.boolean().optional(),
  tags: text.optional(),
  description: text.optional(),
});

const accountInfo = z.strictObject({
  login: text.optional(),
  email: text.optional(),
  balance: num.optional(),
  storageUsed: num.optional(),
  storageLeft: num.nullable().optional(),
  premium: z.boolean().optional(),
  premiumExpire: text.optional(),
  filesTotal: num.optional(),
});

const statsDay = z.strictObject({
  day: z.string().min(1),
  views: num,
  downloads: num,
  profit: num,
  sales: num.optional(),
  refs: num.optional(),
});

const uploaded = z.strictObject({
  fileCode: text,
  name: text.optional(),
  size: num.optional(),
  ok: z.boolean(),
  error: text.optional(),
  status: fileStatus.optional(),
});

const fileList = z.strictObject({ files: z.array(remoteFile), total: num.optional(), pages: num.optional() });
const folder = z.strictObject({ folderId: z.string().min(1), name: text, code: text.optional(), parentId: text.optional() });
const directLinks = z.strictObject({
  versions: z.array(
    z.strictObject({ quality: z.string().min(1), url: z.string().min(1), size: num.optional(), expiresAt: text.optional(), download: text.optional() }),
  ),
  hls: text.optional(),
  length: num.optional(),
  thumbnail: text.optional(),
});

const remoteAnswer = z.union([
  z.strictObject({ fileCode: z.string().min(1) }),
  z.strictObject({ fileCode: z.undefined().optional(), pending: z.literal(true), hostMessage: text.optional() }),
]);
const remoteState = z.strictObject({
  fileCode: z.string().min(1).optional(),
  url: text.optional(),
  state: z.enum(['queued', 'working', 'done', 'error', 'unknown']),
  hostStatus: text.optional(),
  bytesTotal: num.optional(),
  bytesDone: num.optional(),
  error: text.optional(),
  created: text.optional(),
  folderId: z.string().min(1).optional(),
});
const encodings = z.array(
  z.strictObject({ fileCode: z.string().min(1), title: text.optional(), quality: text.optional(), progress: num, status: text, link: text.optional() }),
);
const folderListing = z.strictObject({ folders: z.array(folder), files: z.array(remoteFile) });

/** Output schema per parser name. */
export const outputSchemas: Record<string, z.ZodType> = {
  'account-info': accountInfo,
  'user-info': accountInfo,
  'user-complaints': z.array(z.strictObject({ fileCode: z.string().min(1) })),
  'account-stats': z.array(statsDay),
  'upload-server': z.string(),
  'upload-reply': z.array(uploaded).min(1),
  'upload-url': z.union([
    z.strictObject({ fileCode: z.string().min(1) }),
    z.strictObject({ fileCode: z.undefined(), pending: z.literal(true), hostMessage: text.optional() }),
  ]),
  'file-info': z.array(remoteFile),
  'file-list': fileList,
  'file-edit': z.array(z.strictObject({ fileCode: z.string().min(1), ok: z.boolean() })),
  'file-rename': z.array(z.strictObject({ fileCode: z.string().min(1), ok: z.boolean() })),
  'file-copy': z.strictObject({ fileCode: text.optional(), url: text.optional() }),
  'file-clone': z.strictObject({ fileCode: text.optional(), url: text.optional() }),
  'file-delete': z.undefined(),
  'file-set_folder': z.undefined(),
  'folder-rename': z.undefined(),
  'folder-edit': z.undefined(),
  'file-deleted': z.array(
    z.strictObject({
      fileCode: z.string().min(1),
      title: text.optional(),
      deleted: text.optional(),
      deletedAgoSec: num.optional(),
      deletedBy: text.optional(),
    }),
  ),
  'files-deleted': z.array(
    z.strictObject({
      fileCode: z.string().min(1),
      title: text.optional(),
      deleted: text.optional(),
      deletedAgoSec: num.optional(),
      deletedBy: text.optional(),
    }),
  ),
  'file-dmca': z.array(z.strictObject({ fileCode: z.string().min(1), deleteAt: text.optional(), deleteInSec: num.optional() })),
  'file-encodings': z.array(
    z.strictObject({ fileCode: z.string().min(1), title: text.optional(), quality: text.optional(), progress: num, status: text, link: text.optional() }),
  ),
  'file-direct_link': directLinks,
  'folder-list': z.strictObject({ folders: z.array(folder), files: z.array(remoteFile) }),
  'folder-create': folder,
  'file-get-hashid': remoteFile,
  'file-get': fileList,
  'file-upload-generate': z.string(),
  'mirror-get': z.array(
    z.strictObject({
      title: text,
      size: num.optional(),
      mirrors: z.array(z.strictObject({ driver: z.string().min(1), iframe: text.optional(), link: text.optional(), uploadedAt: text.optional() })),
    }),
  ),
  'file-get-direct': directLinks,
  // Streamtape
  'file-ul': z.string(),
  'remotedl-add': remoteAnswer,
  'remotedl-status': z.array(remoteState),
  'file-listfolder': folderListing,
  'file-createfolder': folder,
  'file-runningconverts': encodings.refine((rows) => rows.every((row) => row.progress >= 0 && row.progress <= 100)),
  // Mixdrop
  remoteupload: remoteAnswer,
  remotestatus: z.array(remoteState),
  fileinfo2: z.array(remoteFile).length(2),
};
