// What a registry entry is, whichever API family builds it: the preset, and
// the client methods its family's factory (<family>/define.ts) makes for one
// account. It knows no family, so each can build on it and nothing outside a
// family needs to know which API a host speaks.
import type { DialectMethods } from './client-kit';
import type { FailureContext } from './failures';
import type { Http } from './http';
import type { Capability, HostAccount, HostPreset } from './types';

export interface DialectInput {
  account: HostAccount;
  apiBase: string;
  http: Http;
  ctx: FailureContext;
}

export interface PresetEntry<Id extends string = string> {
  family: HostPreset['family'];
  preset: HostPreset<Id>;
  /**
   * The client methods for one account. `capabilities` (preset plus user
   * overrides) is narrowed to what the dialect can really do.
   */
  methods(input: DialectInput, capabilities: Set<Capability>): DialectMethods;
}

/** A preset as its file writes it; the family's factory adds what follows from the API. */
export type PresetConfig<Id extends string> = Omit<
  HostPreset<Id>,
  'family' | 'capabilities' | 'switchable' | 'needsLogin' | 'editFields' | 'folderEditFields' | 'cloneToFolder' | 'customSnapshot'
> & {
  /** XFS upload forms take a `snapshot` image unless the host's document says otherwise. */
  customSnapshot?: boolean;
};
