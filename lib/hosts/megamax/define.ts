// Builds a megamax-family host's registry entry. The family has no dialect
// to vary: its preset file (lib/hosts/presets/) lists the capabilities the
// host documents, and login plus key travel on every call.
import type { PresetConfig, PresetEntry } from '../preset-entry';
import type { Capability, FileChanges, FolderChanges, HostPreset } from '../types';
import { megamaxMethods } from './client';

export interface MegamaxPresetEntry<Id extends string = string> extends PresetEntry<Id> {
  family: 'megamax';
}

/** The methods megamaxMethods (client.ts) implements. */
const switchable: ReadonlySet<Capability> = new Set<Capability>(['accountInfo', 'upload', 'fileInfo', 'listFiles', 'directLinks', 'mirrors']);

export function megamaxPreset<const Id extends string>(config: PresetConfig<Id>, capabilities: Capability[]): MegamaxPresetEntry<Id> {
  const preset: HostPreset<Id> = {
    ...config,
    family: 'megamax',
    capabilities: new Set(capabilities),
    switchable,
    needsLogin: true,
    editFields: [] as readonly (keyof FileChanges)[],
    folderEditFields: [] as readonly (keyof FolderChanges)[],
    cloneToFolder: false,
    customSnapshot: false,
  };
  return { family: 'megamax', preset: Object.freeze(preset), methods: (input) => megamaxMethods(input) };
}
