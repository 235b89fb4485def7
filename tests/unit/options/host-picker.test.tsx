// The host list in Options: grouped by API family, searchable by name or by
// what a host offers, and saying for the chosen host what it offers, which
// credentials it wants and where its site shows the key.
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { HostPicker } from '../../../components/options/HostPicker';
import { KeyWhere } from '../../../components/options/KeyWhere';
import { hostGroups, matchesQuery, needsText, offersText } from '../../../components/options/hostFacts';
import { getPreset, hostPresets } from '../../../lib/hosts';
import type { HostId, HostPreset } from '../../../lib/hosts/types';
import { html, switchLocale } from '../i18n/helpers';
import de from '../../../public/_locales/de/messages.json';

const preset = (id: string) => getPreset(id)!;
const labels = (el: HTMLElement) => [...el.querySelectorAll('optgroup')].map((g) => g.label);
const options = (el: HTMLElement) => [...el.querySelectorAll('option')].map((o) => o.value);

/** The account form's part: the chosen host is state the picker changes. */
const chosen: HostId[] = [];
function Form() {
  const [hostId, setHostId] = useState<HostId>('media.cm');
  chosen.push(hostId);
  return <HostPicker value={hostId} onChange={setHostId} />;
}

function type(el: HTMLElement, text: string): void {
  const input = el.querySelector<HTMLInputElement>('#host-search')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('host facts', () => {
  it('groups the hosts by API family in registry order, the custom host last, names sorted inside', () => {
    const groups = hostGroups(hostPresets);
    expect(groups.map((g) => g.label)).toEqual(['XFileSharing API', 'megamax API', 'VidGuard API', 'Streamtape API', 'Mixdrop API', 'Other hosts']);
    expect(groups.flatMap((g) => g.presets)).toHaveLength(hostPresets.length);
    // Hosts the user gives the address of (custom XFS, custom Streamtape-compatible) come last.
    expect(groups.at(-1)!.presets.map((p) => p.id)).toEqual(['xfs', 'streamtape']);
    const names = groups[0]!.presets.map((p) => p.label.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('says what each host offers of file upload, remote upload, folders and statistics', () => {
    expect(offersText(preset('media.cm'))).toBe('Offers file uploads, remote upload by URL, folders, and statistics.');
    expect(offersText(preset('vidguard.to'))).toBe('Offers file uploads.');
    expect(offersText(preset('videovard.sx'))).toBe('Offers statistics.');
    expect(offersText(preset('upbolt.to'))).toBe('No uploads, remote upload, folders or statistics through its API.');
  });

  it('says which credentials a host wants', () => {
    expect(needsText(preset('vidguard.to'))).toBe('Needs the API key.');
    expect(needsText(preset('megamax.me'))).toBe('Needs the API login and key.');
    const mailHost: HostPreset = { ...preset('megamax.me'), loginKind: 'email' };
    expect(needsText(mailHost)).toBe('Needs the account’s e-mail address and the API key.');
  });

  it('finds hosts by name, id, family or offer, every word counting', () => {
    expect(hostPresets.filter((p) => matchesQuery(p, 'vidg')).map((p) => p.id)).toEqual(['vidguard.to']);
    expect(hostPresets.filter((p) => matchesQuery(p, 'RUBY')).map((p) => p.id)).toEqual(['streamruby.com']);
    const remote = hostPresets.filter((p) => matchesQuery(p, 'remote upload'));
    expect(remote.length).toBeGreaterThan(0);
    expect(remote.every((p) => p.capabilities.has('remoteUpload'))).toBe(true);
    expect(hostPresets.filter((p) => matchesQuery(p, 'megamax folders'))).toEqual([]);
    expect(hostPresets.filter((p) => matchesQuery(p, '  ')).length).toBe(hostPresets.length);
  });

  it('speaks German, searching the German words', () => {
    switchLocale(de);
    expect(offersText(preset('vidguard.to'))).toBe('Bietet Datei-Uploads.');
    expect(hostGroups(hostPresets).at(-1)!.label).toBe('Andere Hoster');
    expect(matchesQuery(preset('upstream.to'), 'remote-upload')).toBe(true);
  });
});

describe('HostPicker', () => {
  it('keeps the select labelled "Host" with one option per preset in family groups, and describes the chosen host', () => {
    const el = html(<HostPicker value="media.cm" onChange={() => undefined} />);
    const select = el.querySelector<HTMLSelectElement>('select#host')!;
    expect(el.querySelector('label[for="host"]')!.textContent).toBe('Host');
    expect(labels(el)).toEqual(['XFileSharing API', 'megamax API', 'VidGuard API', 'Streamtape API', 'Mixdrop API', 'Other hosts']);
    expect(options(el).sort()).toEqual(hostPresets.map((p) => p.id).sort());
    expect(el.querySelector('option[value="xfs"]')!.textContent).toBe('Custom XFileSharing host');
    expect(el.querySelector('option[value="vidguard.to"]')!.getAttribute('title')).toBe('Offers file uploads.');
    expect(select.getAttribute('aria-describedby')).toBe('host-about');
    expect(el.querySelector('#host-about')!.textContent).toBe('Offers file uploads, remote upload by URL, folders, and statistics. Needs the API key.');
    // The search box's name must not contain "Host": the e2e page objects find the select by that label.
    expect(el.querySelector('label[for="host-search"]')!.textContent).not.toMatch(/host/i);
  });

  it('narrows the options as the user types and picks the first match when the chosen host drops out', async () => {
    chosen.length = 0;
    const el = html(<Form />);
    type(el, 'vinovo');
    await vi.waitFor(() => expect(options(el)).toEqual(['vinovo.si']));
    expect(chosen.at(-1)).toBe('vinovo.si');
    expect(el.querySelector<HTMLSelectElement>('#host')!.value).toBe('vinovo.si');
    expect(el.querySelector('#host-about')!.textContent).toBe('Offers statistics. Needs the API key.');
  });

  it('keeps the chosen host when it still matches, and says when nothing matches', async () => {
    const onChange = vi.fn();
    const el = html(<HostPicker value="media.cm" onChange={onChange} />);
    type(el, 'media');
    await vi.waitFor(() => expect(options(el)).toEqual(['media.cm']));
    type(el, 'zzz');
    await vi.waitFor(() => expect(el.querySelector('[aria-live]')!.textContent).toBe('No host matches “zzz”.'));
    expect(options(el)).toEqual(['media.cm']);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not submit the form on Enter in the search box', () => {
    const el = html(<HostPicker value="media.cm" onChange={() => undefined} />);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    el.querySelector('#host-search')!.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
  });

  it('has no search while an account is edited (its host cannot change)', () => {
    const el = html(<HostPicker value={'vidguard.to' as HostId} disabled onChange={() => undefined} />);
    expect(el.querySelector('#host-search')).toBeNull();
    expect(el.querySelector<HTMLSelectElement>('#host')!.disabled).toBe(true);
    expect(el.querySelector('#host-about')!.textContent).toBe('Offers file uploads. Needs the API key.');
  });
});

describe('KeyWhere', () => {
  it('says where the host shows the key, with a link to that page when its document names one', () => {
    const el = html(<KeyWhere preset={preset('vinovo.si')} id="k" />);
    expect(el.textContent).toBe('On the host’s site, the key is under Dashboard → Settings. Open that page');
    const link = el.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual([
      'https://vinovo.si/dash/settings',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('is left out for a host whose document does not say', () => {
    expect(html(<KeyWhere preset={preset('media.cm')} id="k" />).textContent).toBe('');
  });
});
