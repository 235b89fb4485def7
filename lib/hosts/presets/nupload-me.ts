import { streamtapeImplements, streamtapePreset } from '../streamtape/define';

// Doc: https://nupload.me/pages/api.html (notes: docs/hosts/nupload.me.md):
// Streamtape's document word for word with api.nupload.me as the base. The
// stored copy reaches account/info only; the reading of the live page
// says Nupload serves the same API, so it gets Streamtape's set (every
// endpoint the family's client calls). No link pattern is shown: Streamtape's
// /v/ and /e/ are assumed (user-overridable).
export const nuploadMe = streamtapePreset({ id: 'nupload.me', label: 'Nupload', apiBase: 'https://api.nupload.me' }, streamtapeImplements);
