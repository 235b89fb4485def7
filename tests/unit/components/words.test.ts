import { describe, expect, it } from 'vitest';
import { hintFor } from '../../../components/shared/ErrorNote';
import { formatDate, isPast } from '../../../components/format/dates';
import { tn } from '../../../lib/i18n';

describe('error hints', () => {
  it('says the fix once: no hint after a message that already gives it', () => {
    expect(hintFor({ code: 'auth', message: 'media.cm rejected the API key. Check the key in Options.' })).toBeUndefined();
    expect(hintFor({ code: 'auth', message: 'megamax.me rejected the API login and key. Check the login and key in Options.' })).toBeUndefined();
    expect(hintFor({ code: 'auth', message: 'Key refused.' })).toBe('Check the API key (and login) in Options.');
    expect(hintFor({ code: 'bandwidth', message: 'media.cm says the bandwidth is used up (509). Wait for it to reset or upgrade the plan.' })).toBeUndefined();
    expect(hintFor({ code: 'server', message: 'Boom.' })).toBeUndefined();
  });
});

describe('counts and dates', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(tn('filesViewCount', 1)).toBe('1 view');
    expect(tn('filesViewCount', 2)).toBe('2 views');
    expect(tn('filesViewCount', 0)).toBe('0 views');
    expect(tn('filesViewCount', 12345)).toBe('12,345 views');
  });

  it('shows host dates in the locale and keeps text that is no date', () => {
    expect(formatDate('2015-10-24 21:00:00')).toBe(new Date('2015-10-24T21:00:00').toLocaleDateString('en', { dateStyle: 'medium' }));
    expect(formatDate('2015-10-24T21:00:00.000Z')).toMatch(/2015/);
    expect(formatDate('soon')).toBe('soon');
    expect(isPast('2015-10-24 21:00:00')).toBe(true);
    expect(isPast('2999-01-01 00:00:00')).toBe(false);
    expect(isPast('soon')).toBe(false);
  });
});

describe('account info', () => {
  it('shows an email-only account under Email, and an old premium date in the locale, marked expired', async () => {
    const { AccountInfoView } = await import('../../../components/options/AccountInfoView');
    const { html } = await import('../i18n/helpers');
    const el = html(AccountInfoView({ info: { email: 'me@example.com', premiumExpire: '2015-10-24T21:00:00.000Z', storageUsed: 10 } }));
    expect(el.querySelector('[data-field=login]')).toBeNull();
    expect(el.querySelector('[data-field=email]')?.textContent).toBe('me@example.com');
    const premium = el.querySelector('[data-field=premium]');
    expect(premium?.textContent).toMatch(/^Oct 2[45], 2015 \(expired\)$/);
    expect(premium?.hasAttribute('data-expired')).toBe(true);
  });
});
