// Each documented endpoint's reply reader, from raw text to normalized value,
// composed exactly as the clients compose them (envelope, then parser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailureContext } from '../../../lib/hosts/failures';
import type { HttpReply } from '../../../lib/hosts/http';
import { megamaxReader, readMegamaxBody } from '../../../lib/hosts/megamax/envelope';
import {
  parseMegamaxDirect,
  parseMegamaxFileInfo,
  parseMegamaxList,
  parseMegamaxUploaded,
  parseMirrors,
  parseUploadUrl,
} from '../../../lib/hosts/megamax/parse';
import { guarded } from '../../../lib/hosts/shape';
import { xfsReader } from '../../../lib/hosts/xfs/envelope';
import { parseAccountInfo, parseStats } from '../../../lib/hosts/xfs/parse-account';
import { parseClone, parseEditResults, parseFileInfo, parseFileList, parseRemoteUpload } from '../../../lib/hosts/xfs/parse-files';
import { parseCreatedFolder, parseFolderListing } from '../../../lib/hosts/xfs/parse-folders';
import { parseDeleted, parseDirectLinks, parseDmca, parseEncodings } from '../../../lib/hosts/xfs/parse-queues';
import { parseUploadServer, parseXfsUploadReply } from '../../../lib/hosts/xfs/parse-upload';
import { vidguardReader } from '../../../lib/hosts/vidguard/envelope';
import { parseComplaints, parseUploadedVideos, parseUploadServer as parseVidguardServer, parseUserInfo } from '../../../lib/hosts/vidguard/parse';
import { readStreamtapeText, streamtapeReader } from '../../../lib/hosts/streamtape/envelope';
import { parseConverts, parseCreatedFolder as parseStreamtapeFolder, parseListing, parseStreamtapeAccount } from '../../../lib/hosts/streamtape/parse';
import { parseRemoteAdded, parseRemoteStatus, parseUploaded, parseUploadUrl as parseFileUl } from '../../../lib/hosts/streamtape/parse-upload';
import { mixdropReader, readMixdropText } from '../../../lib/hosts/mixdrop/envelope';
import {
  parseFileInfo as parseMixdropFileInfo,
  parseRemoteAdded as parseMixdropRemoteAdded,
  parseRemoteStatus as parseMixdropRemoteStatus,
  parseUploaded as parseMixdropUploaded,
} from '../../../lib/hosts/mixdrop/parse';
import { findEntry } from '../../../lib/hosts/registry';

export const secretKey = 'SeCrEtKeY1234567';
export const ctx: FailureContext = { label: 'test-host', secrets: [secretKey], credentials: 'key' };

export type TextParser = (text: string, httpStatus?: number) => unknown;

const reply = (text: string, status = 200): HttpReply => ({ status, contentType: 'application/json', text });
const xfs =
  <T>(parse: (result: unknown) => T): TextParser =>
  (text, status) =>
    xfsReader(ctx, parse)(reply(text, status));
const mm =
  <T>(parse: (result: unknown) => T): TextParser =>
  (text, status) =>
    megamaxReader(ctx, parse)(reply(text, status));
const none = () => undefined;

/** Reader per fixture name (the endpoint path with "/" as "-"). */
export const xfsParsers: Record<string, TextParser> = {
  'account-info': xfs(parseAccountInfo),
  'account-stats': xfs(parseStats),
  'upload-server': xfs(parseUploadServer),
  'upload-reply': (text) => parseXfsUploadReply(text, ctx),
  'upload-url': xfs(parseRemoteUpload),
  'file-info': xfs(parseFileInfo),
  'file-list': xfs(parseFileList),
  'file-edit': xfs((r) => parseEditResults(r, ['fheu5klo9dw0', 'frtg9gher012'])),
  'file-rename': xfs((r) => parseEditResults(r, ['gi4o0tlro01u', 'gi4o0tlro012'])),
  'file-copy': xfs(parseClone),
  'file-clone': xfs(parseClone),
  'file-delete': xfs(none),
  'file-set_folder': xfs(none),
  'file-deleted': xfs(parseDeleted),
  'files-deleted': xfs(parseDeleted),
  'file-dmca': xfs(parseDmca),
  'file-encodings': xfs(parseEncodings),
  'file-direct_link': xfs(parseDirectLinks),
  'folder-list': xfs(parseFolderListing),
  'folder-create': xfs((r) => parseCreatedFolder(r, 'New Folder')),
  'folder-rename': xfs(none),
  'folder-edit': xfs(none),
};

