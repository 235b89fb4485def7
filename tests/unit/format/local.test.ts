import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localDuration, localNumber, localSize, localTime } from '../../../lib/format/local';
import { formatBytes, formatDuration } from '../../../components/format/values';

// Numbers, sizes, durations and times in the UI's language (Intl), not in
// English digits and marks whatever the language.

afterEach(() => vi.restoreAllMocks());

/** Intl puts no-break spaces between number and unit; the tests read them as spaces. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const size = (bytes: number | undefined, lang: string) => spaced(localSize(bytes, lang));

describe('localSize', () => {
  it('writes the decimal mark and unit of the language', () => {
    expect(size(1.5 * 1024 ** 3, 'en')).toBe('1.5 GB');
    expect(size(1.5 * 1024 ** 3, 'de')).toBe('1,5 GB');
    expect(size(1.5 * 1024 ** 3, 'ar')).toBe('1.5 غ.ب');
    expect(size(1.5 * 1024 ** 3, 'ar-EG')).toBe('١٫٥ غ.ب');
    expect(size(1536, 'fr')).toBe('1,5 ko');
    expect(size(512, 'de')).toBe('512 Byte');
    expect([1, 2].map((n) => size(n, 'en'))).toEqual(['1 byte', '2 bytes']);
  });

  it('rounds up to the next unit rather than show 1024.0, and is empty for what is no size', () => {
    expect(size(1024 ** 2 - 1, 'en')).toBe('1.0 MB');
    expect([undefined, -1, Number.NaN, Number.POSITIVE_INFINITY].map((n) => size(n, 'en'))).toEqual(['', '', '', '']);
  });
});

describe('localNumber and localDuration', () => {
  it('groups digits as the language does (Hindi in lakhs)', () => {
    expect(localNumber(1234567, 'en')).toBe('1,234,567');
    expect(localNumber(1234567, 'de')).toBe('1.234.567');
    expect(localNumber(1234567, 'hi')).toBe('12,34,567');
  });

  it('writes m:ss and h:mm:ss in the language’s digits', () => {
    expect(localDuration(65, 'en')).toBe('1:05');
    expect(localDuration(3725, 'de')).toBe('1:02:05');
    expect(localDuration(3725, 'ar-EG')).toBe('١:٠٢:٠٥');
    expect(localDuration(undefined, 'en')).toBe('');
  });

  it('writes a time of day the language’s way', () => {
    const at = new Date(2024, 0, 1, 13, 5);
    expect(localTime(at, 'de')).toBe('13:05');
    expect(localTime(at, 'en')).toMatch(/^1:05\sPM$/);
  });
});

describe('the UI formatters follow the UI language', () => {
  it('uses the browser language by default, a dash for unknown values', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    expect(spaced(formatBytes(4096))).toBe('4,0 kB');
    expect(formatDuration(61)).toBe('1:01');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(null)).toBe('unlimited');
  });
});
