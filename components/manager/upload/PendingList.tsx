import { useState } from 'preact/hooks';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { t } from '../../../lib/i18n';
import { PendingBatchBar } from './PendingBatchBar';
import { PendingRow } from './PendingRow';
import { applyBatch, type PendingFile } from './pending';

// The files picked but not queued: a batch bar, then one compact row each.

interface Props {
  pending: PendingFile[];
  host: UploadHostInfo | undefined;
  accountId: string | undefined;
  problemsOf(item: PendingFile): string[];
  onChange(next: PendingFile[]): void;
}

export function PendingList({ pending, host, accountId, problemsOf, onChange }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Keys of files no longer listed drop out, so counts stay true.
  const chosen = new Set(pending.filter((p) => selected.has(p.key)).map((p) => p.key));
  const toggle = (set: ReadonlySet<string>, key: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };
  const allChosen = pending.length > 0 && chosen.size === pending.length;
  return (
    <>
      <PendingBatchBar
        host={host}
        accountId={accountId}
        selectedCount={chosen.size}
        total={pending.length}
        onApply={(patch, to) => onChange(applyBatch(pending, to === 'all' ? 'all' : chosen, patch))}
      />
      <div class="pending-line pending-head small muted">
        <input
          type="checkbox"
          aria-label={t('upSelectAll')}
          checked={allChosen}
          ref={(el) => {
            if (el) el.indeterminate = chosen.size > 0 && !allChosen;
          }}
          onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(pending.map((p) => p.key)) : new Set())}
        />
        <span>{t('upColName')}</span>
        <span>{t('upColSize')}</span>
        <span>{t('upTitle')}</span>
        <span>{t('upColStatus')}</span>
        <span />
        <span />
      </div>
      <ul class="list pending-list" aria-label={t('upPendingList')}>
        {pending.map((item) => (
          <PendingRow
            key={item.key}
            item={item}
            host={host}
            accountId={accountId}
            selected={chosen.has(item.key)}
            open={open.has(item.key)}
            problems={problemsOf(item)}
            onSelect={(on) => setSelected((set) => toggle(set, item.key, on))}
            onToggle={() => setOpen((set) => toggle(set, item.key, !set.has(item.key)))}
            onChange={(next) => onChange(pending.map((x) => (x.key === item.key ? next : x)))}
            onRemove={() => onChange(pending.filter((x) => x.key !== item.key))}
          />
        ))}
      </ul>
    </>
  );
}
