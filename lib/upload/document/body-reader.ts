// Reading a fetch body into the caller's own buffers, where the browser allows it.

/** A BYOB reader of a fetch body, or undefined where the browser offers none (the body is then still unlocked). */
export function byobReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | undefined {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}
