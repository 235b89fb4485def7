import type { HostSim } from '../../../host-sim';
import type { Ui } from '../driver/driver';

// What the screenshots show, seeded the same in every browser through the
// extension's own messages from one of its pages: two media.cm accounts (the
// second disabled) and two URLs sent from the first.

export interface Showcase {
  /** The main account's key (the host simulator knows it). */
  key: string;
  otherKey: string;
  /** The main account's upload defaults. */
  defaults: Record<string, unknown>;
}

export async function seedShowcase(ui: Ui, sim: HostSim, showcase: Showcase): Promise<void> {
  const send = (type: string, payload: unknown) =>
    ui.evaluate(
      ([t, p]) => {
        // Chromium has only chrome.*; Firefox's promise API is browser.*.
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.runtime.sendMessage({ vidrelay: 1, type: t, payload: p });
      },
      [type, payload] as const,
    );
  const base = { hostId: 'media.cm', apiBase: sim.apiBase('media.cm'), enabled: true, allowHttp: false };
  const main = (await send('accounts.save', { account: { ...base, label: 'Media main', key: showcase.key, defaults: showcase.defaults } })) as {
    data: { id: string };
  };
  await send('accounts.save', { account: { ...base, label: 'Media backup', key: showcase.otherKey, enabled: false, defaults: {} } });
  await send('remote.send', { accountId: main.data.id, urls: [sim.videoUrl('holiday-clip', 8192), sim.videoUrl('concert', 4096)] });
  // Let the sends reach the host, so the lists show their states.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
