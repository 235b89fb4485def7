// Chrome's message format (public/_locales/<lang>/messages.json), read by the
// extension itself when the user chose a language: the browser's i18n API
// answers only in the browser's language and cannot switch at run time.

interface MessageEntry {
  message: string;
  /** Named placeholders: `$name$` in the message (any case) stands for `content`, which may hold $1…$9. */
  placeholders?: Record<string, { content: string }>;
}
export type MessageTable = Record<string, MessageEntry>;

/** The message with its named placeholders and $1…$9 filled in as chrome.i18n.getMessage does: a missing substitution is empty, $$ is a $. */
export function fillMessage(entry: MessageEntry, subs: readonly string[]): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const text = named.size ? entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named.get(name.toLowerCase()) ?? whole) : entry.message;
  return text.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}
