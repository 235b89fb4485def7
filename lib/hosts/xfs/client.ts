// The XFS dialect factory: one client for every XFileSharing host, driven by
// the preset's dialect overrides.
import type { Json } from '../coerce';
import { checkCode, checkCodes, checkCount, checkId, checkMediaUrl, flag, uploadUrl, unsupportedFor, type DialectMethods } from '../client-kit';
import { hostFailure, invalidInput, pendingFailure, type FailureContext } from '../failures';
import type { Http } from '../http';
import type { FileChanges, FolderChanges, HostAccount, HostClient, HostPreset, ListQuery, RemoteUploadAction, UploadOptions } from '../types';
import type { XfsCapability, XfsDialect } from './dialect';
import { xfsReader } from './envelope';
import { parseAccountInfo, parseStats } from './parse-account';
import { parseClone, parseEditResults, parseFileInfo, parseFileList, parseRemoteUpload } from './parse-files';
import { parseCreatedFolder, parseFolderListing } from './parse-folders';
import { parseDeleted, parseDirectLinks, parseDmca, parseEncodings } from './parse-queues';
import { parseUploadServer, parseXfsUploadReply } from './parse-upload';
import { parseRemoteSlots, parseRemoteStates } from './parse-remote';

type Params = Record<string, string | number | undefined>;

export interface XfsClientInput {
  account: HostAccount;
  preset: HostPreset<string>;
  dialect: XfsDialect;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

export function xfsMethods(input: XfsClientInput): DialectMethods {
  const { account, preset, dialect, apiBase, http, ctx } = input;
  const p = dialect.params;

  function url(capability: XfsCapability, params: Params, path?: string): URL {
    const endpoint = path ?? dialect.endpoints[capability];
    if (!endpoint) throw unsupportedFor(ctx, capability);
    const out = new URL(`${apiBase}/${endpoint}`);
    out.searchParams.set('key', account.key);
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') out.searchParams.set(name, String(value));
    return out;
  }

  function get<T>(capability: XfsCapability, params: Params, parse: (result: unknown, body: Json) => T, idempotent = true, path?: string): Promise<T> {
    return http.send({ url: url(capability, params, path), idempotent, interpret: xfsReader(ctx, parse, capability) });
  }

  function uploadFields(options: UploadOptions = {}): Params {
    return {
      file_title: options.title,
      file_descr: options.description,
      fld_id: options.folderId,
      cat_id: options.categoryId,
      tags: options.tags,
      file_public: flag(options.public),
      file_adult: preset.adultFlag ? flag(options.adult) : undefined,
    };
  }

  function editParams(changes: FileChanges): Params {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof FileChanges, unknown][];
    if (entries.length === 0) throw invalidInput('Choose at least one change to make.');
    for (const [field] of entries) {
      if (!dialect.editFields.includes(field)) throw unsupportedFor(ctx, 'editFile');
    }
    return {
      [p.editTitle]: changes.title,
      file_descr: changes.description,
      file_fld_id: changes.folderId,
      cat_id: changes.categoryId,
      tags: changes.tags,
      file_public: flag(changes.public),
      file_adult: flag(changes.adult),
    };
  }

  function requireAllOk(results: { fileCode: string; ok: boolean }[]): void {
    const failed = results.filter((r) => !r.ok).map((r) => r.fileCode);
    if (failed.length > 0) {
      throw hostFailure('not_found', ctx, { status: 404, hostText: `not done for ${failed.join(', ')}` });
    }
  }

