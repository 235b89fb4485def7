import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../../lib/i18n';

const dir = join(__dirname, '../../../public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('locales', () => {
  const en = load('en');

  it('ships English and German', () => {
    expect(readdirSync(dir).sort()).toEqual(['de', 'en']);
  });

  it.each(readdirSync(dir).filter((l) => l !== 'en'))('%s translates every English message with the same substitutions', (lang) => {
    const other = load(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      expect(other[key].message.trim(), key).not.toBe('');
      expect(placeholders(other[key].message), key).toEqual(placeholders(message));
    }
  });

  it('uses only key names Chrome accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('t() falls back to English, with substitutions, where the i18n API is missing', () => {
    expect(t('optSave')).toBe('Save');
    expect(t('optEditHeading', 'Media main')).toBe('Edit Media main');
    expect(t('optImported', ['3', '2'])).toBe('Imported 3 accounts (2 with keys).');
  });
});
