import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging';

// History offers "Restart/Remove on the host" only where the account's host
// has remote-upload actions: elsewhere the background can only refuse. Each
// account's host is asked once, and only for accounts that have a stuck job.

/** Of the given accounts, those whose host lets VidRelay restart or remove its remote uploads (none until known). */
export function useHostActionAccounts(accountIds: readonly string[]): ReadonlySet<string> {
  const [known, setKnown] = useState<ReadonlyMap<string, boolean>>(new Map());
  const key = [...new Set(accountIds)].sort().join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `known` is read, not watched: an answer arriving must not ask again.
  useEffect(() => {
    const ask = key ? key.split('\n').filter((id) => !known.has(id)) : [];
    if (!ask.length) return;
    let live = true;
    const answers = ask.map((accountId) =>
      send('account.capabilities', { accountId }).then(
        (caps) => [accountId, caps.capabilities.includes('remoteUploadAction')] as const,
        // An account that cannot say (removed, no access yet) offers nothing it cannot do.
        () => [accountId, false] as const,
      ),
    );
    void Promise.all(answers).then((list) => {
      if (live) setKnown((map) => new Map([...map, ...list]));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return new Set([...known].filter(([, can]) => can).map(([id]) => id));
}
