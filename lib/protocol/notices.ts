import type { SenderKind } from './route';
import { senderKinds, type SenderEnv, type SenderLike } from './senders';

// Notices: what the background tells every open extension page on its own
// (runtime.sendMessage), when something a page shows changed. No answer is
// wanted, and no page need be open. Zod-free: pages import it. A notice is
// no request envelope (it has no `vidrelay` mark), so the background's and
// the uploader's routers never take one for theirs.

export interface PageNotices {
  /** An account was added, changed or removed: ask again for the list. */
  'accounts.changed': Record<string, never>;
}

export type PageNoticeType = keyof PageNotices;

/** Who may send each notice: the background only. */
const pageNoticeSenders: Record<PageNoticeType, readonly SenderKind[]> = {
  'accounts.changed': ['background'],
};

interface NoticeEnvelope<T extends PageNoticeType = PageNoticeType> {
  vidrelayNotice: 1;
  type: T;
  payload: PageNotices[T];
}

export function noticeEnvelope<T extends PageNoticeType>(type: T, payload: PageNotices[T]): NoticeEnvelope<T> {
  return { vidrelayNotice: 1, type, payload };
}

/** The notice's type when `message` is one its sender may send (the background only), else undefined. */
export function noticeOf(message: unknown, sender: SenderLike, env?: SenderEnv): PageNoticeType | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { vidrelayNotice, type } = message as Partial<NoticeEnvelope>;
  if (vidrelayNotice !== 1 || typeof type !== 'string' || !Object.hasOwn(pageNoticeSenders, type)) return undefined;
  const kinds = senderKinds(sender, env);
  return pageNoticeSenders[type].some((kind) => kinds.has(kind)) ? type : undefined;
}
