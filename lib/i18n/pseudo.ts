import type { MessageTable } from './messages';

// The pseudo-locale of the test build (en_XA): every English message with its
// letters accented and about 40% longer, in brackets, so screenshots show text
// that was not translated (no brackets), text cut off (no closing bracket) and
// layouts that cannot take longer words. Placeholders, markup and {tokens}
// stay as they are.

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = [...'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ'];
const accent = new Map([...plain].map((c, i) => [c, accented[i]]));
const filler = 'ŀǿřḗḿ īƥşŭḿ ḓǿŀǿř şīŧ ȧḿḗŧ ';
/** $1…$9, $$, $name$, <markup> and {tokens}: kept as they are. */
const kept = /(\$\$|\$[1-9]|\$[A-Za-z0-9_@]+\$|<[^>]*>|\{[^}]*\})/;

export function pseudoText(text: string): string {
  const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? ['', '', text, ''];
  if (!body) return text;
  const shown = body
    .split(kept)
    .map((part, i) => (i % 2 ? part : [...part].map((c) => accent.get(c) ?? c).join('')))
    .join('');
  // Brackets and a space are 3 of the 40% more.
  const extra = Math.max(0, Math.ceil(body.length * 0.4) - 3);
  const pad = filler.repeat(Math.ceil(extra / filler.length) + 1).slice(0, extra);
  return `${lead}[${shown}${pad ? ` ${pad.trimEnd()}` : ''}]${trail}`;
}

export function pseudoTable(english: MessageTable): MessageTable {
  return Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, { ...entry, message: pseudoText(entry.message) }]));
}
