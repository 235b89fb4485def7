// Every host VidRelay knows, listed explicitly. Adding a host means adding a
// preset file and a line here: host ids, the accounts schema, host-sim's
// profiles and the demo seed all follow from this list.
import type { PresetEntry } from './presets/define';
import { mediaCm } from './presets/media-cm';
import { vipstreamCc } from './presets/vipstream-cc';
import { mp4uploadCom } from './presets/mp4upload-com';
import { watchingVn } from './presets/watching-vn';
import { megamaxMe } from './presets/megamax-me';
import { customXfs } from './presets/xfs';
import { doodstreamCom } from './presets/doodstream-com';
import { filemoonSx } from './presets/filemoon-sx';
import { streamwishCom } from './presets/streamwish-com';
import { upstreamTo } from './presets/upstream-to';
import { lulustreamCom } from './presets/lulustream-com';
import { voeSx } from './presets/voe-sx';
import { streamsbCom } from './presets/streamsb-com';
import { viddlyStream } from './presets/viddly-stream';

/** What the rest of the code reads from a list of entries (tests build one with an extra preset). */
export function registryOf<const E extends readonly PresetEntry<string>[]>(entries: E) {
  type Id = E[number]['preset']['id'];
  return {
    registry: entries,
    /** The ids in registry order, as the tuple zod's enum wants. */
    registeredHostIds: entries.map((entry) => entry.preset.id) as unknown as readonly [Id, ...Id[]],
    findEntry: (id: string): PresetEntry<Id> | undefined =>
      (entries as readonly PresetEntry<Id>[]).find((entry) => entry.preset.id === id),
  };
}

export const { registry, registeredHostIds, findEntry } = registryOf([
  mediaCm,
  vipstreamCc,
  mp4uploadCom,
  watchingVn,
  megamaxMe,
  doodstreamCom,
  filemoonSx,
  streamwishCom,
  upstreamTo,
  lulustreamCom,
  voeSx,
  streamsbCom,
  viddlyStream,
  customXfs,
]);

export type RegisteredHostId = (typeof registry)[number]['preset']['id'];
