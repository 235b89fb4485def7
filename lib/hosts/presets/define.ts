// Builds a registry entry from a preset's config and its dialect overrides,
// so capabilities always follow from the endpoints a host documents.
import { defineXfsDialect, xfsCapabilities, type XfsDialect, type XfsDialectOverrides } from '../xfs/dialect';
import type { Capability, HostPreset } from '../types';

export type PresetEntry =
  | { family: 'xfs'; preset: HostPreset; dialect: XfsDialect }
  | { family: 'megamax'; preset: HostPreset };

type PresetConfig = Omit<HostPreset, 'family' | 'capabilities' | 'needsLogin'>;

export function xfsPreset(config: PresetConfig, overrides: XfsDialectOverrides): PresetEntry {
  const dialect = defineXfsDialect(overrides);
  const preset: HostPreset = { ...config, family: 'xfs', capabilities: xfsCapabilities(dialect), needsLogin: false };
  return { family: 'xfs', preset: Object.freeze(preset), dialect };
}

export function megamaxPreset(config: PresetConfig, capabilities: Capability[]): PresetEntry {
  const preset: HostPreset = { ...config, family: 'megamax', capabilities: new Set(capabilities), needsLogin: true };
  return { family: 'megamax', preset: Object.freeze(preset) };
}
