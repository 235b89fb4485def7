import type { LinkSettings } from '../../lib/protocol/files';
import { send } from '../../lib/messaging';

// The user's link formats, asked of the background once for all the rows a
// page shows at a time: a list of 200 finished uploads asked 200 times at
// its first render. An answer serves the rows rendered within a few seconds;
// after that the next row asks again (Options may have changed it).

const reuseMs = 5_000;
let pending: { at: number; answer: Promise<LinkSettings> } | undefined;

export function loadLinkSettings(now: number = Date.now()): Promise<LinkSettings> {
  if (pending && now - pending.at < reuseMs) return pending.answer;
  const answer = send('settings.links', {});
  pending = { at: now, answer };
  // A failed ask is not kept: the next row asks again.
  answer.catch(() => {
    if (pending?.answer === answer) pending = undefined;
  });
  return answer;
}

/** After the page changed the defaults itself, the next row asks again. */
export function forgetLinkSettings(): void {
  pending = undefined;
}
