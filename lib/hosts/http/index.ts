// What every API family uses to talk to its host: the request with its
// timeout, retries and redirect policy (transport.ts), and the reading of a
// reply's JSON, lenient about the slips hosts make (read-json.ts, lenient-json.ts).
export { createHttp, requestTimeoutMs, type Http, type HttpReply } from './transport';
export { readJson } from './read-json';
export { JsonSyntaxError, parseLenientJson } from './lenient-json';
