// Builds an XFS host's registry entry from its preset config and dialect
// overrides, so its capabilities always follow from the endpoints the host
// documents. Each XFS preset file (lib/hosts/presets/) calls xfsPreset.
import type { PresetConfig, PresetEntry } from '../preset-entry';
import { capabilityNames, type Capability, type HostPreset } from '../types';
import { xfsMethods } from './client';
import { defineXfsDialect, standardXfsEndpoints, xfsCapabilities, type XfsCapability, type XfsDialect, type XfsDialectOverrides } from './dialect';

export interface XfsPresetEntry<Id extends string = string> extends PresetEntry<Id> {
  family: 'xfs';
  dialect: XfsDialect;
}

/** The XFS client has a method for every capability but mirrors. */
const switchable: ReadonlySet<Capability> = new Set(capabilityNames.filter((name) => name !== 'mirrors'));

export function xfsPreset<const Id extends string>(config: PresetConfig<Id>, overrides: XfsDialectOverrides): XfsPresetEntry<Id> {
  const dialect = defineXfsDialect(overrides);
  const preset: HostPreset<Id> = {
    ...config,
    family: 'xfs',
    capabilities: xfsCapabilities(dialect),
    switchable,
    needsLogin: false,
    editFields: dialect.editFields,
    folderEditFields: dialect.folderEditFields,
    cloneToFolder: dialect.cloneToFolder,
    customSnapshot: config.customSnapshot ?? true,
  };
  return {
    family: 'xfs',
    preset: Object.freeze(preset),
    dialect,
    methods: (input, capabilities) => {
      // A capability the user switches on that the preset lacks uses the standard XFS endpoint.
      const endpoints = { ...dialect.endpoints };
      for (const name of capabilities) {
        const standard = standardXfsEndpoints[name as XfsCapability];
        if (standard && !endpoints[name as XfsCapability]) endpoints[name as XfsCapability] = standard;
      }
      return xfsMethods({ ...input, preset, dialect: { ...dialect, endpoints } });
    },
  };
}
