import { browser } from 'wxt/browser';
import { admit, type Reply } from '../../protocol/route';
import { senderKinds, uploaderDocumentSenders, type SenderLike } from '../../protocol/senders';
import { uploaderCommandChecks, type UploaderCommands, type UploaderCommandType } from '../../protocol/uploader';
import { serveFiles } from './file-inbox';
import { markedSpoolLifeMs, memorySpool, opfsSpool } from './spool';
import { workerSpool } from './spool-client';
import { createUploader, type Uploader, type UploaderDeps } from './uploader';

// Runs the uploader in Chrome's offscreen document (Firefox's event page runs
// it without messages: lib/upload/background/in-background.ts). Its one runtime channel is the uploader protocol
// (lib/protocol/uploader.ts), admitted by the same rules as the background's
// requests: only the background may send commands. Commands are answered only
// when this uploader has something to say (see Uploader), so a second
// uploader that holds the job can answer instead.

const sweepEveryMs = 30_000;

const table = { checks: uploaderCommandChecks, senders: uploaderDocumentSenders };

type CommandHandlers = { [T in UploaderCommandType]: (payload: UploaderCommands[T]) => unknown };

export function commandHandlers(uploader: Pick<Uploader, 'start' | 'alive' | 'cancel'>): CommandHandlers {
  return {
    'uploader.start': ({ job }) => uploader.start(job),
    'uploader.alive': ({ jobIds }) => uploader.alive(jobIds),
    'uploader.cancel': ({ jobId }) => uploader.cancel(jobId),
  };
}

/** Synchronous, so a command this uploader has nothing to say about gets no answer at all. */
export function routeCommand(handlers: CommandHandlers, message: unknown, sender: SenderLike, kinds = senderKinds(sender)): Reply<unknown> | undefined {
  const verdict = admit(table, message, kinds, { unknownTypes: 'ignore', refusal: 'Refused: only the VidRelay background commands the uploader.' });
  if (verdict.kind === 'not-ours') return undefined;
  if (verdict.kind === 'refused') return verdict.reply;
  const data = (handlers[verdict.type as UploaderCommandType] as (payload: unknown) => unknown)(verdict.payload);
  return data === undefined ? undefined : { ok: true, data };
}

const sendReport: UploaderDeps['send'] = async (type, payload) => (await browser.runtime.sendMessage({ vidrelay: 1, type, payload })) as never;

export function startUploaderDocument(options: { reportIdle: boolean }): Uploader {
  const spool = workerSpool(opfsSpool() ?? memorySpool());
  // A closed document may have left half-downloaded relays behind; a stream relay's marked spool stays for its next run.
  void spool.clear(markedSpoolLifeMs);
  const uploader = createUploader({ send: sendReport, spool });
  const handlers = commandHandlers(uploader);
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderLike) => {
    const reply = routeCommand(handlers, message, sender);
    return reply === undefined ? undefined : Promise.resolve(reply);
  });
  serveFiles(uploader);
  if (options.reportIdle) setInterval(() => void uploader.sweep(), sweepEveryMs);
  return uploader;
}
