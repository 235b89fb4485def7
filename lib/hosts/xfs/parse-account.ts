import { asArray, asBoolean, asDate, asId, asNumber, asObject, asString, compact, pick } from '../coerce';
import { badShape } from '../shape';
import type { AccountInfo, StatsDay } from '../types';

/** "inf", -1 or any negative number mean unlimited storage. */
function storageLeft(value: unknown): number | null | undefined {
  if (typeof value === 'string' && /^\s*(inf|infinity|unlimited)\s*$/i.test(value)) return null;
  const n = asNumber(value);
  if (n === undefined) return undefined;
  return n < 0 ? null : n;
}

export function parseAccountInfo(result: unknown): AccountInfo {
  const o = asObject(result) ?? badShape('account info is not an object');
  return compact({
    login: asString(o.login),
    email: asString(o.email),
    balance: asNumber(o.balance),
    storageUsed: asNumber(o.storage_used),
    storageLeft: storageLeft(o.storage_left),
    premium: asBoolean(o.premium),
    // Some servers spell it "premim_expire".
    premiumExpire: asDate(pick(o, 'premium_expire', 'premim_expire')),
    filesTotal: asNumber(o.files_total),
  });
}

export function parseStats(result: unknown): StatsDay[] {
  // voe.sx keys the days by date; watching.vn documents the account-info
  // body here, whose values are no day rows: no days, not an error.
  const map = asObject(result);
  const rows = map
    ? Object.entries(map).map(([key, row]) => (asObject(row) ? { day: key, ...asObject(row) } : undefined))
    : (asArray(result) ?? badShape('stats are not a list'));
  const days: StatsDay[] = [];
  for (const row of rows) {
    const o = asObject(row);
    const day = o && asId(map ? o.day : pick(o, 'day', 'date'));
    if (!o || !day) continue;
    days.push(
      compact({
        day,
        views: asNumber(o.views) ?? 0,
        downloads: asNumber(o.downloads) ?? 0,
        profit: asNumber(pick(o, 'profit_total', 'profit')) ?? 0,
        sales: asNumber(o.sales),
        refs: asNumber(o.refs),
      }),
    );
  }
  return days;
}
