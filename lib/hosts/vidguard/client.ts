// The VidGuard dialect: the key as a query parameter on every call, videos
// named by HashID, and a fresh upload server (a URL with its own token) per
// upload, whose form carries the key and an optional numeric folder.
import { checkId, uploadUrl, type DialectMethods } from '../client-kit';
import { invalidInput } from '../failures';
import type { DialectInput } from '../preset-entry';
import { vidguardReader } from './envelope';
import { parseComplaints, parseUploadedVideos, parseUploadServer, parseUserInfo } from './parse';

export function vidguardMethods({ account, apiBase, http, ctx }: DialectInput): DialectMethods {
  function get<T>(path: string, parse: (result: unknown) => T): Promise<T> {
    const url = new URL(`${apiBase}/${path}`);
    url.searchParams.set('key', account.key);
    return http.send({ url, idempotent: true, interpret: vidguardReader(ctx, parse) });
  }

  return {
    accountInfo: () => get('user/info', parseUserInfo),

    dmcaFiles: () => get('user/complaints', parseComplaints),

    uploadTarget: async (options = {}) => {
      const folder = options.folderId === undefined ? undefined : checkId(options.folderId, 'folder id');
      // The document types the folder as Int.
      if (folder !== undefined && !/^\d+$/.test(folder)) throw invalidInput('VidGuard folder ids are numbers.');
      const server = await get('upload/server', parseUploadServer);
      const fields: Record<string, string> = { key: account.key };
      if (folder !== undefined) fields.folder = folder;
      return { url: uploadUrl(server, account.allowHttp, ctx), fields, fileField: 'file' };
    },

    // The upload server answers in the API's envelope; the uploader hands over its text.
    parseUploadReply: (body) => vidguardReader(ctx, parseUploadedVideos)({ status: 200, contentType: '', text: body }),
  };
}
