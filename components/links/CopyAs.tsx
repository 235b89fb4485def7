import { useEffect, useState } from 'preact/hooks';
import { formatLinks, linkFormats, validateTemplate, type LinkFormat, type LinkItem } from '../../lib/links/formats';
import { errorFrom, send } from '../../lib/messaging';
import { copyText } from '../CopyButton';
import { downloadText } from '../download';

// Copy or export a selection of links in the user's format. The format starts
// at the account's default (else the overall one) and can be made the default.

export function isLinkFormat(value: string | undefined): value is LinkFormat {
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
    send('settings.links', {})
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

  const unknown = format === 'template' ? validateTemplate(template) : [];
  const label = linkFormats.find((f) => f.id === format)?.label ?? format;
  const render = (): string | undefined => {
    try {
      return formatLinks(items(), format, template);
    } catch (error) {
      notify(errorFrom(error).message, 'error');
      return undefined;
    }
  };

  return (
    <div class="row" role="group" aria-label="Copy links">
      <div>
        <label for={`${idPrefix}-format`}>Link format</label>
        <select id={`${idPrefix}-format`} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as LinkFormat)}>
          {linkFormats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {format === 'template' ? (
        <div class="grow">
          <label for={`${idPrefix}-template`}>Link template</label>
          <input id={`${idPrefix}-template`} type="text" value={template} onInput={(e) => setTemplate((e.target as HTMLInputElement).value)} />
          <span class={unknown.length ? 'small error' : 'small muted'}>
            {unknown.length ? `Unknown: ${unknown.map((u) => `{${u}}`).join(' ')}. ` : ''}
            Variables: {'{title} {watch} {embed} {download} {code} {size} {length} {host}'}
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
            notify(`Copied ${count} ${count === 1 ? 'link' : 'links'} as ${label}`);
          } catch {
            notify('The browser refused the clipboard. Use "Export links" instead.', 'error');
          }
        }}
      >
        Copy links
      </button>
      <button
        type="button"
        disabled={count === 0}
        onClick={() => {
          const text = render();
          if (text !== undefined) downloadText(`vidrelay-links-${format}.txt`, text + '\n', 'text/plain');
        }}
      >
        Export links
      </button>
      <button
        type="button"
        onClick={async () => {
          try {
            await send('links.setDefault', { accountId, format, template: format === 'template' ? template : undefined });
            notify(`${label} is now the default${accountId ? ' for this account' : ''}`);
          } catch (error) {
            notify(errorFrom(error).message, 'error');
          }
        }}
      >
        Make default
      </button>
    </div>
  );
}
