import { startUploaderHost } from '../../lib/upload/host';

// Chrome's offscreen document: it only hosts the uploader.
startUploaderHost({ reportIdle: true });
