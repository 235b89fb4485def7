import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetLinkSettings, loadLinkSettings } from '../../../components/hooks/linkSettings';

// Every finished row shows "Copy as" in the user's format: the rows of one
// render share one question to the background.

const settings = { format: 'bbcode', perAccount: {}, template: '' };

function countAsks(answer: () => Promise<unknown>): string[] {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push((message as { type: string }).type);
    return answer();
  });
  return asked;
}

describe('loadLinkSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetLinkSettings();
  });

  it('asks once for 200 rows rendered together, and again once the answer is old', async () => {
    const asked = countAsks(() => Promise.resolve({ ok: true, data: settings }));
    const answers = await Promise.all(Array.from({ length: 200 }, () => loadLinkSettings(1_000)));
    expect(asked).toEqual(['settings.links']);
    expect(answers.every((a) => a.format === 'bbcode')).toBe(true);
    await loadLinkSettings(4_000);
    expect(asked).toHaveLength(1);
    await loadLinkSettings(7_000);
    expect(asked).toHaveLength(2);
  });

  it('asks again after a failed answer and after the page changed the defaults', async () => {
    let fail = true;
    const asked = countAsks(() => Promise.resolve(fail ? { ok: false, error: { code: 'server', message: 'down' } } : { ok: true, data: settings }));
    await expect(loadLinkSettings(1_000)).rejects.toThrow();
    fail = false;
    await expect(loadLinkSettings(1_001)).resolves.toMatchObject({ format: 'bbcode' });
    forgetLinkSettings();
    await loadLinkSettings(1_002);
    expect(asked).toHaveLength(3);
  });
});
