import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatsChart } from '../../../components/manager/account/StatsChart';
import { chooseLanguage } from '../../../lib/i18n';
import { html } from '../i18n/helpers';

// The stats chart reads time from the left in English and from the right in
// Arabic, its scale on the reading side's start, its text upright.

const dir = join(__dirname, '../../../public/_locales');
const days = [
  { day: '2026-01-01', views: 0, downloads: 0, profit: 0 },
  { day: '2026-01-02', views: 40, downloads: 0, profit: 0 },
  { day: '2026-01-03', views: 100, downloads: 0, profit: 0 },
];
const chartOf = () => html(<StatsChart days={days} metrics={['views']} />);
const placed = (chart: HTMLElement, selector: string) => {
  const el = chart.querySelector(selector)!;
  return { x: Number(el.getAttribute('x')), anchor: el.getAttribute('text-anchor') ?? 'start' };
};
const firstPointX = (chart: HTMLElement) => Number(chart.querySelector('polyline')!.getAttribute('points')!.split(' ')[0]!.split(',')[0]);

afterEach(async () => {
  await chooseLanguage('browser');
  vi.unstubAllGlobals();
});

describe('StatsChart', () => {
  it('runs from the left in a left-to-right language', () => {
    const chart = chartOf();
    expect(placed(chart, '[data-day="first"]')).toEqual({ x: 0, anchor: 'start' });
    expect(placed(chart, '[data-day="last"]')).toEqual({ x: 588, anchor: 'end' });
    expect(placed(chart, '[data-tick]').anchor).toBe('end');
    expect(firstPointX(chart)).toBe(0);
    expect(chart.querySelector('g')!.getAttribute('transform')).toBe('translate(44,8)');
  });

  it('is mirrored in Arabic: the first day and the first point on the right, the scale on the right', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => new Response(readFileSync(join(dir, /_locales\/([^/]+)\//.exec(url)![1]!, 'messages.json'), 'utf8'))),
    );
    await chooseLanguage('ar');
    const chart = chartOf();
    expect(placed(chart, '[data-day="first"]')).toEqual({ x: 588, anchor: 'end' });
    expect(placed(chart, '[data-day="last"]')).toEqual({ x: 0, anchor: 'start' });
    expect(placed(chart, '[data-tick]')).toEqual({ x: 594, anchor: 'start' });
    expect(firstPointX(chart)).toBe(588);
    expect(chart.querySelector('g')!.getAttribute('transform')).toBe('translate(8,8)');
  });
});
