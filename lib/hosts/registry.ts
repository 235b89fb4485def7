// Every host VidRelay knows, listed explicitly. Adding a host means adding a
// preset file and a line here: the accounts schema, host-sim's profiles and
// the demo seed all follow from this list. Its id also goes into
// host-ids.ts, for the types; the check at the end of this file says so.
import type { HostId } from './host-ids';
import type { PresetEntry } from './preset-entry';
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
import { vidguardTo } from './presets/vidguard-to';
import { streamhubTo } from './presets/streamhub-to';
import { streamrubyCom } from './presets/streamruby-com';
import { uploadingVn } from './presets/uploading-vn';
import { upboltTo } from './presets/upbolt-to';
import { videovardSx } from './presets/videovard-sx';
import { vinovoSi } from './presets/vinovo-si';
import { streamtapeCom } from './presets/streamtape-com';
import { nuploadMe } from './presets/nupload-me';
import { mixdropAg } from './presets/mixdrop-ag';
import { customStreamtape } from './presets/streamtape';

/** What the rest of the code reads from a list of entries (tests build one with an extra preset). */
export function registryOf<const E extends readonly PresetEntry<string>[]>(entries: E) {
  type Id = E[number]['preset']['id'];
  return {
    registry: entries,
    /** The ids in registry order, as the tuple zod's enum wants. */
    registeredHostIds: entries.map((entry) => entry.preset.id) as unknown as readonly [Id, ...Id[]],
    /** The entry as its family built it, so `family === 'xfs'` tells the XFS dialect. */
    findEntry: (id: string): E[number] | undefined => (entries as readonly E[number][]).find((entry) => entry.preset.id === id),
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
  vidguardTo,
  streamhubTo,
  streamrubyCom,
  uploadingVn,
  upboltTo,
  videovardSx,
  vinovoSi,
  streamtapeCom,
  nuploadMe,
  mixdropAg,
  customStreamtape,
  customXfs,
]);

export type RegistryEntry = (typeof registry)[number];

type RegisteredHostId = RegistryEntry['preset']['id'];
/** Compiles only while host-ids.ts lists exactly the ids above; otherwise the error names the odd ones. */
type IdsAgree<T extends { unlisted: never; unregistered: never }> = T;
// biome-ignore lint/correctness/noUnusedVariables: never used on purpose, a type that compiles only while the two id lists agree.
type HostIdsAgree = IdsAgree<{ unlisted: Exclude<RegisteredHostId, HostId>; unregistered: Exclude<HostId, RegisteredHostId> }>;
