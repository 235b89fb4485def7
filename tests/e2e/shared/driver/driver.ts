// The few things a page object does to a page, in words both browsers'
// drivers understand: Playwright (Chromium suite) and puppeteer over WebDriver
// BiDi (Firefox suite). One page object then serves both browsers.

/** Where to look: by role and accessible name, by label, by exact text, or by CSS (optionally holding some text). */
export type Target = { role: string; name?: string } | { label: string } | { text: string } | { css: string; hasText?: string | RegExp };

export interface WaitOptions {
  state?: 'attached' | 'detached';
  timeout?: number;
}

/**
 * What a target found, looked up afresh on every call. Actions and reads use
 * the first match and wait for it to exist; names and labels match exactly.
 */
export interface Found {
  find(...path: Target[]): Found;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  select(option: { label: string } | { value: string }): Promise<void>;
  check(on?: boolean): Promise<void>;
  setFiles(paths: string[]): Promise<void>;
  text(): Promise<string>;
  texts(): Promise<string[]>;
  attr(name: string): Promise<string | null>;
  value(): Promise<string>;
  count(): Promise<number>;
  waitFor(options?: WaitOptions): Promise<void>;
  /** Runs fn on the first match in the page (fn must not close over anything). */
  evaluate<R, A>(fn: (el: Element, arg: A) => R, arg: A): Promise<R>;
}

/** One open extension page. */
export interface Ui {
  find(...path: Target[]): Found;
  /** Runs fn in the page (it must not close over anything). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs click (which starts a download) and returns the file the browser saved. */
  download(click: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** Accepts the next confirm() the page shows. */
  acceptNextDialog(): void;
  /** Dismisses the next confirm() the page shows, as Escape or Cancel would. */
  dismissNextDialog(): void;
  /** A key press on the focused element ("Tab", "Shift+Tab", "Control+a", "Space", "ArrowRight"). */
  press(key: string): Promise<void>;
  /** Typing text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Presses key, which must open a file chooser, and chooses paths in it (none: the chooser is cancelled). */
  chooseByKey(key: string, paths: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens extension pages by path ("options.html"). */
export interface UiSession<U extends Ui = Ui> {
  open(path: string): Promise<U>;
}

export const role = (name: string, accessibleName?: string): Target => (accessibleName === undefined ? { role: name } : { role: name, name: accessibleName });
export const label = (text: string): Target => ({ label: text });
export const css = (selector: string, hasText?: string | RegExp): Target => (hasText === undefined ? { css: selector } : { css: selector, hasText });
