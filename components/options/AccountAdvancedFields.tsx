import { useState } from 'preact/hooks';
import { capabilityNames, type Capability, type HostPreset, type LinkTemplates } from '../../lib/hosts/types';
import type { Account } from '../../lib/accounts';
import { templateHostName } from '../../lib/accounts/link-templates';
import { t } from '../../lib/i18n';
import { capabilityWords } from '../format/capabilityWords';

export interface AdvancedValue {
  linkTemplates: Account['linkTemplates'];
  allowHttp: boolean;
  capabilityOverrides: Account['capabilityOverrides'];
}

interface Props {
  preset: HostPreset;
  /** What probing a custom host found, if it was probed. */
  probed?: readonly Capability[];
  value: AdvancedValue;
  onChange(next: AdvancedValue): void;
}

const templateFields: (keyof LinkTemplates)[] = ['watch', 'embed', 'download'];
const templateLabel = { watch: 'optWatchTemplate', embed: 'optEmbedTemplate', download: 'optDownloadTemplate' } as const;

/** The last two labels of a host name: enough to tell "another site" in a warning (the background decides by the public suffix list). */
const roughSite = (host: string) => host.split('.').slice(-2).join('.');

/** Link templates, plain-http uploads and feature overrides: rarely needed, so folded away. */
export function AccountAdvancedFields({ preset, probed, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  // The host's own sites: its API's and those its default links use.
  const ownSites = new Set(
    [preset.apiBase, ...Object.values(preset.links)].flatMap((link) => {
      const host = link ? templateHostName(link) : undefined;
      return host ? [roughSite(host)] : [];
    }),
  );
  /** The host a template's links go to, when it is not the host's own site. */
  const elsewhere = (template: string | undefined) => {
    const host = template ? templateHostName(template) : undefined;
    return host && ownSites.size > 0 && !ownSites.has(roughSite(host)) ? host : undefined;
  };
  const has = (c: Capability) => (probed ? probed.includes(c) : preset.capabilities.has(c));
  const setTemplate = (field: keyof LinkTemplates) => (e: Event) => {
    const text = (e.target as HTMLInputElement).value.trim();
    onChange({ ...value, linkTemplates: { ...value.linkTemplates, [field]: text || undefined } });
  };
  const setOverride = (capability: Capability) => (e: Event) => {
    const choice = (e.target as HTMLSelectElement).value;
    const next = { ...value.capabilityOverrides };
    if (choice === '') delete next[capability];
    else next[capability] = choice === 'on';
    onChange({ ...value, capabilityOverrides: next });
  };

  // The controls exist only while the section is open, so they stay out of the page (and its label lookups) until wanted.
  const body = (
    <>
      <p class="muted small">{t('optTemplatesHelp')}</p>
      {templateFields.map((field) => (
        <div key={field}>
          <label for={`template-${field}`}>{t(templateLabel[field])}</label>
          <input
            id={`template-${field}`}
            type="text"
            value={value.linkTemplates?.[field] ?? ''}
            placeholder={preset.links[field] ?? ''}
            onInput={setTemplate(field)}
            aria-describedby={elsewhere(value.linkTemplates?.[field]) ? `template-${field}-site` : undefined}
          />
          {elsewhere(value.linkTemplates?.[field]) ? (
            <p id={`template-${field}-site`} class="small warn">
              {t('optTemplateOtherSite', elsewhere(value.linkTemplates?.[field])!)}
            </p>
          ) : null}
        </div>
      ))}
      <label class="check" for="allow-http">
        <input
          id="allow-http"
          type="checkbox"
          checked={value.allowHttp}
          onChange={(e) => onChange({ ...value, allowHttp: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('optAllowHttp')}
      </label>
      <fieldset class="defaults">
        <legend>{t('optFeatures')}</legend>
        <p class="muted small">{t('optFeaturesHelp')}</p>
        <div class="grid2">
          {capabilityNames.map((capability) => {
            const override = value.capabilityOverrides?.[capability];
            return (
              <div key={capability} class="row">
                <label for={`feature-${capability}`} class="small inline-label grow">
                  {capabilityWords[capability]}
                </label>
                <select id={`feature-${capability}`} value={override === undefined ? '' : override ? 'on' : 'off'} onChange={setOverride(capability)}>
                  <option value="">{has(capability) ? t('optFeatureAutoOn') : t('optFeatureAutoOff')}</option>
                  <option value="on">{t('optFeatureOn')}</option>
                  <option value="off">{t('optFeatureOff')}</option>
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
    </>
  );

  return (
    <details class="defaults" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('optAdvanced')}</summary>
      {open ? body : null}
    </details>
  );
}
