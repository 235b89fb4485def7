import { hostIds, type Account } from '../accounts';
import { rawItem, unreadableError, type StoredProblem } from './versioned-item';
import { readVersioned } from './versioned-record';
import { canonicalJson, defineEntryRecord, encodeEntries, type DecodedEntries, type UnreadableEntry } from './entry-record';
import {
  accountEntryVersion,
  entryOf,
  joinAccount,
  readAccountEntry,
  refNamed,
  sameSecret,
  secretOf,
  secretRecord,
  secretRecordSchema,
  secretRecordVersion,
  type AccountSecret,
  type HeldEntry,
} from './account-entry';
import { createSecretStore, type SecretStore } from './secret-store';

// Accounts, one raw entry each in `local:accountEntries` (entry-record.ts),
// their keys and logins in the secret store (IndexedDB, secret-store.ts), one
// record each, named by the entry's `secretRef`. The rest of the background
// sees whole accounts: this store joins the two on every read.
//
// Every write puts the secrets it changes into records of new refs, reads
// them back, and only then writes the entries that name them; records no
// entry names any more go last. A write cut off anywhere leaves the old
// entries with their old records, or the new entries with their new ones,
// never an entry whose key is gone. Entries of version 1 (the key inside)
// are carried over this way at start and by any write.
//
// The list of up to version 1 lived in `local:accounts` as one
// { version: 1, data: Account[] } value, where one bad element or a newer
// version made the whole list fall back to empty and the next save wrote over
// it. It is carried over element by element (unreadable ones verbatim) and
// removed only once the new record is written and read back. A new key, not a
// new version of the old one, so an older build never sees, and never
// overwrites, the new record.

export const accountEntriesKey = 'local:accountEntries' as const;
export const legacyAccountsKey = 'local:accounts' as const;

const knownHosts: readonly string[] = hostIds;

function explain(data: unknown, problem: StoredProblem): StoredProblem {
  const hostId = data && typeof data === 'object' ? (data as { hostId?: unknown }).hostId : undefined;
  if (problem.code === 'bad_shape' && typeof hostId === 'string' && !knownHosts.includes(hostId)) {
    return { code: 'unknown_host', hostId: hostId.replace(/[^\w.:-]/g, '').slice(0, 60) };
  }
  return problem;
}

