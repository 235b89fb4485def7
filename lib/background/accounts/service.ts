import type { AccountStore, SettingsStore } from '../../storage/items';
import { accountSchema, toPublicAccount as publicFields, type Account, type AccountInput, type PublicAccount } from '../../accounts';
import { accessPatternsOf, siteOf } from '../../accounts/sites';
import { AppError } from '../../errors';
import { createHostClient, getPreset } from '../../hosts';
import { apiBaseOf } from '../../hosts/setup';
import { capabilityNames, type AccountInfo, type HostAccount, type HostClient, type HostClientDeps, type HostPreset } from '../../hosts/types';
import { discoveringClient, switchOffDiscovered } from './discovered';
import { scrubbedClient } from './scrubbed-client';
import { apiOriginOf, keyFits, keyOriginOf } from '../../accounts/key-origin';

// Accounts with their keys are read here, in the background, and nowhere else:
// createAccounts() is the one service over the stored accounts (the real item,
// which joins entries of storage.local with keys of the extension's IndexedDB,
// or an in-memory store in unit tests).

function presetOf(hostId: string): HostPreset {
  const preset = getPreset(hostId);
  if (!preset) throw new AppError('invalid_input', `Unknown host "${hostId}".`);
  return preset;
}

/** The account's API base (lib/hosts/setup.ts); an unknown host is refused. */
function baseOf(account: Pick<Account, 'hostId' | 'apiBase'>): string {
  const base = apiBaseOf(account);
  if (base === undefined) throw new AppError('invalid_input', `Unknown host "${account.hostId}".`);
  return base;
}

function newId(): string {
  return `acc_${crypto.randomUUID().slice(0, 8)}`;
}

function validateBase(apiBase: string): void {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new AppError('invalid_input', 'The API base URL is not a valid URL. Example: https://example.com/api');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_input', 'The API base URL must start with https:// (or http://).');
  }
}

/** `existing`: the stored account of that id, if any. */
async function resolveInput(input: AccountInput, existing: Account | undefined): Promise<Account> {
  const typed = input.key?.trim();
  const target = { hostId: input.hostId, apiBase: input.apiBase?.trim() || undefined };
  // The stored key stays only on the origin it was entered for (lib/accounts/key-origin.ts).
  if (!typed && existing?.key && !keyFits(existing, target)) {
    throw new AppError(
      'invalid_input',
      `The API address moved to ${apiOriginOf(target) ?? 'a new address'}. Enter the API key again: VidRelay sends a key only to the address it was entered for.`,
    );
  }
  const key = typed || existing?.key || '';
  if (!key) throw new AppError('invalid_input', 'Enter the API key from your account settings on the host.');
  const preset = presetOf(input.hostId);
  if (preset.needsLogin && !input.login?.trim()) {
    throw new AppError('invalid_input', `${preset.label} needs the API login as well as the key.`);
  }
  const apiBase = input.apiBase?.trim() || undefined;
  if (!preset.apiBase && !apiBase) {
    throw new AppError('invalid_input', `Enter the API base URL of the ${preset.label}, e.g. https://example.com/api`);
  }
  validateBase(baseOf({ hostId: input.hostId, apiBase }));
  return accountSchema.parse({
    ...existing,
    ...input,
    id: existing?.id ?? input.id ?? newId(),
    label: input.label?.trim() || existing?.label || preset.label,
    apiBase,
    key,
    keyOrigin: typed ? apiOriginOf(target) : keyOriginOf(existing!),
    login: input.login?.trim() || undefined,
    createdAt: existing?.createdAt ?? Date.now(),
  });
}

export interface AccountServiceDeps {
  store: AccountStore;
  settings: SettingsStore;
  /** Whether the browser granted these origins (the permissions API). */
  hasAccess(origins: string[]): Promise<boolean>;
  /** Tells the user something (a notification): here, that a capability was switched off. */
  notify(id: string, title: string, message: string): Promise<void>;
  /** What every client's HTTP layer is built with (tests shorten the retry backoff). */
  hostDeps?: HostClientDeps;
}

