import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagerTabs, panelId } from '../../../components/manager/ManagerTabs';

// The WAI-ARIA tabs pattern on the manager's tabs: one tab stop, arrows
// (mirrored right to left), Home and End, each tab naming the panel it controls.

const tabs = [
  { id: 'upload', label: 'Upload' },
  { id: 'files', label: 'Files' },
  { id: 'account', label: 'Account' },
  { id: 'history', label: 'History' },
];

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function Host() {
  const [selected, setSelected] = useState('files');
  return <ManagerTabs tabs={tabs} selected={selected} label="Sections" onSelect={setSelected} />;
}

function mount(dir?: 'rtl') {
  root = document.createElement('div');
  if (dir) root.setAttribute('dir', dir);
  document.body.append(root);
  act(() => render(<Host />, root));
}

const all = () => [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
const selected = () => all().find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
const focused = () => (document.activeElement as HTMLElement | null)?.textContent;

function press(key: string) {
  const from = (document.activeElement as HTMLElement | null) ?? all()[0];
  act(() => {
    from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function focusSelected() {
  all()
    .find((tab) => tab.tabIndex === 0)!
    .focus();
}

describe('ManagerTabs', () => {
  it('is one tab stop: the selected tab only, each tab naming its panel', () => {
    mount();
    expect(root.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Sections');
    expect(all().map((tab) => tab.tabIndex)).toEqual([-1, 0, -1, -1]);
    expect(all().map((tab) => tab.getAttribute('aria-controls'))).toEqual(tabs.map((tab) => panelId(tab.id)));
    expect(selected()).toBe('Files');
  });

  it('moves and selects with Right and Left, wrapping at both ends', () => {
    mount();
    focusSelected();
    press('ArrowRight');
    expect([selected(), focused()]).toEqual(['Account', 'Account']);
    expect(all().map((tab) => tab.tabIndex)).toEqual([-1, -1, 0, -1]);
    press('ArrowRight');
    press('ArrowRight');
    expect([selected(), focused()]).toEqual(['Upload', 'Upload']);
    press('ArrowLeft');
    expect([selected(), focused()]).toEqual(['History', 'History']);
  });

  it('goes to the first with Home and the last with End', () => {
    mount();
    focusSelected();
    press('End');
    expect([selected(), focused()]).toEqual(['History', 'History']);
    press('Home');
    expect([selected(), focused()]).toEqual(['Upload', 'Upload']);
  });

  it('mirrors the arrows in a right-to-left page', () => {
    mount('rtl');
    focusSelected();
    press('ArrowLeft');
    expect([selected(), focused()]).toEqual(['Account', 'Account']);
    press('ArrowRight');
    press('ArrowRight');
    expect([selected(), focused()]).toEqual(['Upload', 'Upload']);
  });

  it('leaves other keys alone', () => {
    mount();
    focusSelected();
    press('ArrowDown');
    press('a');
    expect([selected(), focused()]).toEqual(['Files', 'Files']);
  });
});
