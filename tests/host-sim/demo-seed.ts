// Demo data: one account per preset with a few folders and files, so the
// extension has something to show the moment it points at the simulator.
import { getPreset } from '../../lib/hosts';
import { registeredHostIds } from '../../lib/hosts/registry';
import type { HostId } from '../../lib/hosts/types';
import type { HostSim } from './types';

export interface DemoAccount {
  hostId: HostId;
  apiBase: string;
  key: string;
  login: string;
}

const presets: readonly HostId[] = registeredHostIds;

const titles = ['Big Buck Bunny', 'Sintel trailer', 'Tears of Steel', 'Elephants Dream'];

export function seedDemo(sim: HostSim): DemoAccount[] {
  return presets.map((hostId) => {
    const key = `demo-key-${hostId}`;
    const account = sim.addAccount({ hostId, key, login: getPreset(hostId)?.needsLogin ? 'demo@vidrelay.test' : 'demo' });
    const movies = sim.addFolder(hostId, key, 'Movies');
    const trailers = sim.addFolder(hostId, key, 'Trailers', movies.id);
    titles.forEach((title, i) => {
      sim.addFile(hostId, key, {
        title,
        size: (i + 1) * 7_340_032,
        views: i * 17,
        folderId: i === 0 ? '0' : i === 1 ? trailers.id : movies.id,
        tags: 'demo',
      });
    });
    return { hostId, apiBase: sim.apiBase(hostId), key, login: account.login };
  });
}
