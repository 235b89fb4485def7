// The host layer's public face (DESIGN.md, "The host layer contract").
import { registry } from './registry';
import type { HostId, HostPreset } from './types';

export { createHostClient } from './create-client';
export { probeCapabilities, probeFamily } from './probe';
export { fillLinks } from './client-kit';
export { UnsupportedAtHost, isUnsupportedAtHost } from './unsupported';
export type * from './types';
export { capabilityNames } from './types';

/** Every preset, in registry order. */
export const hostPresets: readonly HostPreset[] = Object.freeze(registry.map((entry) => entry.preset));

export function getPreset(id: HostId | string): HostPreset | undefined {
  return hostPresets.find((preset) => preset.id === id);
}
