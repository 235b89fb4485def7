// Output formats for a selection of files, one item per line. Titles come from
// hosts and users, so every markup format escapes them for its own syntax.

import { AppError } from '../errors';
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
// `{name}` or `{name|filter}`: a bounded, linear pattern (no nested quantifiers).
const variablePattern = /\{([A-Za-z_][A-Za-z0-9_]{0,40})(?:\|([a-z]{1,20}))?\}/g;

/**
 * How a value is written into a template. A template holding markup gets
 * `html` by default, so a title from a page or host cannot put markup into
 * the user's own site; a plain-text template keeps values as they are.
 */
export const templateFilters = ['html', 'raw', 'url', 'bbcode', 'markdown'] as const;
type TemplateFilter = (typeof templateFilters)[number];
const knownFilters: ReadonlySet<string> = new Set(templateFilters);

/** A tag, comment or entity: the template is markup, so values are escaped for HTML unless a filter says otherwise. */
export function templateHasMarkup(template: string): boolean {
  return /<[A-Za-z!/]|&[#A-Za-z0-9]{1,10};/.test(template);
}

export function formatLinks(items: LinkItem[], format: LinkFormat, template?: string): string {
  const render = renderers[format];
  if (!render) throw new AppError('invalid_input', `Unknown link format "${String(format)}".`);
  if (format === 'template' && !template?.trim()) {
    throw new AppError('invalid_input', 'The template format needs a template, for example "{title} {watch}".');
  }
  return items.map((item) => render(item, template ?? '')).join('\n');
}

export function renderTemplate(template: string, item: LinkItem): string {
  const values = templateValues(item);
  const byDefault: TemplateFilter = templateHasMarkup(template) ? 'html' : 'raw';
  return template.replace(variablePattern, (whole, name: string, filter: string | undefined) => {
    if (!knownVariables.has(name) || (filter !== undefined && !knownFilters.has(filter))) return whole;
    return applyFilter(values[name as TemplateVariable], (filter as TemplateFilter | undefined) ?? byDefault, name);
  });
}

/** Names (or name|filter) in `{...}` that renderTemplate does not know, each once, in order of appearance. */
export function validateTemplate(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(variablePattern)) {
    if (!knownVariables.has(match[1])) unknown.add(match[1]);
    else if (match[2] !== undefined && !knownFilters.has(match[2])) unknown.add(`${match[1]}|${match[2]}`);
  }
  return [...unknown];
}

const urlVariables: ReadonlySet<string> = new Set(['watch', 'embed', 'download']);

function applyFilter(value: string, filter: TemplateFilter, name: string): string {
  // A link written into markup must be a web link: a javascript: URL in an href would run when clicked.
  const link = (text: string) => (urlVariables.has(name) && text ? safeUrl(text) : text);
  switch (filter) {
    case 'raw':
      return value;
    case 'html':
      return escapeHtml(link(value));
    case 'url':
      return encodeURIComponent(value);
    case 'bbcode':
      return urlVariables.has(name) ? bbcodeUrl(link(value)) : bbcodeText(value);
    case 'markdown':
      return urlVariables.has(name) ? markdownUrl(link(value)) : markdownText(value);
  }
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
    throw new AppError('invalid_input', `Not an http(s) link: "${trimmed.slice(0, 100)}".`);
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
