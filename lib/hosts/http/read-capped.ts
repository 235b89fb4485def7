// Every reply is read as a stream and given up past a cap: a host (or a page
// posing as one) can send without end, and reading that whole would fill the
// worker's memory before any timeout fires. The cap is far above the largest
// honest reply (a file-list page of 1,000 files is well under 1 MB).

/** The most any API reply may hold. */
export const replyCapBytes = 8 * 1024 * 1024;

export class ReplyTooLarge extends Error {
  constructor(readonly capBytes: number) {
    super(`reply larger than ${Math.round(capBytes / 1024 / 1024)} MB`);
  }
}

/** The body as text, or ReplyTooLarge once more than `capBytes` have come (the rest is not read). */
export async function readCapped(response: Response, capBytes: number = replyCapBytes): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > capBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new ReplyTooLarge(capBytes);
  }
  if (!response.body) {
    const text = await response.text();
    if (text.length > capBytes) throw new ReplyTooLarge(capBytes);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > capBytes) {
      void reader.cancel().catch(() => undefined);
      throw new ReplyTooLarge(capBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
