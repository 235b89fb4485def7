// Builds a VidGuard-family host's registry entry. Like megamax, the family
// has no dialect to vary: its preset file (lib/hosts/presets/) lists the
// capabilities the host's document shows, and the key travels on every call.
import type { PresetConfig, PresetEntry } from '../preset-entry';
import type { Capability, FileChanges, FolderChanges, HostPreset } from '../types';
import { vidguardMethods } from './client';

export interface VidguardPresetEntry<Id extends string = string> extends PresetEntry<Id> {
  family: 'vidguard';
}

/** What the VidGuard client implements: all a user may switch on. */
const switchable: ReadonlySet<Capability> = new Set<Capability>(['accountInfo', 'dmcaFiles', 'upload']);

export function vidguardPreset<const Id extends string>(config: PresetConfig<Id>, capabilities: Capability[]): VidguardPresetEntry<Id> {
  const preset: HostPreset<Id> = {
    ...config,
    family: 'vidguard',
    capabilities: new Set(capabilities),
    switchable,
    needsLogin: false,
    editFields: [] as readonly (keyof FileChanges)[],
    folderEditFields: [] as readonly (keyof FolderChanges)[],
    cloneToFolder: false,
    // The upload form takes key, folder and file only.
    customSnapshot: false,
  };
  return { family: 'vidguard', preset: Object.freeze(preset), methods: (input) => vidguardMethods(input) };
}
