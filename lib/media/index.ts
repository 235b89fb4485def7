// The video finder contract (DESIGN.md). Kept free of extension APIs so it can
// be imported by the injected finder and by tests outside an extension;
// the tab-injection helper lives in ./inject.
export { findVideos } from './find-videos';
export { isUploadableUrl, type UploadableCheck } from './uploadable';
export { findOptionsFor, pickSource, urlsInText, type ContextClickInfo } from './pick-source';
export { videoKinds, videoSources, type FindVideosOptions, type FoundVideo, type VideoKind, type VideoSource } from './types';
