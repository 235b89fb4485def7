import { accountSchema, hostIds, type Account } from '../accounts';
import { rawItem, type StoredProblem } from './versioned-item';
import { canonicalJson, defineEntryRecord, encodeEntries, type DecodedEntries, type UnreadableEntry } from './entry-record';

// Accounts, one raw entry each in `local:accountEntries` (see persist-entries).
// The list of up to version 1 lived in `local:accounts` as one
// { version: 1, data: Account[] } value, where one bad element or a newer
// version made the whole list fall back to empty and the next save wrote over
// it. It is carried over element by element (unreadable ones verbatim) and
// removed only once the new record is written and read back. A new key, not a
// new version of the old one, so an older build never sees, and never
// overwrites, the new record.

export const accountEntriesKey = 'local:accountEntries' as const;
export const legacyAccountsKey = 'local:accounts' as const;
/** Entry version 1 is the account shape the list of version 1 held. */
export const accountEntryVersion = 1;

const knownHosts: readonly string[] = hostIds;

function explain(data: unknown, problem: StoredProblem): StoredProblem {
  const hostId = data && typeof data === 'object' ? (data as { hostId?: unknown }).hostId : undefined;
  if (problem.code === 'bad_shape' && typeof hostId === 'string' && !knownHosts.includes(hostId)) {
    return { code: 'unknown_host', hostId: hostId.replace(/[^\w.:-]/g, '').slice(0, 60) };
  }
  return problem;
}

const record = defineEntryRecord({
  key: accountEntriesKey,
  label: 'account',
  version: accountEntryVersion,
  schema: accountSchema,
  // Entry migrations go here, one step per version, each with a fixture in tests/fixtures/storage.
  migrations: {},
  idOf: (a: Account) => a.id,
  explain,
});
const legacy = rawItem(legacyAccountsKey);

// Any id an account may have (imports keep theirs), short enough for a ref the UI sends back.
const usableKey = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 180 && id !== '__proto__';

/**
 * Migration step: the list of version 1 into raw entries, added to `current`.
 * An element whose id is already stored with the same content was carried
 * over before (a migration cut off before the old list was removed).
 */
export function accountsListToEntries(value: unknown, current: Record<string, unknown>): { raw: Record<string, unknown> } | { problem: StoredProblem } {
  const version = value && typeof value === 'object' ? (value as { version?: unknown }).version : undefined;
  const data = value && typeof value === 'object' ? (value as { data?: unknown }).data : undefined;
  if (typeof version === 'number' && version > 1) return { problem: { code: 'newer_version', version, known: 1 } };
  if (version !== 1) return { problem: { code: 'not_record' } };
  if (!Array.isArray(data)) return { problem: { code: 'bad_shape', fields: ['(whole value)'] } };
  const out = new Map(Object.entries(current));
  data.forEach((element: unknown, index) => {
    const entry = { version: 1, data: element };
    const id = element && typeof element === 'object' ? (element as { id?: unknown }).id : undefined;
    if (usableKey(id) && !out.has(id)) return void out.set(id, entry);
    if (usableKey(id) && canonicalJson(out.get(id)) === canonicalJson(entry)) return;
    let key = `legacy-${index}`;
    while (out.has(key)) key += '-';
    out.set(key, entry);
  });
  return { raw: Object.fromEntries(out) };
}

interface State {
  decoded: DecodedEntries<Account>;
  /** The old list still to be removed once `decoded.raw` is written. */
  pendingLegacy: boolean;
  legacyProblem?: StoredProblem;
}

async function load(): Promise<State> {
  const [value, old] = await Promise.all([record.item.getValue(), legacy.getValue()]);
  const decoded = record.decode(value);
  if (old == null) return { decoded, pendingLegacy: false };
  const carried = accountsListToEntries(old, decoded.recordProblem ? {} : decoded.raw);
  if ('problem' in carried) return { decoded, pendingLegacy: false, legacyProblem: carried.problem };
  const merged = record.decode(encodeEntries(carried.raw));
  return { decoded: { ...merged, recordProblem: decoded.recordProblem }, pendingLegacy: !decoded.recordProblem };
}

let chain: Promise<unknown> = Promise.resolve();
function serial<R>(task: () => Promise<R>): Promise<R> {
  const next = chain.then(task);
  chain = next.catch(() => undefined);
  return next;
}

async function commit(raw: Record<string, unknown>, pendingLegacy: boolean): Promise<void> {
  await record.write(raw);
  if (!pendingLegacy) return;
  // The old list goes only once every entry it held is back from storage as written.
  const back = record.decode(await record.item.getValue()).raw;
  const complete = Object.entries(raw).every(([k, v]) => Object.hasOwn(back, k) && canonicalJson(back[k]) === canonicalJson(v));
  if (complete) await legacy.removeValue();
}

export interface StoredAccountsReport {
  entries: UnreadableEntry[];
  recordProblem?: StoredProblem;
  legacyProblem?: StoredProblem;
}

export const accountsItem = {
  /** The accounts that read; unreadable entries are left out (see unreadable()). */
  get: async (): Promise<Account[]> => (await load()).decoded.good,
  update: (fn: (all: Account[]) => Account[] | Promise<Account[]>): Promise<Account[]> =>
    serial(async () => {
      const state = await load();
      const next = await fn(state.decoded.good);
      await commit(record.apply(state.decoded, next), state.pendingLegacy);
      return next;
    }),
  set: (accounts: Account[]) => accountsItem.update(() => accounts).then(() => undefined),
  watch(cb: (accounts: Account[]) => void): () => void {
    const changed = () => void accountsItem.get().then(cb);
    const stops = [record.item.watch(changed), legacy.watch(changed)];
    return () => stops.forEach((stop) => stop());
  },
  /** Carries the old list over, if there is one (the background runs this at start). */
  migrate: () =>
    serial(async () => {
      const state = await load();
      if (state.pendingLegacy) await commit(state.decoded.raw, true);
    }),
  unreadable: async (): Promise<StoredAccountsReport> => {
    const { decoded, legacyProblem } = await load();
    return { entries: decoded.bad, recordProblem: decoded.recordProblem, legacyProblem };
  },
  /** The raw stored value behind an unreadable entry, or undefined when it reads (or is gone). */
  unreadableRaw: async (entryKey: string): Promise<unknown> => {
    const { decoded } = await load();
    return decoded.bad.some((b) => b.entryKey === entryKey) ? decoded.raw[entryKey] : undefined;
  },
  removeUnreadable: (entryKey: string): Promise<boolean> =>
    serial(async () => {
      const state = await load();
      if (state.decoded.recordProblem || !state.decoded.bad.some((b) => b.entryKey === entryKey)) return false;
      const raw = Object.fromEntries(Object.entries(state.decoded.raw).filter(([k]) => k !== entryKey));
      await commit(raw, state.pendingLegacy);
      return true;
    }),
  /** The whole record or the old list, removed only while it cannot be read. */
  removeUnreadableRecord: (which: 'record' | 'legacy'): Promise<boolean> =>
    serial(async () => {
      const state = await load();
      const target = which === 'record' ? (state.decoded.recordProblem ? record.item : undefined) : state.legacyProblem ? legacy : undefined;
      if (!target) return false;
      await target.removeValue();
      return true;
    }),
  rawRecord: (which: 'record' | 'legacy'): Promise<unknown> => (which === 'record' ? record.item.getValue() : legacy.getValue()),
};
