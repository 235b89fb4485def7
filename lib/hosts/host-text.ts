// Host text (error messages, HTML pages sent instead of JSON) is hostile until
// proven otherwise: it is cut to a few KB before anything looks at it, and
// nothing that looks at it is slower than linear in its length. A regular
// expression such as /<[^>]*>/g rescans the rest of the text from every `<`
// that has no `>` after it: 100,000 of them held the worker for seconds.

/** How much of a host's text is cleaned and quoted; the quote itself is far shorter. */
export const hostTextCap = 4096;

/**
 * The text with every tag (`<` up to the next `>`) replaced by a space, in one
 * pass: each `<` looks for its `>` from where it stands, and a `<` with no `>`
 * after it ends the scan, so no character is looked at more than twice.
 */
export function stripTags(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open === -1) {
      out += text.slice(at);
      break;
    }
    out += text.slice(at, open);
    const close = text.indexOf('>', open + 1);
    if (close === -1) {
      // No tag closes after this one, so none will: the rest is one broken tag.
      break;
    }
    out += ' ';
    at = close + 1;
  }
  return out;
}

/** Runs of white space as one space, trimmed (linear: a single character class, no nesting). */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
