// Player pages of well-known sites and of XFileSharing-style hosts
// (`/e/<code>`, `/embed-<code>.html`), the hosts this extension sends to.
const embedPatterns: RegExp[] = [
  /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\//i,
  /^https?:\/\/player\.vimeo\.com\/video\//i,
  /^https?:\/\/(?:www\.)?dailymotion\.com\/embed\//i,
  /^https?:\/\/(?:www\.)?facebook\.com\/plugins\/video\.php/i,
  /^https?:\/\/(?:www\.)?streamable\.com\/[eo]\//i,
  /^https?:\/\/[^/]+\/e\/[A-Za-z0-9]+/i,
  /^https?:\/\/[^/]+\/embed-[A-Za-z0-9]+(?:-\d+x\d+)?\.html/i,
  /^https?:\/\/[^/]+\/embed\/[A-Za-z0-9_-]+/i,
];

export function looksLikeEmbed(url: string): boolean {
  return embedPatterns.some((pattern) => pattern.test(url));
}
