import { streamtapeImplements, streamtapePreset } from '../streamtape/define';

// Doc: https://streamtape.com/api (notes: docs/hosts/streamtape.com.md). Its
// own family: login + key on every call, {status, msg, result}. The
// document's examples show account/info, file/listfolder, file/createfolder
// and file/runningconverts; the reading of the live page adds
// file/ul (an upload URL per file), remotedl/add + remotedl/status,
// file/renamefolder, file/rename, file/move and file/delete: every endpoint
// the family's client calls. Watch links are /v/<linkid> as the examples
// show, embeds /e/<linkid>; the API is on api.streamtape.com, so the
// family's templates use {site}.
export const streamtapeCom = streamtapePreset({ id: 'streamtape.com', label: 'Streamtape', apiBase: 'https://api.streamtape.com' }, streamtapeImplements);
