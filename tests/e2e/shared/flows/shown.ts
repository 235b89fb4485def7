import { expect } from 'vitest';
import { css, role, type Ui } from '../driver/driver';

// What a screenshot must show, checked on the page before it is taken, the
// same in both suites: the colour scheme the page applied, and the content the
// seed (showcase.ts) or its absence leaves on it. Only the empty options page
// (shot in English) is checked by a translated text; the rest holds in German too.

export type Scheme = 'light' | 'dark';
export type ShownPage = 'popup' | 'options' | 'manager' | 'options-empty';

/** The page colours of each scheme (components/shared/base.css: --bg and --fg on the body). */
const schemeColours: Record<Scheme, { background: string; text: string }> = {
  light: { background: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' },
  dark: { background: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)' },
};

/** The page matched the scheme and its body took that scheme's colours. */
export async function expectScheme(ui: Ui, scheme: Scheme): Promise<void> {
  const applied = await ui.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { dark: matchMedia('(prefers-color-scheme: dark)').matches, background: style.backgroundColor, text: style.color };
  }, undefined);
  expect(applied).toEqual({ dark: scheme === 'dark', ...schemeColours[scheme] });
}

/** The content each page shows: after seedShowcase (two accounts, the second disabled; two URLs sent), or with no account. */
export async function expectContent(ui: Ui, page: ShownPage): Promise<void> {
  switch (page) {
    case 'popup':
      // The two sent URLs, as jobs.
      await expect.poll(() => ui.find(css('li[data-job-id]')).count()).toBe(2);
      return;
    case 'options':
      await expect.poll(() => ui.find(css('li', 'Media main')).count()).toBeGreaterThan(0);
      await expect.poll(() => ui.find(css('li', 'Media backup')).count()).toBeGreaterThan(0);
      expect(await ui.find(css('p.empty')).count()).toBe(0);
      return;
    case 'manager':
      expect(await ui.find(role('tab')).count()).toBe(4);
      expect(await ui.find(css('[role="tab"][aria-selected="true"]')).count()).toBe(1);
      // The Upload tab offers the enabled account.
      await expect.poll(() => ui.find(role('tabpanel'), css('*', 'Media main')).count()).toBeGreaterThan(0);
      return;
    case 'options-empty':
      await expect
        .poll(() => ui.find(css('p.empty')).text())
        .toBe('No accounts yet. Add one below: pick the host and paste the API key from your account settings there.');
      expect(await ui.find(role('list', 'Accounts')).count()).toBe(0);
      return;
  }
}
