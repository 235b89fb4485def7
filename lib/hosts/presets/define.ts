// Builds a registry entry from a preset's config and its dialect overrides,
// so capabilities always follow from the endpoints a host documents. Each
// entry carries its dialect factory's `methods`, so nothing outside this
// folder needs to know which API family a host speaks.
import type { DialectMethods } from '../client-kit';
import type { FailureContext } from '../failures';
import type { Http } from '../http';
import { megamaxMethods } from '../megamax/client';
import type { Capability, FileChanges, FolderChanges, HostAccount, HostPreset } from '../types';
import { xfsMethods } from '../xfs/client';
import { defineXfsDialect, standardXfsEndpoints, xfsCapabilities, type XfsCapability, type XfsDialect, type XfsDialectOverrides } from '../xfs/dialect';

export interface DialectInput {
  account: HostAccount;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

interface EntryBase<Id extends string> {
  preset: HostPreset<Id>;
  /**
   * The client methods for one account. `capabilities` (preset plus user
   * overrides) is narrowed to what the dialect can really do.
   */
  methods(input: DialectInput, capabilities: Set<Capability>): DialectMethods;
}

export type PresetEntry<Id extends string = string> =
  | (EntryBase<Id> & { family: 'xfs'; dialect: XfsDialect })
  | (EntryBase<Id> & { family: 'megamax' });

type PresetConfig<Id extends string> = Omit<
  HostPreset<Id>,
  'family' | 'capabilities' | 'needsLogin' | 'editFields' | 'folderEditFields' | 'cloneToFolder' | 'customSnapshot'
> & {
  /** XFS upload forms take a `snapshot` image unless the host's document says otherwise. */
  customSnapshot?: boolean;
};

export function xfsPreset<const Id extends string>(config: PresetConfig<Id>, overrides: XfsDialectOverrides): PresetEntry<Id> {
  const dialect = defineXfsDialect(overrides);
  const preset: HostPreset<Id> = {
    ...config,
    family: 'xfs',
    capabilities: xfsCapabilities(dialect),
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

export function megamaxPreset<const Id extends string>(config: PresetConfig<Id>, capabilities: Capability[]): PresetEntry<Id> {
  const preset: HostPreset<Id> = {
    ...config,
    family: 'megamax',
    capabilities: new Set(capabilities),
    needsLogin: true,
    editFields: [] as readonly (keyof FileChanges)[],
    folderEditFields: [] as readonly (keyof FolderChanges)[],
    cloneToFolder: false,
    customSnapshot: false,
  };
  return { family: 'megamax', preset: Object.freeze(preset), methods: (input) => megamaxMethods(input) };
}
