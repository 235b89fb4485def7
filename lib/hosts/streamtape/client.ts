// The Streamtape dialect: login + key on every call, files named by linkid,
// text folder ids, an upload URL asked for each file, and remote uploads
// that name their file only in the status list once fetched.
import { checkCode, checkCodes, checkId, checkMediaUrl, unsupportedFor, uploadUrl, type DialectMethods } from '../client-kit';
import { invalidInput, pendingFailure, type FailureContext } from '../failures';
import type { Http } from '../http';
import type { EditResult, HostAccount, HostClient, UploadOptions } from '../types';
import { streamtapeEndpoints, type StreamtapeCapability } from './endpoints';
import { readStreamtapeText, streamtapeReader } from './envelope';
import { parseConverts, parseCreatedFolder, parseListing, parseStreamtapeAccount } from './parse';
import { parseRemoteAdded, parseRemoteStatus, parseUploaded, parseUploadUrl } from './parse-upload';

type Params = Record<string, string | undefined>;

export interface StreamtapeClientInput {
  account: HostAccount;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

/** A folder id to send; the XFS-style root "0" (and none) mean the account's root, which takes no id. */
function folderParam(folderId: string | undefined, what = 'folder id'): string | undefined {
  if (folderId === undefined) return undefined;
  const id = checkId(folderId, what);
  return id === '0' ? undefined : id;
}

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !name.trim()) throw invalidInput(`Enter a ${what}.`);
  return name.trim();
}

export function streamtapeMethods({ account, apiBase, http, ctx }: StreamtapeClientInput): DialectMethods {
  const login = account.login?.trim() ?? '';

  function url(capability: StreamtapeCapability, params: Params): URL {
    if (!login) throw invalidInput(`${ctx.label} needs the API login as well as the key. Add it in Options.`);
    const out = new URL(`${apiBase}/${streamtapeEndpoints[capability]}`);
    out.searchParams.set('login', login);
    out.searchParams.set('key', account.key);
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') out.searchParams.set(name, value);
    return out;
  }

  function get<T>(capability: StreamtapeCapability, params: Params, parse: (result: unknown) => T, idempotent = true): Promise<T> {
    return http.send({ url: url(capability, params), idempotent, interpret: streamtapeReader(ctx, parse, capability) });
  }

  const done = () => undefined;

  return {
    accountInfo: () => get('accountInfo', {}, parseStreamtapeAccount),

    // The upload URL is made for one file; its own query carries what the POST needs.
    uploadTarget: async (options: UploadOptions = {}) => {
      const server = await get('upload', { folder: folderParam(options.folderId) }, parseUploadUrl);
      return { url: uploadUrl(server, account.allowHttp, ctx), fields: {}, fileField: 'file' };
    },

    parseUploadReply: (body) => readStreamtapeText(body, ctx, parseUploaded),

    remoteUpload: (async (mediaUrl: string, options: UploadOptions & { acceptPending?: boolean } = {}) => {
      // remotedl/add is never retried: a lost reply may still have queued the URL.
      const answer = await get('remoteUpload', { url: checkMediaUrl(mediaUrl), folder: folderParam(options.folderId) }, parseRemoteAdded, false);
      if (answer.pending === true && !options.acceptPending) throw pendingFailure(ctx);
      return answer;
    }) as HostClient['remoteUpload'],

    // The queue is asked whole: its entries are keyed by the host's own ids, which no job keeps.
    remoteUploadStatus: async (fileCode) => {
      const code = fileCode === undefined ? undefined : checkCode(fileCode);
      const entries = await get('remoteUploadStatus', {}, parseRemoteStatus);
      return code === undefined ? entries : entries.filter((entry) => entry.fileCode === code);
    },

    listFolder: async (folderId, options = {}) => {
      const listing = await get('listFolder', { folder: folderParam(folderId) }, (r) => parseListing(r, folderParam(folderId)));
      return options.files === false ? { folders: listing.folders, files: [] } : listing;
    },

    createFolder: async (name, options = {}) => {
      const clean = checkName(name, 'folder name');
      const parentId = folderParam(options.parentId, 'parent folder id');
      return get('createFolder', { name: clean, pid: parentId }, (r) => parseCreatedFolder(r, clean, parentId), false);
    },

    editFolder: async (folderId, changes) => {
      const given = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (given.length === 0) throw invalidInput('Choose at least one change to make.');
      if (given.some(([field]) => field !== 'name')) throw unsupportedFor(ctx, 'editFolder');
      await get('editFolder', { folder: checkId(folderId, 'folder id'), name: checkName(changes.name, 'folder name') }, done);
    },

    // One file per call; a file's title is its name.
    editFile: async (codes, changes) => {
      const given = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (given.length === 0) throw invalidInput('Choose at least one change to make.');
      if (given.some(([field]) => field !== 'title')) throw unsupportedFor(ctx, 'editFile');
      const name = checkName(changes.title, 'title');
      const results: EditResult[] = [];
      for (const code of checkCodes(codes)) {
        await get('editFile', { file: code, name }, done);
        results.push({ fileCode: code, ok: true });
      }
      return results;
    },

    moveFiles: async (codes, folderId) => {
      const folder = checkId(folderId, 'folder id');
      for (const code of checkCodes(codes)) await get('moveFiles', { file: code, folder }, done);
    },

    deleteFiles: async (codes) => {
      for (const code of checkCodes(codes)) await get('deleteFiles', { file: code }, done);
    },

    encodings: async (code) => {
      const only = code === undefined ? undefined : checkCode(code);
      const running = await get('encodings', {}, parseConverts);
      return only === undefined ? running : running.filter((entry) => entry.fileCode === only);
    },
  };
}
