// Builds a Mixdrop-family host's registry entry. Its preset file lists the
// capabilities the host's document shows, from those the client implements.
// The account's login carries the API e-mail, so accounts, jobs and links
// work as for any host that needs a login.
import type { PresetConfig, PresetEntry } from '../preset-entry';
import type { Capability, HostPreset } from '../types';
import { mixdropMethods } from './client';

/** What mixdropMethods (client.ts) implements. */
const mixdropImplements = ['accountInfo', 'upload', 'remoteUpload', 'remoteUploadStatus', 'fileInfo'] as const satisfies readonly Capability[];

export type MixdropCapability = (typeof mixdropImplements)[number];

export interface MixdropPresetEntry<Id extends string = string> extends PresetEntry<Id> {
  family: 'mixdrop';
}

export function mixdropPreset<const Id extends string>(config: PresetConfig<Id>, capabilities: readonly MixdropCapability[]): MixdropPresetEntry<Id> {
  const preset: HostPreset<Id> = {
    ...config,
    family: 'mixdrop',
    capabilities: new Set<Capability>(capabilities),
    switchable: new Set<Capability>(mixdropImplements),
    needsLogin: true,
    loginKind: 'email',
    editFields: [],
    folderEditFields: [],
    cloneToFolder: false,
    customSnapshot: false,
  };
  return { family: 'mixdrop', preset: Object.freeze(preset), methods: (input) => mixdropMethods(input) };
}
