import type { Capability, HostPreset } from '../../lib/hosts/types';
import { t, uiLanguage, type MessageKey } from '../../lib/i18n';
import { capabilityWords } from '../format/capabilityWords';

// What the host list says about each host, from its preset alone: its group
// (API family), the four things people choose a host by, the credentials it
// wants, and whether it answers a search.

/** File upload, remote upload, folders and statistics: what the list names for each host. */
const headlineCapabilities: readonly Capability[] = ['upload', 'remoteUpload', 'listFolder', 'accountStats'];

const familyKey: Record<HostPreset['family'], MessageKey> = {
  xfs: 'optFamilyXfs',
  megamax: 'optFamilyMegamax',
  vidguard: 'optFamilyVidguard',
  streamtape: 'optFamilyStreamtape',
  mixdrop: 'optFamilyMixdrop',
};

export interface HostGroup {
  key: string;
  label: string;
  presets: HostPreset[];
}

/** The custom host (any XFS host by its address) is no named host of its family. */
/** A host whose address the user gives (custom XFS, custom Streamtape-compatible): it has no built-in API base. */
const isCustom = (preset: HostPreset) => !preset.apiBase;

export function hostName(preset: HostPreset): string {
  return preset.id === 'xfs' ? t('optCustomHost') : preset.label;
}

function groupOf(preset: HostPreset): { key: string; label: string } {
  return isCustom(preset) ? { key: 'custom', label: t('optFamilyCustom') } : { key: preset.family, label: t(familyKey[preset.family]) };
}

/** Groups in the order their first host is registered, the custom host last; hosts by name inside a group. */
export function hostGroups(presets: readonly HostPreset[]): HostGroup[] {
  const groups = new Map<string, HostGroup>();
  for (const preset of [...presets.filter((p) => !isCustom(p)), ...presets.filter(isCustom)]) {
    const { key, label } = groupOf(preset);
    const group = groups.get(key) ?? { key, label, presets: [] };
    group.presets.push(preset);
    groups.set(key, group);
  }
  const language = uiLanguage();
  for (const group of groups.values()) group.presets.sort((a, b) => hostName(a).localeCompare(hostName(b), language));
  return [...groups.values()];
}

function headlineOffers(preset: HostPreset): Capability[] {
  return headlineCapabilities.filter((capability) => preset.capabilities.has(capability));
}

function listOf(words: string[]): string {
  try {
    return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}

export function offersText(preset: HostPreset): string {
  const words = headlineOffers(preset).map((capability) => capabilityWords[capability]);
  return words.length ? t('optHostOffers', listOf(words)) : t('optHostOffersNone');
}

export function needsText(preset: HostPreset): string {
  if (!preset.needsLogin) return t('optHostNeedsKey');
  return preset.loginKind === 'email' ? t('optHostNeedsEmailKey') : t('optHostNeedsLoginKey');
}

/** Every word of the query is found in the host's name, id, group or headline offers (in the UI's language). */
export function matchesQuery(preset: HostPreset, query: string): boolean {
  const terms = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = [hostName(preset), preset.id, groupOf(preset).label, ...headlineOffers(preset).map((c) => capabilityWords[c])].join(' ').toLocaleLowerCase();
  return terms.every((term) => text.includes(term));
}
