import type { StatsDay } from '../../../lib/hosts/types';
import { niceMax, polylinePoints } from './chartScale';
import { t, type MessageKey } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// Views, downloads and profit per day as an inline SVG: no chart library, and
// the same numbers as a table for screen readers.

export type Metric = 'views' | 'downloads' | 'profit';
const colors: Record<Metric, string> = { views: 'var(--accent)', downloads: 'var(--ok)', profit: 'var(--warn)' };
const metricKey: Record<Metric, MessageKey> = { views: 'acctMetricViews', downloads: 'acctMetricDownloads', profit: 'acctMetricProfit' };
export const metricName = (m: Metric) => t(metricKey[m]);
const W = 640;
const H = 180;
const PAD = { left: 44, bottom: 22, top: 8, right: 8 };

export function StatsChart({ days, metrics }: { days: StatsDay[]; metrics: Metric[] }) {
  if (days.length === 0) return <p class="empty">{t('acctNoStats')}</p>;
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const top = niceMax(Math.max(...metrics.flatMap((m) => sorted.map((d) => d[m]))));
  const label = t('acctChartOf', [metrics.map(metricName).join(', '), sorted[0].day, sorted[sorted.length - 1].day]);
  return (
    <figure style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={0} x2={innerW} y1={innerH * (1 - f)} y2={innerH * (1 - f)} stroke="var(--line)" />
              <text x={-6} y={innerH * (1 - f) + 3} text-anchor="end">
                {formatTick(top * f)}
              </text>
            </g>
          ))}
          <text x={0} y={innerH + 16}>
            {sorted[0].day}
          </text>
          <text x={innerW} y={innerH + 16} text-anchor="end">
            {sorted[sorted.length - 1].day}
          </text>
          {metrics.map((m) => (
            <polyline
              key={m}
              data-metric={m}
              fill="none"
              stroke={colors[m]}
              stroke-width={2}
              points={polylinePoints(
                sorted.map((d) => d[m]),
                innerW,
                innerH,
                top,
              )}
            />
          ))}
        </g>
      </svg>
      <figcaption class="row small">
        {metrics.map((m) => (
          <span key={m}>
            <span style={{ color: colors[m] }}>■</span> {t('acctMetricTotal', [metricName(m), total(sorted, m)])}
          </span>
        ))}
      </figcaption>
      <details>
        <summary class="small">{t('acctShowTable')}</summary>
        <table class="small" aria-label={t('acctStatsByDay')}>
          <thead>
            <tr>
              <th scope="col">{t('acctDay')}</th>
              <th scope="col">{t('acctViews')}</th>
              <th scope="col">{t('acctDownloads')}</th>
              <th scope="col">{t('acctProfit')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.views}</td>
                <td>{d.downloads}</td>
                <td>{d.profit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function total(days: StatsDay[], m: Metric): string {
  const sum = days.reduce((s, d) => s + (Number.isFinite(d[m]) ? d[m] : 0), 0);
  return m === 'profit' ? localNumber(sum, undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : localNumber(Math.round(sum));
}

/** An axis label, short as the language writes it: "12K", "1,5 Mio.". */
function formatTick(n: number): string {
  return localNumber(n, undefined, { notation: 'compact', maximumFractionDigits: 2 });
}
