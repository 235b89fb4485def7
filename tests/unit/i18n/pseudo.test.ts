import { describe, expect, it } from 'vitest';
import { pseudoTable, pseudoText } from '../../../lib/i18n/pseudo';
import en from '../../../public/_locales/en/messages.json';

// The test build's pseudo-locale: English, accented, about 40% longer, with
// substitutions, markup and {tokens} untouched.

const tokens = (text: string) => text.match(/\$\$|\$[1-9]|<[^>]*>|\{[^}]*\}/g) ?? [];

describe('pseudoText', () => {
  it('accents letters, brackets the text and keeps $n, $$, <markup> and {tokens}', () => {
    const out = pseudoText('Sent $1 to <b>{host}</b> for $$2');
    expect(out).toMatch(/^\[Şḗƞŧ \$1 ŧǿ <b>\{host\}<\/b> ƒǿř \$\$2 .+\]$/);
  });

  it('keeps leading and trailing spaces outside the brackets', () => {
    expect(pseudoText(' and more ')).toMatch(/^ \[ȧƞḓ ḿǿřḗ.*\] $/);
  });

  it('makes every English message longer by about 40%, and keeps each one’s tokens', () => {
    const table = pseudoTable(en);
    let from = 0;
    let to = 0;
    for (const [key, { message }] of Object.entries(en)) {
      const pseudo = table[key].message;
      expect(tokens(pseudo), key).toEqual(tokens(message));
      expect(pseudo.length, key).toBeGreaterThan(message.length);
      expect(/[a-z]/.test(pseudo.replace(/\$[a-z0-9_@]+\$|<[^>]*>|\{[^}]*\}/gi, '')), key).toBe(false);
      from += message.length;
      to += pseudo.length;
    }
    expect(to / from).toBeGreaterThan(1.35);
    expect(to / from).toBeLessThan(1.5);
  });
});
