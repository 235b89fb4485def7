import { describe, expect, it } from 'vitest';
import { ErrorNote, InOptions, withoutGoToOptions } from '../../../components/shared/ErrorNote';
import { html } from '../i18n/helpers';

describe('ErrorNote', () => {
  const wrongKey = { code: 'auth' as const, message: 'media.cm rejected the API key. Check the key in Options.' };

  it('sends the user to Options from any other page', () => {
    expect(html(<ErrorNote error={wrongKey} />).textContent).toBe('media.cm rejected the API key. Check the key in Options.');
    expect(html(<ErrorNote error={{ code: 'auth', message: 'Key refused.' }} />).textContent).toBe('Key refused. Check the API key (and login) in Options.');
  });

  it('does not send the user to Options from Options itself, message or hint', () => {
    const inOptions = (error: { code: 'auth'; message: string }) =>
      html(
        <InOptions.Provider value={true}>
          <ErrorNote error={error} />
        </InOptions.Provider>,
      ).textContent;
    expect(inOptions(wrongKey)).toBe('media.cm rejected the API key. Check the key.');
    expect(inOptions({ code: 'auth', message: 'Key refused.' })).toBe('Key refused. Check the API key (and login).');
  });

  it('drops only the trailing place, never other words', () => {
    expect(withoutGoToOptions('Set a valid http(s) API base URL for X in Options (e.g. https://example.com/api).')).toBe(
      'Set a valid http(s) API base URL for X (e.g. https://example.com/api).',
    );
    expect(withoutGoToOptions('Options in Optionsville stay.')).toBe('Options in Optionsville stay.');
  });
});
