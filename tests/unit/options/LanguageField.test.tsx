import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageField } from '../../../components/options/LanguageField';

// Options → Language: "As the browser" and each language named in its own
// words; a choice is saved through the background (settings.language).

const sent = vi.hoisted(() => [] as { type: string; payload: unknown }[]);
vi.mock('../../../lib/messaging', () => ({
  send: vi.fn(async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return {};
  }),
  errorFrom: (e: unknown) => ({ code: 'server', message: String(e) }),
}));

const root = document.createElement('div');
afterEach(() => {
  render(null, root);
  sent.length = 0;
});

describe('LanguageField', () => {
  it('offers as the browser and the twelve languages in their own words, labelled Language', () => {
    render(<LanguageField value="browser" />, root);
    const select = root.querySelector('select')!;
    expect(root.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Language');
    const options = [...select.options].map((o) => [o.value, o.text]);
    expect(options[0]).toEqual(['browser', 'As the browser']);
    expect(options).toEqual(
      expect.arrayContaining([
        ['vi', 'Tiếng Việt'],
        ['ar', 'العربية'],
        ['de', 'Deutsch'],
        ['zh_CN', '简体中文'],
      ]),
    );
    expect(options).toHaveLength(13);
    expect(select.value).toBe('browser');
  });

  it('saves the language picked', async () => {
    render(<LanguageField value="browser" />, root);
    const select = root.querySelector('select')!;
    select.value = 'ar';
    await act(async () => {
      select.dispatchEvent(new Event('change'));
    });
    expect(sent).toEqual([{ type: 'settings.language', payload: { language: 'ar' } }]);
  });

  it('waits for the stored settings before it can be changed', () => {
    render(<LanguageField value={undefined} />, root);
    expect(root.querySelector('select')!.disabled).toBe(true);
  });
});