  return {
    accountInfo: () => get('accountInfo', {}, parseAccountInfo),

    accountStats: async (days) => get('accountStats', { last: checkCount(days, 'The number of days') }, parseStats),

    remoteUpload: (async (mediaUrl: string, options: UploadOptions & { acceptPending?: boolean } = {}) => {
      const { acceptPending, ...rest } = options;
      const { file_title: _title, file_descr: _descr, ...fields } = uploadFields(rest);
      // upload/url is never retried: a lost reply may still have queued the file.
      const answer = await get('remoteUpload', { url: checkMediaUrl(mediaUrl), ...fields }, parseRemoteUpload, false);
      if (answer.pending === true && !acceptPending) throw pendingFailure(ctx, answer.hostMessage);
      return answer;
    }) as HostClient['remoteUpload'],

    uploadTarget: async (options) => {
      const server = await get('upload', {}, parseUploadServer);
      const fields: Record<string, string> = { [p.uploadAuth]: account.key };
      for (const [name, value] of Object.entries(uploadFields(options))) if (value !== undefined && value !== '') fields[name] = String(value);
      return { url: uploadUrl(server, account.allowHttp, ctx), fields, fileField: 'file' };
    },

    parseUploadReply: (body) => parseXfsUploadReply(body, ctx),

    fileInfo: async (codes) => get('fileInfo', { file_code: checkCodes(codes).join(',') }, parseFileInfo),

    listFiles: async (query: ListQuery = {}) =>
      get(
        'listFiles',
        {
          page: checkCount(query.page, 'The page'),
          per_page: checkCount(query.perPage, 'The page size'),
          fld_id: query.folderId === undefined ? undefined : checkId(query.folderId, 'folder id'),
          [p.listTitle]: query.title,
          [p.listPublic]: flag(query.public),
          [p.listAdult]: preset.adultFlag ? flag(query.adult) : undefined,
          created: query.created,
        },
        parseFileList,
      ),

    editFile: async (codes, changes) => {
      const list = checkCodes(codes);
      return get('editFile', { file_code: list.join(','), ...editParams(changes) }, (r) => parseEditResults(r, list));
    },

    cloneFile: async (code, options = {}) =>
      get(
        'cloneFile',
        {
          file_code: checkCode(code),
          file_title: options.title,
          fld_id: dialect.cloneToFolder && options.folderId !== undefined ? checkId(options.folderId, 'folder id') : undefined,
        },
        parseClone,
        false,
      ),

    moveFiles: async (codes, folderId) => {
      const list = checkCodes(codes);
      const results = await get('moveFiles', { file_code: list.join(','), [p.moveFolder]: checkId(folderId, 'folder id') }, (r) => parseEditResults(r, list));
      requireAllOk(results);
    },

    deleteFiles: async (codes) => {
      // media.cm deletes one del_code per call.
      for (const code of checkCodes(codes)) {
        await get('deleteFiles', { [p.deleteCode]: code }, () => undefined);
      }
    },

    deletedFiles: async (options = {}) => get('deletedFiles', { last: checkCount(options.last, '"last"') }, parseDeleted),

    dmcaFiles: async (options = {}) => get('dmcaFiles', { last: checkCount(options.last, '"last"') }, parseDmca),

    encodings: async (code) => get('encodings', { code: code === undefined ? undefined : checkCode(code) }, parseEncodings),

    directLinks: async (code, options = {}) =>
      get(
        'directLinks',
        { file_code: checkCode(code), q: options.quality === undefined ? undefined : checkQuality(options.quality), hls: options.hls ? '1' : undefined },
        parseDirectLinks,
      ),

    listFolder: async (folderId, options = {}) =>
      get(
        'listFolder',
        { fld_id: folderId === undefined ? '0' : checkId(folderId, 'folder id'), files: options.files === false ? undefined : '1' },
        parseFolderListing,
      ),

    createFolder: async (name, options = {}) => {
      const clean = checkName(name);
      const parentId = options.parentId === undefined ? undefined : checkId(options.parentId, 'parent folder id');
      return get('createFolder', { name: clean, parent_id: parentId, descr: options.description }, (r) => parseCreatedFolder(r, clean, parentId), false);
    },

    remoteUploadStatus: async (fileCode) =>
      fileCode === undefined
        ? get('remoteUploadStatus', {}, parseRemoteStates, true, p.remoteUploadList)
        : get('remoteUploadStatus', { file_code: checkCode(fileCode) }, parseRemoteStates),

    remoteUploadSlots: async () => get('remoteUploadSlots', {}, parseRemoteSlots),

    remoteUploadAction: async (action: RemoteUploadAction, fileCode?: string) => {
      if (!['restart_errors', 'clear_errors', 'clear_all', 'delete'].includes(action)) {
        throw invalidInput('Choose restart_errors, clear_errors, clear_all or delete.');
      }
      const params: Params = action === 'delete' ? { delete_code: checkCode(fileCode) } : { [action]: '1' };
      // Changes the host's queue: never retried blindly.
      await get('remoteUploadAction', params, () => undefined, false);
    },

    editFolder: async (folderId, changes: FolderChanges) => {
      const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof FolderChanges, unknown][];
      if (entries.length === 0) throw invalidInput('Choose at least one change to make.');
      if (entries.some(([field]) => !dialect.folderEditFields.includes(field))) throw unsupportedFor(ctx, 'editFolder');
      await get(
        'editFolder',
        {
          fld_id: checkId(folderId, 'folder id'),
          name: changes.name === undefined ? undefined : checkName(changes.name),
          parent_id: changes.parentId === undefined ? undefined : checkId(changes.parentId, 'parent folder id'),
          descr: changes.description,
        },
        () => undefined,
      );
    },
  };
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw invalidInput('Enter a folder name.');
  return name.trim();
}

function checkQuality(quality: string): string {
  if (!/^[a-z]{1,8}$/i.test(quality)) throw invalidInput('The quality must be one of n, h, l, o.');
  return quality;
}
