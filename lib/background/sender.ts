// Sender checks live beside the request/sender table (lib/protocol/senders.ts):
// the background and the uploader document share them.
export { isTrustedSender, senderKinds, currentSenderEnv, type SenderLike, type SenderKind, type SenderEnv } from '../protocol/senders';
