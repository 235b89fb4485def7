import type { UploaderDeps } from '../../../lib/upload/document/uploader';

/** A report as the tests read it: the request's short name beside its payload. */
export type Report = { type: string } & Record<string, unknown>;

/** The uploader's `send`, recording each report and answering with `answer`'s data (a throw stays a throw). */
export function fakeSend(answer: (report: Report) => unknown, reports: Report[] = []): UploaderDeps['send'] {
  return (async (type: string, payload: object) => {
    const report: Report = { type: type.replace(/^uploaderReport\./, ''), ...payload };
    reports.push(report);
    return { ok: true, data: await answer(report) };
  }) as UploaderDeps['send'];
}
