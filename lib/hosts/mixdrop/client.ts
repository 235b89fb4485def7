// The Mixdrop dialect: e-mail (carried in the account's login) and key on
// every call, files named by fileref, uploads POSTed straight to a fixed
// endpoint with the credentials in the form, remote uploads named at once.
import { checkCode, checkCodes, checkId, checkMediaUrl, uploadUrl, type DialectMethods } from '../client-kit';
import { invalidInput, pendingFailure, type FailureContext } from '../failures';
import { AppError } from '../../errors';
import type { Http } from '../http';
import type { HostAccount, HostClient, RemoteFile, UploadOptions } from '../types';
import { mixdropReader, readMixdropText } from './envelope';
import { paced } from './pace';
import { parseFileInfo, parseRemoteAdded, parseRemoteStatus, parseUploaded } from './parse';

type Params = [name: string, value: string | undefined][];

/** fileinfo2 takes at most 50 `ref[]` per call. */
const fileInfoBatch = 50;

export interface MixdropClientInput {
  account: HostAccount;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

/**
 * The upload endpoint beside the API, as the document pairs them
 * (api.mixdrop.ag -> ul.mixdrop.ag/api). A base without an `api.` label (a
 * proxy, or the local simulator) takes uploads at <base>/upload.
 */
export function uploadEndpoint(apiBase: string): string {
  const base = new URL(apiBase);
  if (!/^api\./i.test(base.hostname)) return `${apiBase}/upload`;
  base.hostname = `ul.${base.hostname.slice(4)}`;
  base.pathname = '/api';
  return base.toString();
}

function folderParam(folderId: string | undefined): string | undefined {
  return folderId === undefined ? undefined : checkId(folderId, 'folder id');
}

export function mixdropMethods({ account, apiBase, http, ctx }: MixdropClientInput): DialectMethods {
  const email = account.login?.trim() ?? '';
  const limited = paced(http);

  function url(path: string, params: Params): URL {
    if (!email) throw invalidInput(`${ctx.label} needs the API e-mail as well as the key. Add it in Options.`);
    const out = new URL(`${apiBase}/${path}`);
    out.searchParams.set('email', email);
    out.searchParams.set('key', account.key);
    for (const [name, value] of params) if (value !== undefined && value !== '') out.searchParams.append(name, value);
    return out;
  }

  function get<T>(path: string, params: Params, parse: (result: unknown) => T, idempotent = true): Promise<T> {
    return limited.send({ url: url(path, params), idempotent, interpret: mixdropReader(ctx, parse) });
  }

  const remoteStatus = () => get('remotestatus', [], parseRemoteStatus);

  return {
    // No account endpoint: the remote-upload queue is the cheapest authenticated read.
    // A refusal about the call itself (not the credentials) still shows they were taken.
    accountInfo: async () => {
      try {
        await remoteStatus();
      } catch (error) {
        if (!(error instanceof AppError && (error.code === 'bad_request' || error.code === 'not_found'))) throw error;
      }
      return { email };
    },

    uploadTarget: async (options: UploadOptions = {}) => {
      if (!email) throw invalidInput(`${ctx.label} needs the API e-mail as well as the key. Add it in Options.`);
      const fields: Record<string, string> = { email, key: account.key };
      const folder = folderParam(options.folderId);
      if (folder !== undefined) fields.folder = folder;
      return { url: uploadUrl(uploadEndpoint(apiBase), account.allowHttp, ctx), fields, fileField: 'file' };
    },

    parseUploadReply: (body) => readMixdropText(body, ctx, parseUploaded),

    remoteUpload: (async (mediaUrl: string, options: UploadOptions & { acceptPending?: boolean } = {}) => {
      const params: Params = [
        ['url', checkMediaUrl(mediaUrl)],
        ['name', options.title?.trim()],
        ['folder', folderParam(options.folderId)],
      ];
      // remoteupload is never retried: a lost reply may still have queued the URL.
      const answer = await get('remoteupload', params, parseRemoteAdded, false);
      if (answer.pending === true && !options.acceptPending) throw pendingFailure(ctx);
      return answer;
    }) as HostClient['remoteUpload'],

    // Asked without an id (the document marks it optional) the queue comes whole; its ids are the host's own, which no job keeps.
    remoteUploadStatus: async (fileCode) => {
      const code = fileCode === undefined ? undefined : checkCode(fileCode);
      const entries = await remoteStatus();
      return code === undefined ? entries : entries.filter((entry) => entry.fileCode === code);
    },

    fileInfo: async (codes) => {
      const list = checkCodes(codes);
      const out: RemoteFile[] = [];
      for (let at = 0; at < list.length; at += fileInfoBatch) {
        const batch = list.slice(at, at + fileInfoBatch);
        out.push(
          ...(await get(
            'fileinfo2',
            batch.map((code) => ['ref[]', code]),
            (r) => parseFileInfo(r, batch),
          )),
        );
      }
      return out;
    },
  };
}
