import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { visibleRange } from './virtualRange';

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  /** Viewport height in px. */
  height: number;
  label: string;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  overscan?: number;
}

export function VirtualList<T>({ items, rowHeight, height, label, keyOf, renderRow, overscan = 5 }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(height, Math.max(rowHeight, items.length * rowHeight));
  const { start, end } = visibleRange(scrollTop, viewport, rowHeight, items.length, overscan);
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    rows.push(
      <li
        key={keyOf(item)}
        aria-posinset={i + 1}
        aria-setsize={items.length}
        class="vrow"
        style={{ position: 'absolute', top: `${i * rowHeight}px`, insetInline: 0, height: `${rowHeight}px` }}
      >
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div
      class="vlist"
      style={{ height: `${viewport}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      <ul class="vitems" aria-label={label} style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        {rows}
      </ul>
    </div>
  );
}
