import { unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FormError, type ReceivedForm, type ReceivedPart, receiveMultipart } from './multipart';
import type { SimState } from './state';
import type { SimAccount, SimFile } from './types';

// The steps every host's one-file upload POST shares: read the form, then keep
// its file part as a new file of the account. What a host checks in between,
// and how it words its answers, is its own.

/** The multipart form, or undefined once it is answered: `unreadable(message)` for a malformed form (an aborted one gets no answer). */
export async function receiveUploadForm(
  req: IncomingMessage,
  res: ServerResponse,
  dataDir: string,
  unreadable: (message: string) => void,
): Promise<ReceivedForm | undefined> {
  try {
    return await receiveMultipart(req, dataDir);
  } catch (err) {
    if (err instanceof FormError && !res.destroyed) unreadable(err.message);
    return undefined;
  }
}

/** Keeps `part` as a new file of the account, encoding from now (the form's other parts removed), and records the upload. */
export async function landUpload(
  sim: SimState,
  account: SimAccount,
  form: ReceivedForm,
  part: ReceivedPart,
  init: Partial<SimFile> & { folderId: string },
): Promise<SimFile> {
  await Promise.all(form.parts.filter((p) => p !== part).map((p) => unlink(p.path).catch(() => undefined)));
  const file = sim.createFile(account, { title: part.filename, size: part.size, status: 'encoding', encodeStartedAt: Date.now(), path: part.path, ...init });
  sim.uploads.push({ hostId: account.hostId, fileCode: file.code, name: part.filename, size: part.size, fields: form.fields });
  return file;
}
