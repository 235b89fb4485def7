import { browser } from 'wxt/browser';

// Notifications carry job ids so a click can open the job; text never holds a key.
export async function notify(id: string, title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message: message.slice(0, 300),
    });
  } catch (error) {
    console.warn('VidRelay: notification failed', String(error));
  }
}