export const megamaxParsers: Record<string, TextParser> = {
  'file-get-hashid': mm(parseMegamaxFileInfo),
  'file-get': mm(parseMegamaxList),
  'file-upload-generate': mm(parseUploadUrl),
  'upload-reply': (text) => guarded(ctx, () => parseMegamaxUploaded(readMegamaxBody(reply(text), ctx).result)),
  'mirror-get': mm(parseMirrors),
  'file-get-direct': mm(parseMegamaxDirect),
};

const vg =
  <T>(parse: (result: unknown) => T): TextParser =>
  (text, status) =>
    vidguardReader(ctx, parse)(reply(text, status));

/** VidGuard's readers; the upload POST's reply is read like any API reply (its uploader passes status 200). */
export const vidguardParsers: Record<string, TextParser> = {
  'user-info': vg(parseUserInfo),
  'user-complaints': vg(parseComplaints),
  'upload-server': vg(parseVidguardServer),
  'upload-reply': vg(parseUploadedVideos),
};

const st =
  <T>(parse: (result: unknown) => T): TextParser =>
  (text, status) =>
    streamtapeReader(ctx, parse)(reply(text, status));
const md =
  <T>(parse: (result: unknown) => T): TextParser =>
  (text, status) =>
    mixdropReader(ctx, parse)(reply(text, status));

/** Streamtape-family readers, by the endpoint path with "/" as "-". */
export const streamtapeParsers: Record<string, TextParser> = {
  'account-info': st(parseStreamtapeAccount),
  'file-ul': st(parseFileUl),
  'upload-reply': (text) => readStreamtapeText(text, ctx, parseUploaded),
  'remotedl-add': st(parseRemoteAdded),
  'remotedl-status': st(parseRemoteStatus),
  'file-listfolder': st((r) => parseListing(r)),
  'file-createfolder': st((r) => parseStreamtapeFolder(r, 'New Folder')),
  'file-runningconverts': st(parseConverts),
};

/** Mixdrop readers, by endpoint; fileinfo2 is asked for the documented fileref and one it does not know. */
export const mixdropParsers: Record<string, TextParser> = {
  'upload-reply': (text) => readMixdropText(text, ctx, parseMixdropUploaded),
  remoteupload: md(parseMixdropRemoteAdded),
  remotestatus: md(parseMixdropRemoteStatus),
  fileinfo2: md((r) => parseMixdropFileInfo(r, ['lOd3o', 'zzzzzzzzzzzz'])),
};

/** Fixtures read by another endpoint's reader: an older edition of the document, named after its edition. */
export const fixtureParser: Record<string, string> = {
  'mixdrop.ag upload-reply-club': 'upload-reply',
  'mixdrop.ag remoteupload-club': 'remoteupload',
  'mixdrop.ag fileinfo-club': 'fileinfo2',
};

export const fixtureHosts = ['media.cm', 'vipstream.cc', 'mp4upload.com', 'watching.vn', 'megamax.me'] as const;
export const familyFixtureHosts = ['streamtape.com', 'nupload.me', 'mixdrop.ag'] as const;

const fixtureDir = join(__dirname, '../../fixtures/hosts');

export function fixture(host: string, name: string): string {
  for (const ext of ['json', 'txt']) {
    try {
      return readFileSync(join(fixtureDir, host, `${name}.${ext}`), 'utf8');
    } catch {
      // try the next extension
    }
  }
  throw new Error(`no fixture ${host}/${name}`);
}

const parsersByFamily = { xfs: xfsParsers, megamax: megamaxParsers, vidguard: vidguardParsers, streamtape: streamtapeParsers, mixdrop: mixdropParsers };

export function parserFor(host: string, name: string): TextParser {
  const table = parsersByFamily[findEntry(host)?.family ?? 'xfs'];
  const parser = table[fixtureParser[`${host} ${name}`] ?? name];
  if (!parser) throw new Error(`no parser for ${host}/${name}`);
  return parser;
}
