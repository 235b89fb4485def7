import { startUploaderDocument } from '../../lib/upload/document/uploader-document';

// Chrome's offscreen document: it only runs the uploader.
startUploaderDocument({ reportIdle: true });
