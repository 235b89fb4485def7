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
  reply(status: number, body: string) {
    this.upload.onload?.({} as ProgressEvent);
    this.status = status;
    this.responseText = body;
    this.onload?.({} as ProgressEvent);
  }
  drop() {
    this.onerror?.({} as ProgressEvent);
  }
}
