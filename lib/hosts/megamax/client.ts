// The megamax.me dialect: login + key on every call, files named by hashid.
// It documents no account, remote-upload, edit or folder endpoints.
import { checkCode, checkCodes, checkId, uploadUrl, type DialectMethods } from '../client-kit';
import { guarded } from '../shape';
import { AppError } from '../../errors';
import { invalidInput, type FailureContext } from '../failures';
import type { Http } from '../http';
import type { HostAccount, RemoteFile } from '../types';
import { megamaxReader, readMegamaxBody } from './envelope';
import { parseMegamaxDirect, parseMegamaxFileInfo, parseMegamaxList, parseMegamaxUploaded, parseMirrors, parseUploadUrl } from './parse';

const megamaxStatuses = ['onqueue', 'transferring', 'processing', 'converting', 'converted', 'failed'] as const;

export interface MegamaxClientInput {
  account: HostAccount;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

export function megamaxMethods({ account, apiBase, http, ctx }: MegamaxClientInput): DialectMethods {
  const login = account.login?.trim() ?? '';

  function url(path: string, params: Record<string, string | undefined> = {}): URL {
    if (!login) throw invalidInput('megamax.me needs the API login as well as the key. Add it in Options.');
    const out = new URL(`${apiBase}/${path}`);
    out.searchParams.set('login', login);
    out.searchParams.set('key', account.key);
    for (const [name, value] of Object.entries(params)) if (value) out.searchParams.set(name, value);
    return out;
  }

  function get<T>(path: string, params: Record<string, string | undefined>, parse: (result: unknown) => T): Promise<T> {
    return http.send({ url: url(path, params), idempotent: true, interpret: megamaxReader(ctx, parse) });
  }

  const fileGet = (code: string) => `file/get/${encodeURIComponent(checkCode(code))}`;

  return {
    // No account endpoint: the cheapest authenticated call proves the login and key.
    accountInfo: async () => {
      const list = await get('file/get', {}, parseMegamaxList);
      return { login, filesTotal: list.total ?? list.files.length };
    },

    uploadTarget: async (options = {}) => {
      const server = await get('file/upload/generate', {}, parseUploadUrl);
      const fields: Record<string, string> = { login, key: account.key };
      if (options.folderId !== undefined) fields.folder = checkId(options.folderId, 'folder id');
      return { url: uploadUrl(server, account.allowHttp, ctx), fields, fileField: 'file' };
    },

    parseUploadReply: (body) => guarded(ctx, () => parseMegamaxUploaded(readMegamaxBody({ status: 200, contentType: '', text: body }, ctx).result)),

    fileInfo: async (codes) => {
      const out: RemoteFile[] = [];
      for (const code of checkCodes(codes)) {
        try {
          out.push(await get(fileGet(code), {}, parseMegamaxFileInfo));
        } catch (error) {
          // Match the XFS hosts, which list an unknown code as a 404 entry.
          if (error instanceof AppError && error.code === 'not_found') out.push({ fileCode: code, status: 'missing' });
          else throw error;
        }
      }
      return out;
    },

    listFiles: async (query = {}) => {
      if (query.status !== undefined && !(megamaxStatuses as readonly string[]).includes(query.status)) {
        throw invalidInput(`The status filter must be one of ${megamaxStatuses.join(', ')}.`);
      }
      return get(
        'file/get',
        { folder: query.folderId === undefined ? undefined : checkId(query.folderId, 'folder id'), status: query.status },
        parseMegamaxList,
      );
    },

    directLinks: async (code) => get(`${fileGet(code)}/direct`, {}, parseMegamaxDirect),

    mirrors: async (code) => get(`mirror/get/${encodeURIComponent(checkCode(code))}`, {}, parseMirrors),
  };
}
