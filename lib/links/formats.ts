// Output formats for a selection of files, one item per line. Titles come from
// hosts and users, so every markup format escapes them for its own syntax.

import { HostError } from '../errors';
import { formatDuration, formatSize } from '../format/units';

export type LinkFormat = 'plain' | 'embed' | 'bbcode' | 'html' | 'markdown' | 'template';

export interface LinkItem {
  title?: string;
  watch: string;
  embed?: string;
  download?: string;
  code: string;
  /** Bytes. */
  size?: number;
  /** Seconds. */
  length?: number;
  host: string;
}

export const linkFormats: readonly { id: LinkFormat; label: string }[] = [
  { id: 'plain', label: 'Plain links' },
  { id: 'embed', label: 'Embed (iframe)' },
  { id: 'bbcode', label: 'BBCode' },
  { id: 'html', label: 'HTML' },
  { id: 'markdown', label: 'Markdown' },
  { id: 'template', label: 'Custom template' },
];

export const templateVariables = ['title', 'watch', 'embed', 'download', 'code', 'size', 'length', 'host'] as const;
type TemplateVariable = (typeof templateVariables)[number];

const knownVariables: ReadonlySet<string> = new Set(templateVariables);
const variablePattern = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function formatLinks(items: LinkItem[], format: LinkFormat, template?: string): string {
  const render = renderers[format];
  if (!render) throw new HostError('invalid_input', `Unknown link format "${String(format)}".`);
  if (format === 'template' && !template?.trim()) {
    throw new HostError('invalid_input', 'The template format needs a template, for example "{title} {watch}".');
  }
  return items.map((item) => render(item, template ?? '')).join('\n');
}

export function renderTemplate(template: string, item: LinkItem): string {
  const values = templateValues(item);
  return template.replace(variablePattern, (whole, name: string) =>
    knownVariables.has(name) ? values[name as TemplateVariable] : whole,
  );
}

/** Names in `{...}` that renderTemplate does not know, each once, in order of appearance. */
export function validateTemplate(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(variablePattern)) {
    if (!knownVariables.has(match[1])) unknown.add(match[1]);
  }
  return [...unknown];
}

const renderers: Record<LinkFormat, (item: LinkItem, template: string) => string> = {
  plain: (item) => singleLine(item.watch),
  html: htmlLink,
  embed: (item) =>
    item.embed
      ? `<iframe src="${escapeHtml(safeUrl(item.embed))}" width="640" height="360" frameborder="0" allowfullscreen` +
        ` title="${escapeHtml(linkText(item))}"></iframe>`
      : htmlLink(item),
  bbcode: (item) => `[url=${bbcodeUrl(safeUrl(item.watch))}]${bbcodeText(linkText(item))}[/url]`,
  markdown: (item) => `[${markdownText(linkText(item))}](${markdownUrl(safeUrl(item.watch))})`,
  template: (item, template) => renderTemplate(template, item),
};

function htmlLink(item: LinkItem): string {
  return `<a href="${escapeHtml(safeUrl(item.watch))}">${escapeHtml(linkText(item))}</a>`;
}

function templateValues(item: LinkItem): Record<TemplateVariable, string> {
  return {
    title: singleLine(item.title ?? ''),
    watch: singleLine(item.watch),
    embed: singleLine(item.embed ?? ''),
    download: singleLine(item.download ?? ''),
    code: singleLine(item.code),
    size: formatSize(item.size),
    length: formatDuration(item.length),
    host: singleLine(item.host),
  };
}

// Newlines inside a value would split one item over several lines.
function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function linkText(item: LinkItem): string {
  return singleLine(item.title ?? '') || singleLine(item.watch);
}

// A javascript: or data: URL inside markup would run when clicked.
function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]/i.test(trimmed)) {
    throw new HostError('invalid_input', `Not an http(s) link: "${trimmed.slice(0, 100)}".`);
  }
  return trimmed;
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c]);
}

// BBCode has no escape syntax; parentheses keep the title readable without closing the tag.
function bbcodeText(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')');
}

function bbcodeUrl(url: string): string {
  return url.replace(/[[\]\s]/g, percentEncode);
}

function markdownText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, '\\$&');
}

function markdownUrl(url: string): string {
  return url.replace(/[()<>\s]/g, percentEncode);
}

function percentEncode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
