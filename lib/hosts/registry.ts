// Every host VidRelay knows, listed explicitly. Adding a host means adding a
// preset file and a line here.
import type { HostId } from './types';
import type { PresetEntry } from './presets/define';
import { mediaCm } from './presets/media-cm';
import { vipstreamCc } from './presets/vipstream-cc';
import { mp4uploadCom } from './presets/mp4upload-com';
import { watchingVn } from './presets/watching-vn';
import { megamaxMe } from './presets/megamax-me';
import { customXfs } from './presets/xfs';

export const registry: readonly PresetEntry[] = [mediaCm, vipstreamCc, mp4uploadCom, watchingVn, megamaxMe, customXfs];

export function findEntry(id: HostId | string): PresetEntry | undefined {
  return registry.find((entry) => entry.preset.id === id);
}
