import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyAs } from '../../../components/shared/CopyAs';
import { UploadJobRow } from '../../../components/manager/upload/UploadJobRow';
import { FileRow } from '../../../components/manager/files/FileRow';
import { MirrorLinks } from '../../../components/shared/MirrorLinks';
import { StatsChart } from '../../../components/manager/account/StatsChart';
import { describeCandidate } from '../../../components/picker/describe';
import { capabilityWords } from '../../../components/format/capabilityWords';
import { unavailable } from '../../../components/manager/files/capabilities';
import { snapshotProblem } from '../../../components/manager/upload/pending';
import type { UploadJob } from '../../../lib/queue/model/job';
import { deriveGroup } from '../../../lib/queue/model/group';
import type { ListedFile, AccountCapabilities } from '../../../lib/protocol/files';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { html, switchLocale } from './helpers';

// The manager's screens, the picker and the link tools: every key their files
// use exists in both locales, English stays as it was, German shows up.

const root = join(__dirname, '../../..');
const load = (lang: string) => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const de = load('de');

function walk(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [
  'components/shared/CopyAs.tsx',
  'components/format/linkItems.ts',
  'components/hooks/useToast.tsx',
  ...walk('components/manager/upload'),
  ...walk('components/manager/files'),
  ...walk('components/manager/account'),
  ...walk('components/picker'),
  'components/manager/HistoryView.tsx',
  'components/manager/ClearFinished.tsx',
  'components/shared/MirrorLinks.tsx',
  'components/format/capabilityWords.ts',
  'components/shared/FolderPicker.tsx',
  'components/format/fitWords.ts',
].map((f) => relative(root, join(root, f)));

const prefixes = /^(links|hist|up|pick|mirror|files|acct|cap|fit)[A-Z]/;
// A counted message (tn) names its base; the locale holds `<base>_one` and `<base>_other`.
const keysIn = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/'((?:links|hist|up|pick|mirror|files|acct|cap|job|fit)[A-Z]\w*)'/g)]
    .map((m) => m[1])
    .flatMap((key) => (!en[key] && en[`${key}_other`] ? [`${key}_one`, `${key}_other`] : [key]));

const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.textContent?.trim());

const job: UploadJob = {
  id: 'u1',
  kind: 'file',
  state: 'uploading',
  accountId: 'a',
  createdAt: 1,
  updatedAt: 1,
  attempts: 0,
  options: {},
  file: { name: 'talk.mp4', size: 8192, type: 'video/mp4', lastModified: 1 },
  bytesSent: 4096,
  bytesTotal: 8192,
} as UploadJob;

const file = {
  fileCode: 'abc123',
  title: 'Holiday',
  status: 'ready',
  views: 12,
  links: { watch: 'https://media.example/w/abc123', embed: 'https://media.example/e/abc123' },
} as ListedFile;

const caps = {
  hostLabel: 'vipstream.cc',
  capabilities: ['listFiles'],
  editFields: [],
  folderEditFields: [],
  adultFlag: false,
} as unknown as AccountCapabilities;

afterEach(() => vi.restoreAllMocks());

