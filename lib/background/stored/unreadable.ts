import { AppError } from '../../errors';
import type { UnreadableExport, UnreadableReport } from '../../protocol/unreadable';
import { unreadableSources, type StoredItems } from './registry';
import { protectedFile } from './unreadable-export';

// Every stored record or entry that could not be read, found by walking the
// registry of stored items (registry.ts), by a ref the UI sends back to export
// or remove it. Export and remove act only while the entry is still
// unreadable, so a ref can never reach an account that reads.

const gone = () => new AppError('not_found', 'That stored entry is no longer unreadable or no longer there. Reload Options.');

/** Stored entries that could not be read, by the ref the Options page sends back. */
export interface UnreadableService {
  list(): Promise<UnreadableReport[]>;
  /**
   * The raw entry as a JSON file's text: encrypted with the passphrase, or
   * without one, with its secrets (API key...) replaced by a marker.
   */
  export(ref: string, passphrase?: string): Promise<UnreadableExport>;
  remove(ref: string): Promise<boolean>;
}

export function createUnreadable(items: StoredItems): UnreadableService {
  const sources = unreadableSources(items);
  const sourceOf = (ref: string) => sources.find((source) => source.owns(ref));

  const list = async () => {
    const out: UnreadableReport[] = [];
    for (const source of sources) out.push(...(await source.list()));
    return out;
  };

  return {
    list,
    export: async (ref, passphrase) => {
      const found = (await list()).find((r) => r.ref === ref);
      const source = sourceOf(ref);
      if (!found || !source) throw gone();
      const { storageKey, entryKey, value } = await source.read(ref);
      const header = { vidrelayUnreadable: 1 as const, kind: found.kind, storageKey, entryKey, problem: found.message, exportedAt: new Date().toISOString() };
      const { file, ...protection } = await protectedFile(header, value, passphrase);
      const name = `${found.kind}-${found.id ?? entryKey ?? ref}`.replace(/[^\w.-]+/g, '_').slice(0, 80);
      const suffix = protection.protection === 'encrypted' ? '-encrypted' : '';
      return { fileName: `vidrelay-unreadable-${name}${suffix}.json`, text: `${JSON.stringify(file, null, 2)}\n`, ...protection };
    },
    remove: async (ref) => {
      const source = sourceOf(ref);
      if (!source || !(await source.remove(ref))) throw gone();
      return true;
    },
  };
}
