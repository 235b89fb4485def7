import { streamtapeImplements, streamtapePreset } from '../streamtape/define';

// Any other host serving Streamtape's API (login + key, {status, msg,
// result}), as Nupload does: the user gives the base URL, and
// probeCapabilities finds which of the family's read-only endpoints it
// answers. Links as on Streamtape, on the API's site.
export const customStreamtape = streamtapePreset(
  {
    id: 'streamtape',
    label: 'Streamtape-compatible host',
    apiBase: '',
  },
  streamtapeImplements,
);
