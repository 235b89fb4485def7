import { useState } from 'preact/hooks';
import { getPreset, hostPresets } from '../../lib/hosts';
import type { HostId } from '../../lib/hosts/types';
import { t } from '../../lib/i18n';
import { hostGroups, hostName, matchesQuery, needsText, offersText } from './hostFacts';

interface Props {
  value: HostId;
  /** An account's host cannot change once saved. */
  disabled?: boolean;
  onChange(hostId: HostId): void;
}

/**
 * The host select (label "Host", one option per preset) grouped by API
 * family, with a search box before it that narrows the options, and what the
 * chosen host offers and needs below it. The select stays native so every
 * browser and assistive technology handles it as before.
 */
export function HostPicker({ value, disabled, onChange }: Props) {
  const [query, setQuery] = useState('');
  const current = getPreset(value) ?? hostPresets[0];
  const matches = hostPresets.filter((preset) => matchesQuery(preset, query));
  // The chosen host stays listed even when the search leaves it out, so the select never shows another than the one chosen.
  const groups = hostGroups(matches.includes(current) ? matches : [...matches, current]);

  const search = (text: string) => {
    setQuery(text);
    const found = hostGroups(hostPresets.filter((preset) => matchesQuery(preset, text)));
    const first = found[0]?.presets[0];
    if (first && !found.some((group) => group.presets.includes(current))) onChange(first.id);
  };

  return (
    <>
      {disabled ? null : (
        <>
          <label for="host-search">{t('optHostSearch')}</label>
          <input
            id="host-search"
            type="search"
            value={query}
            placeholder={t('optHostSearchPlaceholder')}
            aria-controls="host"
            onInput={(e) => search((e.target as HTMLInputElement).value)}
            // Enter would submit the account form; the first match is already chosen.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <p class="muted small host-note" aria-live="polite">
            {query.trim() && matches.length === 0 ? t('optHostNoMatch', query.trim()) : ''}
          </p>
        </>
      )}
      <label for="host">{t('optHost')}</label>
      <select
        id="host"
        value={value}
        disabled={disabled}
        aria-describedby="host-about"
        onChange={(e) => onChange((e.target as HTMLSelectElement).value as HostId)}
      >
        {groups.map((group) => (
          <optgroup label={group.label} key={group.key}>
            {group.presets.map((preset) => (
              <option value={preset.id} key={preset.id} title={offersText(preset)}>
                {hostName(preset)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id="host-about" class="muted small">
        {offersText(current)} {needsText(current)}
      </p>
    </>
  );
}