/** The stored accounts with their keys, as the background's handlers see them (lib/background/context/context.ts). */
export interface AccountService {
  /** Every account that reads, keys included: for the background only. */
  all(): Promise<Account[]>;
  find(id: string): Promise<Account | undefined>;
  /** The account, or a `not_found` / `storage_unreadable` error that says which. */
  get(id: string): Promise<Account>;
  /** For pages: keys masked. */
  list(): Promise<PublicAccount[]>;
  /** Turn what the options page sent into a full account, keeping the stored key when none was typed. */
  resolveInput(input: AccountInput): Promise<Account>;
  save(account: Account): Promise<PublicAccount>;
  remove(id: string): Promise<boolean>;
  /** Disabled accounts stay (with their history) but leave the menus and pickers. */
  setEnabled(id: string, enabled: boolean): Promise<PublicAccount>;
  /** Changes one stored account; `not_found` / `storage_unreadable` as get(). */
  edit(id: string, change: (account: Account) => Account): Promise<Account>;
  /** The default account must exist and be enabled; otherwise the first enabled account takes over. */
  repairDefault(): Promise<void>;
  /** Fails with a clear error (and a way out) when the browser has not granted the host's origin. */
  ensureAccess(account: Account): Promise<void>;
  /** The client of a stored account, after checking VidRelay may reach its host. */
  clientFor(id: string): Promise<HostClient>;
  /**
   * The client of this account (stored, or about to be): every answer and
   * error scrubbed of its key and login, and a capability its host turns out
   * not to offer switched off on the stored account (switchOffDiscovered).
   */
  clientOf(account: Account): HostClient;
  /**
   * The account's own details for "Test connection": the key stays masked in
   * everything the host says, the login does not — it is the user's own, and
   * seeing it is how they know the host took the right account.
   */
  testConnection(account: Account): Promise<AccountInfo>;
  /** True when this call switched the capability an error discovered off on the stored account; the user is told then. */
  switchOffDiscovered(id: string, error: unknown): Promise<boolean>;
  /** The user allowed the account's key to go to an upload site its host named. */
  allowSite(id: string, site: string): Promise<PublicAccount>;
  /** The key and login of an account (none when it is gone): what must be masked in what its host says. */
  secretsOf(id: string): Promise<string[]>;
  watch(cb: (accounts: Account[]) => void): () => void;
  /** Carries an older stored shape over (the background runs this at start). */
  migrate(): Promise<void>;
}

export function createAccounts({ store, settings, hasAccess, notify, hostDeps }: AccountServiceDeps): AccountService {
  const find = async (id: string) => (await store.get()).find((a) => a.id === id);
  const get = async (id: string): Promise<Account> => {
    const account = await find(id);
    if (account) return account;
    if ((await store.unreadable()).entries.some((e) => e.entryKey === id || e.id === id)) {
      throw new AppError('storage_unreadable', 'That account could not be read from storage. Open Options to see what is wrong with it.');
    }
    throw new AppError('not_found', 'That account no longer exists. Pick another one in Options.');
  };
  const ensureAccess = (account: Account) => ensureHostAccess(account, hasAccess);

  const service: AccountService = {
    all: () => store.get(),
    find,
    get,
    list: async () => (await store.get()).map(toPublicAccount),
    resolveInput: async (input) => resolveInput(input, input.id ? await find(input.id) : undefined),
    async save(account) {
      await store.update((all) => {
        const index = all.findIndex((a) => a.id === account.id);
        return index === -1 ? [...all, account] : all.map((a, i) => (i === index ? account : a));
      });
      return toPublicAccount(account);
    },
    async remove(id) {
      let removed = false;
      await store.update((all) => {
        removed = all.some((a) => a.id === id);
        return all.filter((a) => a.id !== id);
      });
      return removed;
    },
    async setEnabled(id, enabled) {
      let changed: Account | undefined;
      await store.update((all) =>
        all.map((a) => {
          if (a.id !== id) return a;
          changed = { ...a, enabled };
          return changed;
        }),
      );
      if (!changed) throw new AppError('not_found', 'That account no longer exists. Pick another one in Options.');
      return toPublicAccount(changed);
    },
    async edit(id, change) {
      await get(id);
      let changed: Account | undefined;
      await store.update((all) =>
        all.map((a) => {
          if (a.id !== id) return a;
          changed = change(a);
          return changed;
        }),
      );
      // Removed between the check and the write.
      if (!changed) throw new AppError('not_found', 'That account no longer exists. Pick another one in Options.');
      return changed;
    },
    async repairDefault() {
      const [accounts, unreadable] = await Promise.all([store.get(), store.unreadable()]);
      // Unreadable settings are not written over by a repair nobody asked for.
      if (await settings.problem()) return;
      await settings.update((s) => {
        const current = accounts.find((a) => a.id === s.defaultAccountId);
        if (current?.enabled) return s;
        // A default that could not be read stays the default once it is readable again.
        if (unreadable.entries.some((e) => e.id === s.defaultAccountId)) return s;
        return { ...s, defaultAccountId: accounts.find((a) => a.enabled)?.id };
      });
    },
    ensureAccess,
    async clientFor(id) {
      const account = await get(id);
      await ensureAccess(account);
      return service.clientOf(account);
    },
    clientOf: (account) => clientForAccount(account, (error) => service.switchOffDiscovered(account.id, error), hostDeps),
    testConnection: (account) => clientForAccount(account, async () => undefined, hostDeps, [account.key]).accountInfo(),
    switchOffDiscovered: (id, error) => switchOffDiscovered({ store, notify }, id, error),
    secretsOf: async (id) => {
      const account = await find(id).catch(() => undefined);
      return account ? secretsOf(account) : [];
    },
    async allowSite(id, site) {
      const allowed = siteOf(site);
      const changed = await service.edit(id, (account) => ({
        ...account,
        allowedUploadSites: [...new Set([...(account.allowedUploadSites ?? []), allowed])],
      }));
      return toPublicAccount(changed);
    },
    watch: (cb) => store.watch(cb),
    migrate: () => store.migrate(),
  };
  return service;
}

