/**
 * The URL relative references resolve against. Read from the attribute rather
 * than `document.baseURI` because a document parsed from saved HTML has no
 * address of its own; only the page URL we are given is trustworthy.
 */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      // A broken <base> is ignored by browsers too.
    }
  }
  return pageUrl;
}
