import { HostError } from '../../../lib/errors';
import { accountSchema, type Account } from '../../../lib/accounts';
import { settingsSchema, type AccountStore, type Settings, type SettingsStore } from '../../../lib/storage/items';
import type { StoredProblem } from '../../../lib/storage/versioned-item';
import type { UnreadableEntry } from '../../../lib/storage/entry-record';
import type { StoredAccountsReport } from '../../../lib/storage/account-store';
import type { UnreadableReport } from '../../../lib/protocol/unreadable';
import type { Job } from '../../../lib/queue/model/job';
import { createJobStore } from '../../../lib/queue/store';
import { createHistory } from '../../../lib/queue/history';
import { createQueueRunner, type QueueRunnerDeps } from '../../../lib/queue/runner';
import type { UploadBridge } from '../../../lib/upload/background/bridge';
import { createRecentJobs } from '../../../lib/background/jobs/recent-copy';
import { createJobFeed } from '../../../lib/background/jobs/feed';
import { createBadge } from '../../../lib/background/jobs/badge';
import { createHealth, historyTargetsOf } from '../../../lib/background/health/checks';
import type { PickerEntries, PickerEntry } from '../../../lib/background/send-to-host/picker';
import { createAccounts } from '../../../lib/background/accounts/service';
import { createMenu, createStoredServices } from '../../../lib/background/root/build-context';
import type { BackgroundContext, UnreadableService } from '../../../lib/background/context/context';

// A background context built from in-memory fakes, for handler tests: the
// real services (accounts, settings file, runner, health) over stores held in
// memory, so a test seeds and inspects plain values instead of browser
// storage. What touches the outside stays real where a test wants it to: host
// clients talk to whatever apiBase an account names (the host simulator), and
// jobs live in the job store over the test's fresh IndexedDB (tests/unit/setup.ts).

/** Accounts held in memory, with the item's semantics: copies out, serialized updates, unreadable entries reported apart. */
export interface MemoryAccountStore extends AccountStore {
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
  };
  return store;
}

/** Settings held in memory; with `problem` set they "cannot be read": defaults come back and writes are refused, as the item does. */
export interface MemorySettingsStore extends SettingsStore {
  storedProblem: StoredProblem | undefined;
  peek(): Settings;
}

export function memorySettingsStore(initial: Partial<Settings> = {}): MemorySettingsStore {
  let value = settingsSchema.parse(initial);
  const refuse = () => new HostError('storage_unreadable', 'The stored settings could not be read (memory store).');
  const store: MemorySettingsStore = {
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
  };
  return store;
}

export function memoryPickerEntries(): PickerEntries & { entries: Map<string, PickerEntry> } {
  const entries = new Map<string, PickerEntry>();
  return {
    entries,
    load: async (id) => entries.get(id),
    remove: async (id) => entries.delete(id),
    restore: async (entry) => void entries.set(entry.id, entry),
  };
}

/** Reports set by the test; export hands back the ref, remove takes a report away. */
export function memoryUnreadable(reports: UnreadableReport[] = []): UnreadableService & { reports: UnreadableReport[] } {
  const gone = () => new HostError('not_found', 'That stored entry is no longer unreadable or no longer there.');
  const fake = {
    reports,
    list: async () => [...fake.reports],
    export: async (ref: string) => {
      if (!fake.reports.some((r) => r.ref === ref)) throw gone();
      return { fileName: `${ref}.json`, text: '{}', protection: 'redacted' as const, redacted: 0, marker: '[removed]' };
    },
    remove: async (ref: string) => {
      const before = fake.reports.length;
      fake.reports = fake.reports.filter((r) => r.ref !== ref);
      if (fake.reports.length === before) throw gone();
      return true;
    },
  };
  return fake;
}

/** An uploader bridge that uploads nothing: it counts prepares and the jobs handed to it. */
export function idleBridge(mode: UploadBridge['mode'] = 'offscreen'): UploadBridge & { prepared: number; handed: Job[] } {
  const bridge = {
    mode,
    prepared: 0,
    handed: [] as Job[],
    prepare: async () => void (bridge.prepared += 1),
    uploadFile: async (job: Job) => void bridge.handed.push(job),
    uploadAlive: async () => false,
    cancelUpload: () => undefined,
    handlers: {} as UploadBridge['handlers'],
  };
  return bridge;
}

/** No page connects to a unit test's job feed. */
const noPorts = { onConnect: { addListener: () => undefined } } as unknown as Parameters<typeof createJobFeed>[1];

export interface FakeContextOptions {
  accounts?: Account[];
  settings?: Partial<Settings>;
  /** Host access the browser "granted"; all by default. */
  hasAccess?(origins: string[]): Promise<boolean>;
  runner?: Partial<QueueRunnerDeps>;
}

export interface FakeContext extends BackgroundContext {
  stores: { accounts: MemoryAccountStore; settings: MemorySettingsStore };
  uploads: { bridge: ReturnType<typeof idleBridge> };
  unreadable: ReturnType<typeof memoryUnreadable>;
  pickerEntries: ReturnType<typeof memoryPickerEntries>;
  /** What the toolbar badge shows now. */
  badgeText(): string;
}

/** Built in the order createBackgroundContext uses; nothing here reads browser storage except link health's own results. */
export function fakeContext(options: FakeContextOptions = {}): FakeContext {
  const stores = { accounts: memoryAccountStore(options.accounts), settings: memorySettingsStore(options.settings) };
  const stored = createStoredServices(stores);
  // The same service createStoredServices builds, with the browser's host permissions faked.
  const accounts = createAccounts({ store: stores.accounts, settings: stores.settings, hasAccess: options.hasAccess ?? (async () => true) });
  const store = createJobStore();
  const feed = createJobFeed(store, noPorts);
  const jobs = { store, history: createHistory(store), feed, recent: createRecentJobs({ store, onStale: () => feed.refresh() }) };
  const bridge = idleBridge();
  const runner = createQueueRunner({
    store,
    clientFor: accounts.clientFor,
    hostIdOf: async (id) => (await accounts.find(id))?.hostId,
    now: () => Date.now(),
    schedulePoll: () => undefined,
    notify: () => undefined,
    uploadFile: bridge.uploadFile,
    uploadAlive: bridge.uploadAlive,
    cancelUpload: bridge.cancelUpload,
    ...options.runner,
  });
  let badge = '';
  const badgeOwner = createBadge({
    setBadgeText: async ({ text }) => void (badge = text),
    setBadgeBackgroundColor: async () => undefined,
    setTitle: async () => undefined,
  });
  const health = createHealth({
    clientFor: accounts.clientFor,
    historyTargets: async () => {
      const ready: Job[] = [];
      await store.each((job) => void ready.push(job), { state: 'ready' });
      return historyTargetsOf(ready);
    },
    showProblems: badgeOwner.setProblems,
  });
  return {
    ...stored,
    accounts,
    stores,
    unreadable: memoryUnreadable(),
    pickerEntries: memoryPickerEntries(),
    jobs,
    runner,
    uploads: { bridge },
    badge: badgeOwner,
    health,
    menu: createMenu(accounts, runner),
    badgeText: () => badge,
  };
}
