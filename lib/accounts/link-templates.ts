// An account's own link templates (Options → Advanced: watch, embed, download)
// make every link VidRelay copies for it, so they must be web links: a
// javascript: or data: template, or one an imported file points at another
// site, would turn each pasted link into something else.

const sample = { origin: 'https://host.example', site: 'https://host.example', code: 'abc123' };

/** The template filled with sample values, as the link it makes. */
function sampleLink(template: string): URL | undefined {
  const filled = template.split('{origin}').join(sample.origin).split('{site}').join(sample.site).split('{code}').join(sample.code);
  try {
    return new URL(filled.trim());
  } catch {
    return undefined;
  }
}

/** Whether a template makes an http(s) link. */
export function isWebLinkTemplate(template: string): boolean {
  const url = sampleLink(template);
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:');
}

/**
 * The host name a template's links go to when it names one itself (not
 * `{origin}` or `{site}`, which stay on the host's own address); undefined
 * otherwise. The form warns when that is not the host's own site.
 */
export function templateHostName(template: string): string | undefined {
  if (/^\s*\{(origin|site)\}/.test(template)) return undefined;
  return sampleLink(template)?.hostname || undefined;
}