/** An account as pages see it: the key masked, and the host access it needs worked out here (the public suffix list stays in the background). */
export function toPublicAccount(account: Account): PublicAccount {
  return { ...publicFields(account), accessPatterns: accessPatternsOf(account) };
}

/** Fails with a clear error (and a way out) when the browser has not granted the host's origin. */
async function ensureHostAccess(account: Account, hasAccess: (origins: string[]) => Promise<boolean>): Promise<void> {
  const origins = accessPatternsOf(account);
  if (!(await hasAccess(origins))) {
    throw new AppError('permission', `VidRelay may not reach ${new URL(baseOf(account)).host} yet. Open Options and press "Grant access" for this account.`);
  }
}

/** Probe results for a custom host act as overrides; the user's own overrides win over both. */
export function effectiveOverrides(account: Account): Account['capabilityOverrides'] {
  if (!account.probedCapabilities) return account.capabilityOverrides;
  const probed = new Set(account.probedCapabilities);
  const fromProbe = Object.fromEntries(capabilityNames.map((c) => [c, probed.has(c)]));
  return { ...fromProbe, ...account.capabilityOverrides };
}

export function toHostAccount(account: Account): HostAccount {
  return {
    id: account.id,
    hostId: account.hostId,
    apiBase: account.apiBase,
    key: account.key,
    login: account.login,
    allowHttp: account.allowHttp,
    capabilityOverrides: effectiveOverrides(account),
    linkTemplates: account.linkTemplates,
  };
}

/** Every answer and error of this client is scrubbed of the account's key and login; a discovered missing capability goes to `onDiscovered`. */
function clientForAccount(
  account: Account,
  onDiscovered: (error: unknown) => Promise<unknown>,
  deps?: HostClientDeps,
  secrets = secretsOf(account),
): HostClient {
  // However the account got here, its key goes only to the origin it was entered for.
  if (account.key && !keyFits(account, account)) {
    throw new AppError('auth', `The API address of "${account.label}" changed since its key was entered. Enter the API key again in Options.`);
  }
  return discoveringClient(scrubbedClient(createHostClient(toHostAccount(account), deps), secrets), onDiscovered);
}

/** What must never leave the background in host text: the key and login as sent. */
function secretsOf(account: Pick<Account, 'key' | 'login'>): string[] {
  return [account.key, account.login ?? ''].filter(Boolean);
}
