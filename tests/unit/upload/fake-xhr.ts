// A scripted XMLHttpRequest: the test drives progress, reply, drop and abort.

type Handler = ((event: ProgressEvent) => void) | null;

export class FakeXhr {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  body: FormData | undefined;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: Handler; onload: Handler } = { onprogress: null, onload: null };
  onload: Handler = null;
  onprogress: Handler = null;
  responseURL = '';
  onerror: Handler = null;
  onabort: Handler = null;

  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.({} as ProgressEvent);
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  reply(status: number, body: string, finalUrl = this.url) {
    this.upload.onload?.({} as ProgressEvent);
    this.status = status;
    this.responseText = body;
    this.responseURL = finalUrl;
    this.onload?.({} as ProgressEvent);
  }
  /** Reply bytes arriving (the response's own progress, not the upload's). */
  replying(loaded: number) {
    this.upload.onload?.({} as ProgressEvent);
    this.onprogress?.({ loaded, total: 0, lengthComputable: false } as ProgressEvent);
  }
  drop() {
    this.onerror?.({} as ProgressEvent);
  }
}
