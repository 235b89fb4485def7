import type { FileJob } from '../model/job';
import { uploadDriver } from './upload';

// A file the user picked, sent by the uploader. Cut by a restart, it waits
// for the user to choose the file again (the page held the bytes, not us).

export const fileDriver = uploadDriver<FileJob>({ type: 'interrupt' });
