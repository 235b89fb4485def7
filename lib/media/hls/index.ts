// Reading HLS playlists for the finder, the picker and the stream relay.
export { playlistLimits } from './limits';
export { estimateBytes, readPlaylist, segmentIv } from './read-playlist';
export * from './types';
