import { useEffect, useState } from 'preact/hooks';
import { formatLinks, linkFormats, validateTemplate, type LinkFormat, type LinkItem } from '../../lib/links/formats';
import { errorFrom, send } from '../../lib/messaging';
import { forgetLinkSettings, loadLinkSettings } from '../hooks/linkSettings';
import { copyText } from './CopyButton';
import { downloadText } from './download';
import { useAction } from '../hooks/useAction';
import { t, type MessageKey } from '../../lib/i18n';
import { localNumber } from '../../lib/format/local';

// Copy or export a selection of links in the user's format. The format starts
// at the account's default (else the overall one) and can be made the default.

const formatKey: Record<LinkFormat, MessageKey> = {
  plain: 'linksFmtPlain',
  embed: 'linksFmtEmbed',
  bbcode: 'linksFmtBbcode',
  html: 'linksFmtHtml',
  markdown: 'linksFmtMarkdown',
  template: 'linksFmtTemplate',
};

function isLinkFormat(value: string | undefined): value is LinkFormat {
  return linkFormats.some((f) => f.id === value);
}

interface Props {
  /** Built on demand, so a large selection costs nothing until used. */
  items(): LinkItem[];
  count: number;
  accountId?: string;
  idPrefix: string;
  notify(text: string, kind?: 'ok' | 'error'): void;
}

export function CopyAs({ items, count, accountId, idPrefix, notify }: Props) {
  const [format, setFormat] = useState<LinkFormat>('plain');
  const [template, setTemplate] = useState('{title} {watch}');
  useEffect(() => {
    let live = true;
    loadLinkSettings()
      .then((s) => {
        if (!live) return;
        const preferred = (accountId && s.perAccount[accountId]) || s.format;
        if (isLinkFormat(preferred)) setFormat(preferred);
        if (s.template) setTemplate(s.template);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accountId]);

  const write = useAction({ onError: (error) => notify(error.message, 'error') });
  const unknown = format === 'template' ? validateTemplate(template) : [];
  const label = isLinkFormat(format) ? t(formatKey[format]) : format;
  const render = (): string | undefined => {
    try {
      return formatLinks(items(), format, template);
    } catch (error) {
      notify(errorFrom(error).message, 'error');
      return undefined;
    }
  };

  return (
    <fieldset class="row bare" aria-label={t('linksCopyGroup')}>
      <div>
        <label for={`${idPrefix}-format`}>{t('linksFormat')}</label>
        <select id={`${idPrefix}-format`} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as LinkFormat)}>
          {linkFormats.map((f) => (
            <option key={f.id} value={f.id}>
              {t(formatKey[f.id])}
            </option>
          ))}
        </select>
      </div>
      {format === 'template' ? (
        <div class="grow">
          <label for={`${idPrefix}-template`}>{t('linksTemplate')}</label>
          <input id={`${idPrefix}-template`} type="text" value={template} onInput={(e) => setTemplate((e.target as HTMLInputElement).value)} />
          <span class={unknown.length ? 'small error' : 'small muted'}>
            {unknown.length ? `${t('linksUnknownVars', unknown.map((u) => `{${u}}`).join(' '))} ` : ''}
            {t('linksVariables', '{title} {watch} {embed} {download} {code} {size} {length} {host}')}
          </span>
        </div>
      ) : null}
      <button
        type="button"
        class="primary"
        disabled={count === 0}
        onClick={async () => {
          const text = render();
          if (text === undefined) return;
          try {
            await copyText(text);
            notify(count === 1 ? t('linksCopiedOne', label) : t('linksCopiedMany', [localNumber(count), label]));
          } catch {
            notify(t('linksClipboardRefused'), 'error');
          }
        }}
      >
        {t('linksCopy')}
      </button>
      <button
        type="button"
        disabled={count === 0}
        onClick={() => {
          const text = render();
          if (text !== undefined) downloadText(`vidrelay-links-${format}.txt`, `${text}\n`, 'text/plain');
        }}
      >
        {t('linksExport')}
      </button>
      <button
        type="button"
        onClick={() =>
          write.run(async () => {
            await send('links.setDefault', { accountId, format, template: format === 'template' ? template : undefined });
            forgetLinkSettings();
            notify(accountId ? t('linksDefaultForAccount', label) : t('linksDefaultOverall', label));
          })
        }
      >
        {t('linksMakeDefault')}
      </button>
    </fieldset>
  );
}
