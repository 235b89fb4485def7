import type { StatsDay } from '../../../lib/hosts/types';
import { niceMax, polylinePoints } from './chartScale';
import { t, uiDirection, type MessageKey } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// Views, downloads and profit per day as an inline SVG: no chart library, and
// the same numbers as a table for screen readers. In a right-to-left language
// the chart is mirrored (time runs from the right, the scale on the right); its
// text stays upright.

export type Metric = 'views' | 'downloads' | 'profit';
const colors: Record<Metric, string> = { views: 'var(--accent)', downloads: 'var(--ok)', profit: 'var(--warn)' };
const metricKey: Record<Metric, MessageKey> = { views: 'acctMetricViews', downloads: 'acctMetricDownloads', profit: 'acctMetricProfit' };
export const metricName = (m: Metric) => t(metricKey[m]);
const W = 640;
const H = 180;
const PAD = { left: 44, bottom: 22, top: 8, right: 8 };
const RTL_PAD = { ...PAD, left: PAD.right, right: PAD.left };

export function StatsChart({ days, metrics }: { days: StatsDay[]; metrics: Metric[] }) {
  if (days.length === 0) return <p class="empty">{t('acctNoStats')}</p>;
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const rtl = uiDirection() === 'rtl';
  const pad = rtl ? RTL_PAD : PAD;
  const innerW = W - pad.left - pad.right;
  const innerH = H - pad.top - pad.bottom;
  // Where the oldest day is, and where the newest; the scale's side.
  const [oldest, newest] = rtl ? [innerW, 0] : [0, innerW];
  const [toStart, toEnd] = rtl ? (['end', 'start'] as const) : (['start', 'end'] as const);
  const top = niceMax(Math.max(...metrics.flatMap((m) => sorted.map((d) => d[m]))));
  const label = t('acctChartOf', [metrics.map(metricName).join(', '), sorted[0].day, sorted[sorted.length - 1].day]);
  return (
    <figure style={{ margin: 0 }}>
      {/* Placed by coordinates (direction ltr keeps text-anchor literal in either language). */}
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ direction: 'ltr' }}>
        <g transform={`translate(${pad.left},${pad.top})`}>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={0} x2={innerW} y1={innerH * (1 - f)} y2={innerH * (1 - f)} stroke="var(--line)" />
              <text x={rtl ? innerW + 6 : -6} y={innerH * (1 - f) + 3} text-anchor={toEnd} data-tick>
                {formatTick(top * f)}
              </text>
            </g>
          ))}
          <text x={oldest} y={innerH + 16} text-anchor={toStart} data-day="first">
            {sorted[0].day}
          </text>
          <text x={newest} y={innerH + 16} text-anchor={toEnd} data-day="last">
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
                rtl,
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
