import { browser } from 'wxt/browser';
import { noticeEnvelope, type PageNotices, type PageNoticeType } from '../../protocol/notices';

// Tells every open extension page that something it shows changed; with no
// page open there is no one to tell, and that is no error.
export async function tellPages<T extends PageNoticeType>(type: T, payload: PageNotices[T]): Promise<void> {
  try {
    await browser.runtime.sendMessage(noticeEnvelope(type, payload));
  } catch {
    // "Receiving end does not exist": no page is open.
  }
}
