// What every dialect's client shares: capability gating (an unsupported
// method rejects before any request), input checks, link templates and the
// upload URL policy. A dialect supplies only the methods it implements.
import { AppError, redactKey } from '../errors';
import { invalidInput, unsupported, type FailureContext } from './failures';
import type { Capability, FileLinks, HostAccount, HostClient, HostPreset, LinkTemplates } from './types';

type Methods = Omit<HostClient, 'account' | 'preset' | 'capabilities' | 'links'>;
export type DialectMethods = Partial<Methods>;

const methodCapability: Record<keyof Methods, Capability> = {
  accountInfo: 'accountInfo',
  accountStats: 'accountStats',
  remoteUpload: 'remoteUpload',
  uploadTarget: 'upload',
  parseUploadReply: 'upload',
  fileInfo: 'fileInfo',
  listFiles: 'listFiles',
  editFile: 'editFile',
  cloneFile: 'cloneFile',
  moveFiles: 'moveFiles',
  deleteFiles: 'deleteFiles',
  deletedFiles: 'deletedFiles',
  dmcaFiles: 'dmcaFiles',
  encodings: 'encodings',
  directLinks: 'directLinks',
  listFolder: 'listFolder',
  createFolder: 'createFolder',
  editFolder: 'editFolder',
  mirrors: 'mirrors',
  remoteUploadStatus: 'remoteUploadStatus',
  remoteUploadSlots: 'remoteUploadSlots',
  remoteUploadAction: 'remoteUploadAction',
};

const capabilityWords: Record<Capability, string> = {
  accountInfo: 'account information',
  accountStats: 'account statistics',
  upload: 'file upload',
  remoteUpload: 'remote upload by URL',
  fileInfo: 'file information',
  editFile: 'file editing',
  listFiles: 'file listing',
  cloneFile: 'file cloning',
  moveFiles: 'moving files to folders',
  deleteFiles: 'file deletion',
  deletedFiles: 'a deleted-files list',
  dmcaFiles: 'a DMCA list',
  encodings: 'an encoding queue',
  directLinks: 'direct links',
  listFolder: 'folder listing',
  createFolder: 'folder creation',
  editFolder: 'folder editing',
  mirrors: 'mirrors',
  remoteUploadStatus: 'a remote-upload status list',
  remoteUploadSlots: 'remote-upload slots',
  remoteUploadAction: 'restarting or removing remote uploads',
};

/** Preset capabilities, limited to what the dialect implements, then the user's overrides. */
export function resolveCapabilities(base: Iterable<Capability>, overrides: HostAccount['capabilityOverrides']): Set<Capability> {
  const out = new Set(base);
  for (const [name, on] of Object.entries(overrides ?? {}) as [Capability, boolean | undefined][]) {
    if (on === true) out.add(name);
    if (on === false) out.delete(name);
  }
  return out;
}

export function unsupportedFor(ctx: FailureContext, capability: Capability): AppError {
  return unsupported(ctx, capabilityWords[capability]);
}

export function assembleClient(opts: {
  account: HostAccount;
  preset: HostPreset;
  capabilities: Set<Capability>;
  ctx: FailureContext;
  origin: string;
  methods: DialectMethods;
}): HostClient {
  const { account, preset, capabilities, ctx, methods } = opts;
  const { key: _key, ...publicAccount } = account;
  const templates: LinkTemplates = { ...preset.links, ...account.linkTemplates } as LinkTemplates;
  const client: Record<string, unknown> = {
    account: Object.freeze({ ...publicAccount }),
    preset,
    capabilities,
    links: (fileCode: string) => fillLinks(templates, fileCode, opts.origin),
  };
  for (const [name, capability] of Object.entries(methodCapability) as [keyof Methods, Capability][]) {
    const impl = methods[name] as ((...args: unknown[]) => unknown) | undefined;
    const available = capabilities.has(capability) && impl !== undefined;
    if (name === 'parseUploadReply') {
      client[name] = (body: unknown) => {
        if (!available) throw unsupportedFor(ctx, capability);
        if (typeof body !== 'string') throw invalidInput('The upload reply must be text.');
        return impl(body);
      };
      continue;
    }
    client[name] = async (...args: unknown[]) => {
      if (!available) throw unsupportedFor(ctx, capability);
      try {
        return await impl(...args);
      } catch (error) {
        if (error instanceof AppError) throw error;
        // A bug of ours must still reach the UI as a AppError without the key.
        const text = redactKey(error instanceof Error ? error.message : String(error), ...ctx.secrets);
        throw new AppError('invalid_response', `${ctx.label}: unexpected failure (${text}). Try again; if it persists, report it.`);
      }
    };
  }
  return client as unknown as HostClient;
}

/**
 * Fills `{code}`, `{origin}` (the API base's origin) and `{site}` (that origin
 * without a leading "api." label: api.megamax.me -> megamax.me).
 */
export function fillLinks(templates: LinkTemplates, fileCode: string, origin: string): FileLinks {
  const code = encodeURIComponent(fileCode.trim());
  const site = origin.replace(/^(https?:\/\/)api\./i, '$1');
  const fill = (template: string | undefined) => {
    const link = template ? template.split('{origin}').join(origin).split('{site}').join(site).split('{code}').join(code) : undefined;
    // A template that does not make a web link (javascript:, data:, nonsense) makes no link at all.
    return link && /^https?:\/\/[^\s]/i.test(link) ? link : undefined;
  };
  const watch = fill(templates.watch) ?? `${origin}/${code}`;
  const out: FileLinks = { watch };
  const embed = fill(templates.embed);
  const download = fill(templates.download);
  if (embed) out.embed = embed;
  if (download) out.download = download;
  return out;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The upload server URL checked and, unless allowed or loopback, moved to https. */
export function uploadUrl(raw: string, allowHttp: boolean | undefined, ctx: FailureContext): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_response', `${ctx.label} named an upload server that is not a URL. Try again later.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_response', `${ctx.label} named an upload server that is not http(s). Try again later.`);
  }
  // The local host simulator cannot speak TLS, so loopback stays as given.
  if (url.protocol === 'http:' && !allowHttp && !loopback.has(url.hostname)) url.protocol = 'https:';
  return url.toString();
}

const codePattern = /^[A-Za-z0-9_-]{1,64}$/;

export function checkCode(code: unknown): string {
  if (typeof code !== 'string' || !codePattern.test(code.trim())) {
    throw invalidInput('A file code is missing or malformed (letters, digits, - and _ only).');
  }
  return code.trim();
}

export function checkCodes(codes: unknown): string[] {
  if (!Array.isArray(codes) || codes.length === 0) throw invalidInput('Choose at least one file.');
  return codes.map(checkCode);
}

export function checkId(id: unknown, what: string): string {
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(text.trim())) throw invalidInput(`The ${what} is missing or malformed.`);
  return text.trim();
}

export function checkMediaUrl(raw: unknown): string {
  try {
    if (typeof raw !== 'string') throw new Error('not text');
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return url.toString();
  } catch {
    throw invalidInput('Enter a full http:// or https:// video URL.');
  }
}

export function checkCount(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidInput(`${what} must be a whole number.`);
  return value;
}

export function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0';
}
