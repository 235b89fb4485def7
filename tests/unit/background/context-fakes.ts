import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../../../lib/errors';
import { accountSchema, type Account } from '../../../lib/accounts';
import { settingsSchema, type AccountsItem, type Settings, type SettingsItem } from '../../../lib/storage/items';
import type { StoredProblem } from '../../../lib/storage/versioned-item';
import type { UnreadableEntry } from '../../../lib/storage/entry-record';
import type { StoredAccountsReport } from '../../../lib/storage/account-store';
import type { Job } from '../../../lib/queue/model/job';
import type { UploadBridge } from '../../../lib/upload/background/bridge';
import { notify } from '../../../lib/background/notices/notify';
import { storedItems, type StoredItems } from '../../../lib/background/stored/registry';
import { createBackgroundContext, type BackgroundPorts } from '../../../lib/background/root/build-context';
import type { BackgroundContext } from '../../../lib/background/context/context';

// A background context for handler tests, built by the factory the extension
// uses (createBackgroundContext) from fakes: accounts and settings held in
// memory, so a test seeds and inspects plain values instead of browser
// storage, and the fake browser's APIs. What touches the outside stays real
// where a test wants it to: host clients talk to whatever apiBase an account
// names (the host simulator), jobs live in the job store over the test's fresh
// IndexedDB (tests/unit/setup.ts), and link health, the copy of the newest
// jobs and picker lists are the extension's own items over the fake browser's
// storage and that IndexedDB.

/** Accounts held in memory, with the item's semantics: copies out, serialized updates, unreadable entries reported apart. */
export interface MemoryAccountStore extends AccountsItem {
  /** Entries that "could not be read": reported by unreadable(), never returned by get(). */
  unreadableEntries: UnreadableEntry[];
  recordProblem?: StoredProblem;
  /** The stored accounts as they are now (a copy). */
  peek(): Account[];
}

export function memoryAccountStore(initial: Account[] = []): MemoryAccountStore {
  let accounts = structuredClone(initial);
  const listeners = new Set<(all: Account[]) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  const unreadable = (entryKey: string) => store.unreadableEntries.find((e) => e.entryKey === entryKey);
  const store: MemoryAccountStore = {
    unreadableEntries: [],
    peek: () => structuredClone(accounts),
    get: async () => structuredClone(accounts),
    update: (fn) => {
      const next = chain.then(async () => {
        const changed = await fn(structuredClone(accounts));
        // The real item validates every entry it writes.
        accounts = changed.map((a) => accountSchema.parse(structuredClone(a)));
        for (const cb of listeners) cb(structuredClone(accounts));
        return structuredClone(accounts);
      });
      chain = next.catch(() => undefined);
      return next;
    },
    watch: (cb) => {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    migrate: async () => undefined,
    unreadable: async (): Promise<StoredAccountsReport> => ({ entries: [...store.unreadableEntries], recordProblem: store.recordProblem }),
    // An entry that "could not be read" is held as its report alone: that stands in for its stored value.
    unreadableRaw: async (entryKey) => structuredClone(unreadable(entryKey)),
    removeUnreadable: async (entryKey) => {
      if (!unreadable(entryKey)) return false;
      store.unreadableEntries = store.unreadableEntries.filter((e) => e.entryKey !== entryKey);
      return true;
    },
    removeUnreadableRecord: async (which) => {
      if (which !== 'record' || !store.recordProblem) return false;
      store.recordProblem = undefined;
      return true;
    },
    rawRecord: async () => undefined,
  };
  return store;
}

/** Settings held in memory; with `problem` set they "cannot be read": defaults come back and writes are refused, as the item does. */
export interface MemorySettingsStore extends SettingsItem {
  storedProblem: StoredProblem | undefined;
  peek(): Settings;
}

export function memorySettingsStore(initial: Partial<Settings> = {}): MemorySettingsStore {
  let value = settingsSchema.parse(initial);
  const refuse = () => new AppError('storage_unreadable', 'The stored settings could not be read (memory store).');
  const store: MemorySettingsStore = {
    key: 'local:settings',
    storedProblem: undefined,
    peek: () => structuredClone(value),
    get: async () => (store.storedProblem ? settingsSchema.parse({}) : structuredClone(value)),
    update: async (fn) => {
      if (store.storedProblem) throw refuse();
      value = settingsSchema.parse(await fn(structuredClone(value)));
      return structuredClone(value);
    },
    problem: async () => store.storedProblem,
    assertWritable: async () => {
      if (store.storedProblem) throw refuse();
    },
    raw: async () => ({ version: 1, data: structuredClone(value) }),
    removeUnreadable: async () => {
      if (!store.storedProblem) return false;
      store.storedProblem = undefined;
      value = settingsSchema.parse({});
      return true;
    },
  };
  return store;
}

/** An uploader bridge that uploads nothing: it counts prepares and the jobs handed to it. */
function idleBridge(mode: UploadBridge['mode'] = 'offscreen'): UploadBridge & { prepared: number; handed: Job[] } {
  const bridge = {
    mode,
    prepared: 0,
    handed: [] as Job[],
    prepare: async () => {
      bridge.prepared += 1;
    },
    uploadFile: async (job: Job) => void bridge.handed.push(job),
    uploadAlive: async () => false,
    cancelUpload: () => undefined,
    handlers: {} as UploadBridge['handlers'],
  };
  return bridge;
}

/** No page connects to a unit test's job feed. */
const noPorts = { onConnect: { addListener: () => undefined } } as unknown as BackgroundPorts['runtime'];

export interface FakePortOptions {
  /** Host access the browser "granted"; all by default. */
  hasAccess?(origins: string[]): Promise<boolean>;
  bridge?: UploadBridge;
}

/** The browser as createBackgroundContext sees it: the fake browser's alarms, badge and notifications; no page connects, no tab holds a video, no window opens. */
export function fakePorts(options: FakePortOptions = {}): BackgroundPorts {
  const bridge = options.bridge ?? idleBridge();
  return {
    alarms: fakeBrowser.alarms,
    action: fakeBrowser.action,
    runtime: noPorts,
    notify,
    hasAccess: options.hasAccess ?? (async () => true),
    uploads: () => ({ bridge }),
    findInTab: async () => [],
    openPickerWindow: async () => undefined,
  };
}

export interface FakeContextOptions {
  accounts?: Account[];
  settings?: Partial<Settings>;
  hasAccess?: FakePortOptions['hasAccess'];
}

export interface FakeContext extends BackgroundContext {
  stores: { accounts: MemoryAccountStore; settings: MemorySettingsStore };
  uploads: { bridge: ReturnType<typeof idleBridge> };
  /** What the toolbar badge shows now. */
  badgeText(): Promise<string>;
}

export function fakeContext(options: FakeContextOptions = {}): FakeContext {
  const stores = { accounts: memoryAccountStore(options.accounts), settings: memorySettingsStore(options.settings) };
  const stored: StoredItems = { ...storedItems, ...stores };
  const bridge = idleBridge();
  const ctx = createBackgroundContext({ stored, ports: fakePorts({ hasAccess: options.hasAccess, bridge }), pollAlarm: 'queue-poll' });
  return { ...ctx, stores, uploads: { bridge }, badgeText: () => fakeBrowser.action.getBadgeText({}) };
}