describe('manager screens, picker and link tools translations', () => {
  it('covers every file it owns', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('every key those files use exists, non-empty, in English and German', () => {
    const used = new Set(files.flatMap(keysIn));
    expect(used.size).toBeGreaterThan(250);
    for (const key of used) {
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
      expect(de[key]?.message, `de ${key}`).toBeTruthy();
    }
  });

  it('ships no unused key under these prefixes', () => {
    const used = new Set(files.flatMap(keysIn));
    const unused = Object.keys(en).filter((key) => prefixes.test(key) && !used.has(key));
    expect(unused).toEqual([]);
  });

  it('keeps the English text exactly as before', () => {
    const copy = html(<CopyAs idPrefix="t" count={2} items={() => []} notify={() => {}} />);
    expect(buttons(copy)).toEqual(['Copy links', 'Export links', 'Make default']);
    expect(copy.querySelector('label')?.textContent).toBe('Link format');
    expect(copy.querySelector('fieldset')?.getAttribute('aria-label')).toBe('Copy links');
    expect([...copy.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Plain links',
      'Embed (iframe)',
      'BBCode',
      'HTML',
      'Markdown',
      'Custom template',
    ]);

    const row = html(
      <ul>
        <UploadJobRow job={job} accountLabel="Media main" onCancel={() => {}} onRetry={() => {}} onRemove={() => {}} onReattach={() => {}} />
      </ul>,
    );
    expect(row.querySelector('.badge')?.textContent).toBe('Uploading');
    expect(row.querySelector('[data-field=bytes]')?.textContent).toBe('4.0 kB of 8.0 kB');
    expect(row.querySelector('[data-field=eta]')?.textContent).toBe('ETA —');
    expect(row.querySelector('progress')?.getAttribute('aria-label')).toBe('talk.mp4 progress');
    expect(row.querySelector('button')?.getAttribute('aria-label')).toBe('Cancel talk.mp4');

    const frow = html(<FileRow file={file} selected={false} health="dmca" folders={[]} onToggle={() => {}} onOpen={() => {}} />);
    expect(frow.querySelector('input')?.getAttribute('aria-label')).toBe('Select Holiday');
    expect(frow.querySelector('[title=Views]')?.textContent).toBe('12 views');
    expect(frow.querySelector('[data-field=health]')?.textContent).toBe('DMCA');

    const chart = html(<StatsChart days={[{ day: '2026-01-01', views: 3, downloads: 1, profit: 0.5 }]} metrics={['views', 'profit']} />);
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toBe('Chart of views, profit from 2026-01-01 to 2026-01-01');
    expect(chart.querySelector('figcaption')?.textContent).toBe('■ views: 3■ profit: 0.50');

    expect(describeCandidate({ url: 'https://cdn.example/v/clip.mp4', kind: 'file', source: 'og:video' } as never).details).toBe(
      'video file · page metadata (og:video)',
    );
    expect(capabilityWords.deleteFiles).toBe('file deletion');
    expect(unavailable(caps, 'deleteFiles')).toBe('Not available on vipstream.cc: its API has no file deletion.');
    const host = { label: 'Media', snapshots: true, snapshotMaxBytes: 1024 } as UploadHostInfo;
    expect(snapshotProblem(new File([new Uint8Array(2048)], 'a.png', { type: 'image/png' }), host)).toBe(
      'This image is 2.0 kB; Media accepts snapshots up to 1.0 kB. Choose a smaller image.',
    );
  });

  it('shows German when the browser is in German', () => {
    switchLocale(de);
    const copy = html(<CopyAs idPrefix="t" count={2} items={() => []} notify={() => {}} />);
    expect(buttons(copy)).toEqual(['Links kopieren', 'Links exportieren', 'Als Standard festlegen']);
    expect(copy.querySelector('label')?.textContent).toBe('Linkformat');

    const row = html(
      <ul>
        <UploadJobRow job={job} accountLabel="Media main" onCancel={() => {}} onRetry={() => {}} onRemove={() => {}} onReattach={() => {}} />
      </ul>,
    );
    expect(row.querySelector('.badge')?.textContent).toBe('Wird hochgeladen');
    expect(row.querySelector('[data-field=bytes]')?.textContent).toBe('4.0 kB von 8.0 kB');
    expect(buttons(row)).toEqual(['Abbrechen']);

    const links = html(<MirrorLinks group={deriveGroup('m', [{ ...job, group: { id: 'm', index: 0 } }])} />);
    expect(links.querySelector('ul')?.getAttribute('aria-label')).toBe('Spiegel-Links');

    expect(capabilityWords.deleteFiles).toBe('Löschen von Dateien');
    expect(unavailable(caps, 'deleteFiles')).toBe('Bei vipstream.cc nicht verfügbar: Die API bietet keine Funktion „Löschen von Dateien“.');
    expect(describeCandidate({ url: 'https://cdn.example/v/clip.mp4', kind: 'hls', source: 'link' } as never).details).toBe('HLS-Stream · Link auf der Seite');
  });
});
