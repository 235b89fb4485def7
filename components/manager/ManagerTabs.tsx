import type { JSX } from 'preact';

// The manager's section tabs, as the WAI-ARIA tabs pattern has them: one tab
// stop (the selected tab; the others take focus only from the arrows), Left and
// Right move to the previous and next tab and wrap (mirrored in a right-to-left
// page), Home and End go to the first and last. A tab is selected as it gets
// focus (automatic activation): every view shows at once and loads behind it.

interface TabItem {
  id: string;
  label: string;
}

interface Props {
  tabs: readonly TabItem[];
  selected: string;
  /** The tab list's name. */
  label: string;
  onSelect(id: string): void;
}

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

/** Whether the element lays out right to left (its own dir, an ancestor's, or the document's). */
function rightToLeft(el: Element): boolean {
  const dir = el.closest('[dir]')?.getAttribute('dir') ?? document.documentElement.dir;
  return dir.toLowerCase() === 'rtl';
}

/** The tab index a key moves to from `at` among `count` tabs, or undefined when the key is not one the pattern uses. */
function target(key: string, at: number, count: number, rtl: boolean): number | undefined {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return (at + 1) % count;
  if (key === back) return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

export function ManagerTabs({ tabs, selected, label, onSelect }: Props) {
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = target(event.key, at, tabs.length, rightToLeft(event.currentTarget));
    if (next === undefined) return;
    event.preventDefault();
    onSelect(tabs[next].id);
    event.currentTarget.querySelector<HTMLElement>(`#${tabId(tabs[next].id)}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="row" style={{ marginBottom: '12px' }} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const on = tab.id === selected;
        return (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={on}
            aria-controls={panelId(tab.id)}
            tabIndex={on ? 0 : -1}
            class={on ? 'primary' : ''}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
