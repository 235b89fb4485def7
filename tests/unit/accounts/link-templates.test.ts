import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../lib/accounts';
import { isWebLinkTemplate, templateHostName } from '../../../lib/accounts/link-templates';
import { fillLinks } from '../../../lib/hosts/client-kit';

const input = (linkTemplates: object) => ({ hostId: 'media.cm', label: 'M', linkTemplates });

describe('account link templates', () => {
  it('must make http(s) links', () => {
    expect(isWebLinkTemplate('https://media.cm/{code}')).toBe(true);
    expect(isWebLinkTemplate('{origin}/e/{code}')).toBe(true);
    expect(isWebLinkTemplate('javascript:alert(1)//{code}')).toBe(false);
    expect(isWebLinkTemplate('data:text/html,{code}')).toBe(false);
    expect(isWebLinkTemplate('{code}')).toBe(false);
  });

  it('are refused by the account form unless they do', () => {
    expect(accountInputSchema.safeParse(input({ watch: 'https://media.cm/{code}' })).success).toBe(true);
    const refused = accountInputSchema.safeParse(input({ embed: 'javascript:alert(1)' }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
  });

  it('make no link at all when a stored one is not a web link', () => {
    const links = fillLinks({ watch: 'javascript:alert("{code}")', embed: 'https://media.cm/e/{code}' }, 'abc', 'https://media.cm');
    expect(links).toEqual({ watch: 'https://media.cm/abc', embed: 'https://media.cm/e/abc' });
  });

  it('name the host their links go to, unless they stay on the host address', () => {
    expect(templateHostName('https://other.example/v/{code}')).toBe('other.example');
    expect(templateHostName('{site}/v/{code}')).toBeUndefined();
  });
});
