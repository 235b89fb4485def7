import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JobList } from '../../../components/shared/JobList';
import { CopyButton } from '../../../components/shared/CopyButton';
import { ErrorNote } from '../../../components/shared/ErrorNote';
import { AccountPicker } from '../../../components/shared/AccountPicker';
import { SendUrlsForm } from '../../../components/popup/SendUrlsForm';
import type { Job } from '../../../lib/queue/model/job';
import type { PublicAccount } from '../../../lib/accounts';
import { html, switchLocale } from './helpers';

// The popup, the shared job list and the manager's frame: every key they use
// exists in both locales, English stays exactly as before, German shows up.

const root = join(__dirname, '../../..');
const load = (lang: string) => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const de = load('de');

const files = [
  'components/popup/PopupApp.tsx',
  'components/popup/SendUrlsForm.tsx',
  'components/shared/JobList.tsx',
  'components/shared/CopyButton.tsx',
  'components/shared/AccountPicker.tsx',
  'components/shared/ErrorNote.tsx',
  'components/manager/ManagerApp.tsx',
  'components/manager/views.ts',
];

/** Quoted message keys in a source file: t('…') calls and key tables alike. */
function keysIn(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/'((?:common|popup|job|mgr)[A-Z]\w*)'/g)].map((m) => m[1]);
}

const base = { createdAt: 1, updatedAt: 1, attempts: 0, options: {}, kind: 'remote' as const, accountId: 'a', url: 'https://src.example/v.mp4' };
const jobs: Job[] = [
  { ...base, id: 'j1', kind: 'relay', url: 'https://src.example/holiday.mp4', state: 'uploading', title: 'holiday.mp4', bytesSent: 4096, bytesTotal: 8192 },
  { ...base, id: 'j2', state: 'failed', title: 'concert.mp4', accountId: 'gone' },
  { ...base, id: 'j3', state: 'ready', title: 'talk.mp4', links: { watch: 'https://media.example/w3' } },
];
const accounts = [{ id: 'a', label: 'Media main', hostId: 'media.cm', enabled: true }] as PublicAccount[];

afterEach(() => vi.restoreAllMocks());

describe('popup, job list and manager frame translations', () => {
  it('every key those files use exists, non-empty, in English and German', () => {
    const used = new Set(files.flatMap(keysIn));
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
      expect(de[key]?.message, `de ${key}`).toBeTruthy();
    }
  });

  it('English and German have the same key set', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the English text exactly as before when there is no translation', () => {
    const el = html(<JobList jobs={jobs} accounts={accounts} onRetry={() => {}} onRemove={() => {}} />);
    expect([...el.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Uploading', 'Failed', 'Ready']);
    expect(el.querySelector('.small.muted:has(progress)')?.textContent).toBe(' 50% · 4.0 kB of 8.0 kB');
    expect(el.querySelector('progress')?.getAttribute('aria-label')).toBe('holiday.mp4 upload progress');
    expect(el.textContent).toContain('removed account');
    expect(el.querySelector('ul')?.getAttribute('aria-label')).toBe('Jobs');
    const buttons = [...el.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toContain('Copy link');
    expect(buttons).toContain('Retry');
    expect(buttons).toContain('Remove');
    expect(html(<JobList jobs={[]} />).textContent).toBe('Nothing sent yet.');
    expect(html(<ErrorNote error={{ code: 'auth', message: 'Key refused.' }} />).textContent).toBe('Key refused. Check the API key (and login) in Options.');
  });

  it('shows German when the browser is German', () => {
    switchLocale(de);
    const el = html(<JobList jobs={jobs} accounts={accounts} onRetry={() => {}} onRemove={() => {}} />);
    expect([...el.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Lädt hoch', 'Fehlgeschlagen', 'Fertig']);
    expect(el.textContent).toContain('50 % · 4.0 kB von 8.0 kB');
    expect(el.textContent).toContain('entferntes Konto');
    const buttons = [...el.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Link kopieren', 'Erneut versuchen', 'Entfernen']));
    expect(
      html(<CopyButton text="https://x.example" />)
        .querySelector('button')
        ?.getAttribute('aria-label'),
    ).toBe('Link kopieren');
    expect(html(<AccountPicker id="p" accounts={accounts} value="a" onChange={() => {}} />).querySelector('label')?.textContent).toBe('Konto');
    expect(html(<ErrorNote error={{ code: 'network', message: 'Down.' }} />).textContent).toBe('Down. Prüfen Sie die API-Basis-URL und Ihre Verbindung.');
  });

  it.each([
    [undefined, 1, 'Sent 1 URL.\nNot sent: blob:x — Hosts can only fetch http:// or https:// links.'],
    [undefined, 3, 'Sent 3 URLs.\nNot sent: blob:x — Hosts can only fetch http:// or https:// links.'],
    ['de', 1, '1 URL gesendet.\nNicht gesendet: blob:x — Hosts can only fetch http:// or https:// links.'],
    ['de', 3, '3 URLs gesendet.\nNicht gesendet: blob:x — Hosts can only fetch http:// or https:// links.'],
  ] as const)('words the send result for one and for many (%s, %i sent)', async (lang, sent, expected) => {
    if (lang) switchLocale(de);
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; payload: { urls: string[] } }) => {
      if (message.type !== 'remote.send') return undefined;
      const data = {
        jobs: Array.from({ length: sent }, (_, i) => ({ ...base, id: `s${i}`, state: 'queued' })),
        refused: [{ url: 'blob:x', reason: 'Hosts can only fetch http:// or https:// links.' }],
      };
      return Promise.resolve({ ok: true, data });
    }) as never);
    const el = html(<SendUrlsForm accounts={accounts} onSent={() => {}} />);
    const box = el.querySelector('textarea')!;
    box.value = 'https://cdn.example/a.mp4\nblob:x';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(el.querySelector('[role="status"]')?.textContent).toBe(expected));
    expect(el.querySelector('label[for="urls"]')?.textContent).toBe(lang ? 'Video-URLs' : 'Video URLs');
  });

  it("asks for a URL in the reader's language when the box is empty", async () => {
    switchLocale(de);
    const el = html(<SendUrlsForm accounts={accounts} onSent={() => {}} />);
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(el.querySelector('[role="alert"]')?.textContent).toBe('Fügen Sie mindestens eine Video-URL ein, eine pro Zeile.'));
  });
});
