// The size of the copy of the popup's newest jobs that the background keeps
// (lib/background/jobs/recent-copy.ts), without zod: the popup asks for as many.

/** Rows the copy holds: the popup's (components/popup/PopupApp.tsx). */
export const recentCopyLimit = 10;
