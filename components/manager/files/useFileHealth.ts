import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HealthStatus } from '../../../lib/links/health';
import { send } from '../../../lib/messaging';

// Link-health marks for one account's files (from the last checks); refreshed after a check.

export function useFileHealth(accountId: string) {
  const [health, setHealth] = useState<Map<string, HealthStatus>>(new Map());
  const refresh = useCallback(async () => {
    try {
      const snapshot = await send('health.status', {});
      setHealth(new Map(snapshot.entries.filter((e) => e.accountId === accountId).map((e) => [e.code, e.status])));
    } catch {
      // Health marks are extras; the list works without them.
    }
  }, [accountId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { health, refresh };
}
