export type UploadableCheck = { ok: true } | { ok: false; reason: string };

const browserSchemes = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'moz-extension:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'view-source:',
  'resource:',
]);

/**
 * Whether a host's remote upload could fetch this URL. The host downloads it
 * from its own servers, so anything that only exists inside this browser is
 * refused here with a reason the user can act on.
 */
export function isUploadableUrl(url: string): UploadableCheck {
  const text = typeof url === 'string' ? url.trim() : '';
  if (!text) return { ok: false, reason: 'There is no address to send.' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: `"${text.slice(0, 80)}" is not a web address (it should start with https://).` };
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') {
    return parsed.hostname ? { ok: true } : { ok: false, reason: 'This address has no host name.' };
  }
  if (scheme === 'blob:') {
    return {
      ok: false,
      reason:
        'This video is streamed into the page (a blob: address that exists only in this tab), so a host cannot download it. Right-click the video page and choose "Send to host" so VidRelay looks for its real address.',
    };
  }
  if (scheme === 'data:') {
    return { ok: false, reason: 'This is data embedded in the page, not a web address a host can download.' };
  }
  if (scheme === 'file:') {
    return {
      ok: false,
      reason: 'This is a file on your computer; a host cannot reach it. Upload it from the manager page instead.',
    };
  }
  if (scheme === 'javascript:') {
    return { ok: false, reason: 'This link runs a script in the page; it is not a video address.' };
  }
  if (browserSchemes.has(scheme)) {
    return { ok: false, reason: 'This is a page inside the browser, not a web address a host can download.' };
  }
  return {
    ok: false,
    reason: `Only http:// and https:// addresses can be sent to a host (this one is ${scheme}).`,
  };
}