const record = defineEntryRecord<HeldEntry>({
  key: accountEntriesKey,
  label: 'account',
  version: accountEntryVersion,
  // Entry versions and their steps are in account-entry.ts, each with a fixture in tests/fixtures/storage.
  read: readAccountEntry,
  idOf: (held) => held.entry.id,
  dataOf: (held) => held.entry,
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
  for (const [index, element] of (data as unknown[]).entries()) {
    const entry = { version: 1, data: element };
    const id = element && typeof element === 'object' ? (element as { id?: unknown }).id : undefined;
    if (usableKey(id) && !out.has(id)) {
      out.set(id, entry);
      continue;
    }
    if (usableKey(id) && canonicalJson(out.get(id)) === canonicalJson(entry)) continue;
    let key = `legacy-${index}`;
    while (out.has(key)) key += '-';
    out.set(key, entry);
  }
  return { raw: Object.fromEntries(out) };
}

/** Where a readable account's secret is: the record it names, if that was found, or the entry itself (version 1). */
interface HeldSecret {
  secret?: AccountSecret;
  /** The ref of the record the secret was read from; none for a version 1 entry or a record that is gone. */
  ref?: string;
}

interface State {
  decoded: DecodedEntries<HeldEntry>;
  /** The readable accounts, secrets joined in, in stored order. */
  accounts: Account[];
  secrets: Map<string, HeldSecret>;
  /** The old list still to be removed once `decoded.raw` is written. */
  pendingLegacy: boolean;
  legacyProblem?: StoredProblem;
}

/** The secret record behind a ref, checked: its secret, or why the account cannot be used. */
function readSecret(stored: unknown, accountId: string): { secret: AccountSecret } | { problem: StoredProblem } {
  const read = readVersioned(stored, { version: secretRecordVersion, schema: secretRecordSchema });
  if (!read.ok) {
    const { problem } = read;
    return { problem: problem.code === 'bad_shape' ? { ...problem, fields: problem.fields.map((f) => `secret.${f}`) } : problem };
  }
  if (read.value.accountId !== accountId) return { problem: { code: 'bad_shape', fields: ['secretRef'] } };
  return { secret: secretOf(read.value) ?? { key: '' } };
}

/** Joins each readable entry with its secret; an entry whose secret cannot be read is reported as unreadable, and kept. */
async function joinSecrets(decoded: DecodedEntries<HeldEntry>, secrets: SecretStore): Promise<Pick<State, 'decoded' | 'accounts' | 'secrets'>> {
  const refs = decoded.good.flatMap((held) => (held.from > 1 && held.entry.secretRef ? [held.entry.secretRef] : []));
  const found = refs.length ? await secrets.read(refs) : { records: new Map<string, unknown>() };
  const good: HeldEntry[] = [];
  const bad: UnreadableEntry[] = [...decoded.bad];
  const accounts: Account[] = [];
  const held = new Map<string, HeldSecret>();
  for (const entry of decoded.good) {
    const { id, secretRef } = entry.entry;
    let known: HeldSecret = {};
    if (entry.from === 1) known = { secret: entry.carried };
    else if (secretRef && 'problem' in found) {
      bad.push({ entryKey: id, id, problem: found.problem });
      continue;
    } else if (secretRef && 'records' in found && found.records.has(secretRef)) {
      const secret = readSecret(found.records.get(secretRef), id);
      if ('problem' in secret) {
        bad.push({ entryKey: id, id, problem: secret.problem });
        continue;
      }
      known = { secret: secret.secret, ref: secretRef };
    } else if (secretRef) {
      // The record is gone (the browser's site data cleared): the account reads without its key, and the user enters it again.
      console.warn('VidRelay: the key of a stored account is missing from the key store');
    }
    good.push(entry);
    held.set(id, known);
    accounts.push(joinAccount(entry.entry, known.secret));
  }
  // Unreadable entries in stored order, wherever their problem was found.
  const order = Object.keys(decoded.raw);
  bad.sort((a, b) => order.indexOf(a.entryKey) - order.indexOf(b.entryKey));
  return { decoded: { ...decoded, good, bad }, accounts, secrets: held };
}

export interface AccountStoreDeps {
  secrets: SecretStore;
}

/** The refs a record's raw entries name, and the account ids the secret store must keep for entries that cannot be read. */
function guarded(raw: Record<string, unknown>, bad: readonly UnreadableEntry[]): { refs: Set<string>; ids: Set<string> } {
  const refs = new Set(Object.values(raw).flatMap((entry) => refNamed(entry) ?? []));
  const ids = new Set(bad.flatMap((b) => [b.entryKey, ...(b.id ? [b.id] : [])]));
  return { refs, ids };
}

const newRef = () => `sec_${crypto.randomUUID()}`;

export function createAccountStore({ secrets }: AccountStoreDeps) {
  async function load(): Promise<State> {
    const [value, old] = await Promise.all([record.item.getValue(), legacy.getValue()]);
    let decoded = record.decode(value);
    let pendingLegacy = false;
    let legacyProblem: StoredProblem | undefined;
    if (old != null) {
      const carried = accountsListToEntries(old, decoded.recordProblem ? {} : decoded.raw);
      if ('problem' in carried) legacyProblem = carried.problem;
      else {
        decoded = { ...record.decode(encodeEntries(carried.raw)), recordProblem: decoded.recordProblem };
        pendingLegacy = !decoded.recordProblem;
      }
    }
    return { ...(await joinSecrets(decoded, secrets)), pendingLegacy, legacyProblem };
  }

  let chain: Promise<unknown> = Promise.resolve();
  function serial<R>(task: () => Promise<R>): Promise<R> {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  }

  /** Writes the raw entries; the old list goes only once every entry it held is back from storage as written. */
  async function writeEntries(raw: Record<string, unknown>, pendingLegacy: boolean): Promise<void> {
    await record.write(raw);
    if (!pendingLegacy) return;
    const back = record.decode(await record.item.getValue()).raw;
    const complete = Object.entries(raw).every(([k, v]) => Object.hasOwn(back, k) && canonicalJson(back[k]) === canonicalJson(v));
    if (complete) await legacy.removeValue();
  }

  /**
   * Removes the records no stored entry names: those of removed accounts, of
   * keys replaced, of writes cut off. A record this build cannot read, or one
   * of an account whose entry cannot be read, stays. After the entries are
   * written, so a failure here leaves a record too many, never one too few.
   */
  async function collect(raw: Record<string, unknown>, bad: readonly UnreadableEntry[]): Promise<void> {
    try {
      const all = await secrets.all();
      if ('problem' in all) return;
      const keep = guarded(raw, bad);
      const unnamed = [...all.records].filter(([ref, stored]) => {
        if (keep.refs.has(ref)) return false;
        const read = readVersioned(stored, { version: secretRecordVersion, schema: secretRecordSchema });
        return read.ok && !keep.ids.has(read.value.accountId);
      });
      await secrets.remove(unnamed.map(([ref]) => ref));
    } catch (error) {
      console.warn('VidRelay: removing keys no account uses any more failed; they go with the next change', error instanceof Error ? error.name : 'error');
    }
  }

  /** The entries and secret records for `next`: a secret unchanged keeps its record, a changed or carried one gets a new record. */
  function plan(state: State, next: readonly Account[]): { held: HeldEntry[]; records: Map<string, unknown> } {
    const records = new Map<string, unknown>();
    const held = next.map((account): HeldEntry => {
      const secret = secretOf(account);
      const now = state.secrets.get(account.id);
      let ref: string | undefined;
      if (secret && now?.ref && sameSecret(now.secret, secret)) ref = now.ref;
      else if (secret) {
        ref = newRef();
        records.set(ref, secretRecord(account.id, secret));
      }
      return { entry: entryOf(account, ref), from: accountEntryVersion };
    });
    return { held, records };
  }

  async function commit(state: State, next: readonly Account[]): Promise<void> {
    if (state.decoded.recordProblem) throw unreadableError('accounts');
    const { held, records } = plan(state, next);
    // Refused here (two accounts with one id, one over an unreadable entry) before anything is written.
    const raw = record.apply(state.decoded, held);
    await secrets.write(records);
    await writeEntries(raw, state.pendingLegacy);
    await collect(raw, state.decoded.bad);
  }

  const store = {
    /** The accounts that read, keys joined in; unreadable entries are left out (see unreadable()). */
    get: async (): Promise<Account[]> => (await load()).accounts,
    update: (fn: (all: Account[]) => Account[] | Promise<Account[]>): Promise<Account[]> =>
      serial(async () => {
        const state = await load();
        const next = await fn(state.accounts);
        await commit(state, next);
        return next;
      }),
    set: (accounts: Account[]) => store.update(() => accounts).then(() => undefined),
    watch(cb: (accounts: Account[]) => void): () => void {
      // Every change of a secret comes with a change of the entry that names it.
      const changed = () => void store.get().then(cb, () => undefined);
      const stops = [record.item.watch(changed), legacy.watch(changed)];
      return () => {
        for (const stop of stops) stop();
      };
    },
    /** Carries the old list and version 1 entries over, if there are any (the background runs this at start). */
    migrate: () =>
      serial(async () => {
        const state = await load();
        if (state.decoded.recordProblem) return;
        if (state.pendingLegacy || state.decoded.good.some((held) => held.from < accountEntryVersion)) await commit(state, state.accounts);
      }),
    unreadable: async (): Promise<StoredAccountsReport> => {
      const { decoded, legacyProblem } = await load();
      return { entries: decoded.bad, recordProblem: decoded.recordProblem, legacyProblem };
    },
    /**
     * The raw stored value behind an unreadable entry, or undefined when it
     * reads (or is gone); with the secret record it names, when there is one,
     * as { entry, secret }.
     */
    unreadableRaw: async (entryKey: string): Promise<unknown> => {
      const { decoded } = await load();
      if (!decoded.bad.some((b) => b.entryKey === entryKey)) return undefined;
      const raw = decoded.raw[entryKey];
      const ref = refNamed(raw);
      const found = ref ? await secrets.read([ref]) : undefined;
      const secret = ref && found && 'records' in found ? found.records.get(ref) : undefined;
      return secret === undefined ? raw : { entry: raw, secret };
    },
    /** Removes an unreadable entry and the secret record it names. */
    removeUnreadable: (entryKey: string): Promise<boolean> =>
      serial(async () => {
        const state = await load();
        if (state.decoded.recordProblem || !state.decoded.bad.some((b) => b.entryKey === entryKey)) return false;
        const ref = refNamed(state.decoded.raw[entryKey]);
        const raw = Object.fromEntries(Object.entries(state.decoded.raw).filter(([k]) => k !== entryKey));
        await writeEntries(raw, state.pendingLegacy);
        if (ref && !guarded(raw, []).refs.has(ref)) {
          await secrets.remove([ref]).catch(() => console.warn('VidRelay: the key of a removed entry stays in the key store until the next change'));
        }
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
  return store;
}

export interface StoredAccountsReport {
  entries: UnreadableEntry[];
  recordProblem?: StoredProblem;
  legacyProblem?: StoredProblem;
}

/** The extension's stored accounts: entries in storage.local, secrets in the extension's IndexedDB. */
export const accountsItem = createAccountStore({ secrets: createSecretStore() });
