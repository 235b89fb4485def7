import { z } from '../zod';
import type { FoundVideo } from '../media/types';
import type { JobEntry } from '../queue/model/group';

// The candidate picker: the background stores what it found on a page under a
// one-time id (storage.session) and opens the picker page with that id only.

const pickerId = z.string().min(1).max(64);

export const pickerRequests = {
  'picker.get': z.object({ id: pickerId }),
  /** `target` is a menu id: `account:<id>` or `mirror:all`. */
  'picker.send': z.object({
    id: pickerId,
    urls: z.array(z.string()).min(1, 'Pick at least one video.').max(50),
    target: z.string().min(1).max(200),
  }),
  'picker.dismiss': z.object({ id: pickerId }),
} as const;

export interface PickerTarget {
  /** A menu id: `account:<id>` or `mirror:all`. */
  id: string;
  label: string;
}

export interface PickerView {
  id: string;
  pageUrl?: string;
  candidates: FoundVideo[];
  targets: PickerTarget[];
  /** The target the user chose in the menu. */
  target: string;
}

export interface PickerResponses {
  'picker.get': PickerView;
  'picker.send': { jobs: JobEntry[]; targetLabel: string };
  'picker.dismiss': { removed: boolean };
}
