// Builds a Streamtape-family host's registry entry (Streamtape, and hosts
// serving its API word for word, such as Nupload). Its preset file lists the
// capabilities the host's document shows, from those the client implements.
import type { PresetConfig, PresetEntry } from '../preset-entry';
import type { Capability, HostPreset } from '../types';
import { streamtapeMethods } from './client';
import { streamtapeEndpoints, type StreamtapeCapability } from './endpoints';

export type { StreamtapeCapability } from './endpoints';

/** What streamtapeMethods (client.ts) implements: a method per endpoint. */
export const streamtapeImplements = Object.keys(streamtapeEndpoints) as StreamtapeCapability[];

export interface StreamtapePresetEntry<Id extends string = string> extends PresetEntry<Id> {
  family: 'streamtape';
}

/** A preset as its file writes it: links and the adult flag as Streamtape has them unless the host differs. */
export type StreamtapePresetConfig<Id extends string> = Omit<PresetConfig<Id>, 'links' | 'adultFlag'> & Partial<Pick<PresetConfig<Id>, 'links' | 'adultFlag'>>;

/** Streamtape's own links (/v/ to watch, /e/ to embed), on the API's site: the API is on an `api.` label of it. */
const streamtapeLinks = Object.freeze({ watch: '{site}/v/{code}', embed: '{site}/e/{code}' });

export function streamtapePreset<const Id extends string>(
  config: StreamtapePresetConfig<Id>,
  capabilities: readonly StreamtapeCapability[],
): StreamtapePresetEntry<Id> {
  const preset: HostPreset<Id> = {
    links: streamtapeLinks,
    adultFlag: false,
    ...config,
    family: 'streamtape',
    capabilities: new Set<Capability>(capabilities),
    switchable: new Set<Capability>(streamtapeImplements),
    needsLogin: true,
    // file/rename renames (the title is the file name); file/renamefolder takes a name only.
    editFields: ['title'],
    folderEditFields: ['name'],
    cloneToFolder: false,
    customSnapshot: false,
  };
  return { family: 'streamtape', preset: Object.freeze(preset), methods: (input) => streamtapeMethods(input) };
}
