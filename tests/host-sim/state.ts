// Everything the simulator remembers: accounts, their files and folders, and
// the records tests inspect. Encoding progress is derived from the clock on
// every read, so no timers run while nobody asks.
import { randomBytes } from 'node:crypto';
import { findEntry } from '../../lib/hosts/registry';
import type { HostId } from '../../lib/hosts/types';
import type { RemoteUploadRecord, RequestRecord, SimAccount, SimFile, SimFolder, UploadRecord } from './types';
import { xfsTime } from './time';

export interface DmcaEntry {
  code: string;
  reportedAt: number;
  deleteAt: number;
}

const lowerAlnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const mixedAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** File codes as each family writes them: XFS file_code, megamax hashid, Streamtape linkid, Mixdrop fileref. */
const codeShapes: Record<string, [alphabet: string, length: number]> = {
  xfs: [lowerAlnum, 12],
  megamax: [mixedAlnum, 16],
  streamtape: [mixedAlnum, 15],
  mixdrop: [lowerAlnum, 14],
};

function randomCode(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

const defaultStorage = 100 * 1024 ** 3;

/** File codes as each document shows them: megamax.me hashids, VidGuard HashIDs ("lrabVOQpEKdWMe"); XFS's 12 lowercase otherwise. */
const codeStyle: Record<string, [alphabet: string, length: number]> = {
  'megamax.me': [mixedAlnum, 16],
  'vidguard.to': [mixedAlnum, 14],
};

export class SimState {
  readonly accounts = new Map<string, SimAccount>();
  readonly dmca = new Map<SimAccount, DmcaEntry[]>();
  /** megamax.me upload tokens from file/upload/generate. */
  readonly uploadTokens = new Map<string, SimAccount>();
  /** Remote uploads by the host's own queue id (Streamtape's remotedl, Mixdrop's remoteupload). */
  readonly remoteIds = new Map<string, RemoteUploadRecord>();
  readonly requests: RequestRecord[] = [];
  readonly remoteUploads: RemoteUploadRecord[] = [];
  /** Hosts whose upload/url answers {"status":200,"msg":"WORKING"} without a file code. */
  readonly remoteWithoutCode = new Set<string>();
  /** Remote uploads removed from their host's queue list (urlupload/actions). */
  readonly remoteCleared = new Set<RemoteUploadRecord>();
  readonly uploads: UploadRecord[] = [];
  private readonly codes = new Set<string>();
  private nextFolderId = 10;

  constructor(
    readonly dataDir: string,
    readonly encodeMs: number,
  ) {}

  addAccount(a: { hostId: HostId; key: string; login?: string }): SimAccount {
    if (!a.key) throw new Error('host-sim: addAccount needs a non-empty key');
    const login = a.login ?? (a.hostId === 'megamax.me' ? 'tester@vidrelay.test' : 'tester');
    const account: SimAccount = {
      hostId: a.hostId,
      key: a.key,
      login,
      email: login.includes('@') ? login : `${login}@vidrelay.test`,
      files: new Map(),
      folders: new Map(),
      deleted: [],
      balance: 8,
      storageUsed: 0,
      storageLeft: defaultStorage,
    };
    this.accounts.set(accountKey(a.hostId, a.key), account);
    const now = Date.now();
    // The docs show one pending DMCA entry; seed one so file/dmca has content.
    this.dmca.set(account, [{ code: this.newCode(a.hostId), reportedAt: now - 3600_000, deleteAt: now + 42_097_000 }]);
    return account;
  }

  accountFor(hostId: string, key: string): SimAccount | undefined {
    return this.accounts.get(accountKey(hostId, key));
  }

  requireAccount(hostId: string, key: string): SimAccount {
    const account = this.accountFor(hostId, key);
    if (!account) throw new Error(`host-sim: no ${hostId} account with that key; call addAccount first`);
    return account;
  }

  newCode(hostId: string): string {
    const [alphabet, length] = codeStyle[hostId] ?? codeShapes[findEntry(hostId)?.family ?? 'xfs'] ?? [lowerAlnum, 12];
    for (;;) {
      const code = randomCode(alphabet, length);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  createFile(account: SimAccount, init: Partial<SimFile> & { title: string }): SimFile {
    const size = init.size ?? 1024 * 1024;
    const file: SimFile = {
      code: init.code ?? this.newCode(account.hostId),
      title: init.title,
      size,
      length: init.length ?? lengthFor(size),
      views: init.views ?? 0,
      folderId: init.folderId ?? '0',
      public: init.public ?? true,
      adult: init.adult ?? false,
      tags: init.tags ?? '',
      description: init.description ?? '',
      categoryId: init.categoryId ?? '0',
      uploaded: init.uploaded ?? xfsTime(),
      status: init.status ?? 'ready',
      encodeStartedAt: init.encodeStartedAt ?? Date.now(),
      path: init.path,
      sourceUrl: init.sourceUrl,
    };
    this.codes.add(file.code);
    account.files.set(file.code, file);
    account.storageUsed += size;
    account.storageLeft = Math.max(0, account.storageLeft - size);
    return file;
  }

  createFolder(account: SimAccount, name: string, parentId = '0', description = ''): SimFolder {
    const folder: SimFolder = {
      id: String(this.nextFolderId++),
      name,
      parentId,
      code: randomCode(lowerAlnum, 10),
      description,
    };
    account.folders.set(folder.id, folder);
    return folder;
  }

  deleteFile(account: SimAccount, code: string): boolean {
    const file = account.files.get(code);
    if (!file) return false;
    account.files.delete(code);
    file.deleted = xfsTime();
    account.deleted.unshift(file);
    account.storageUsed -= file.size;
    account.storageLeft += file.size;
    return true;
  }

  /** Moves 'encoding' to 'ready' once encodeMs have passed; returns the current status. */
  status(file: SimFile): SimFile['status'] {
    if (file.status === 'encoding' && Date.now() - file.encodeStartedAt >= this.encodeMs) file.status = 'ready';
    return file.status;
  }

  /** 0..1 share of the encoding done (0 while a remote upload still transfers). */
  encodeShare(file: SimFile): number {
    if (this.status(file) === 'ready') return 1;
    if (file.status === 'failed' || !Number.isFinite(file.encodeStartedAt)) return 0;
    return Math.min(1, Math.max(0, (Date.now() - file.encodeStartedAt) / Math.max(1, this.encodeMs)));
  }
}

function accountKey(hostId: string, key: string): string {
  return `${hostId}\n${key}`;
}

/** A plausible duration: about 1 Mbit/s of video. */
export function lengthFor(size: number): number {
  return Math.max(1, Math.round(size / 125_000));
}
