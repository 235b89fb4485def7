import { t, type MessageKey } from '../../lib/i18n';
import type { FitCode, FitProblem } from '../../lib/accounts/upload-fit';

// A host-fit problem in the user's language (the background words it in English).

const keys: Record<FitCode, MessageKey> = {
  no_upload: 'fitNoUpload',
  empty: 'fitEmpty',
  not_video: 'fitNotVideo',
  too_big: 'fitTooBig',
  snapshot: 'fitSnapshot',
};

export function fitText(problem: FitProblem): string {
  return t(keys[problem.code], problem.subs);
}
