/** One keyboard shortcut as the help dialog lists it: the keys, then what they do. */
export type Shortcut = readonly [keys: string, what: string];

/** What the keyboard does on every page with controls (not on a wall). */
export const PAGE_KEYS: readonly Shortcut[] = [
  ['N', 'write a note at the moment on screen'],
  ['?', 'this help'],
  ['Esc', 'close this help or the note form'],
];

/** What it does in a review, besides. */
export const REPLAY_KEYS: readonly Shortcut[] = [
  ['Space', 'play / pause'],
  ['← / →', 'back / forward one minute (Shift: ten)'],
  ['[ / ]', 'previous / next event'],
  ['- / +', 'slower / faster'],
  ['Home / End', 'start / end of the recording'],
  ['G', 'jump to a time'],
];

/** The shortcuts that work on the page as it is: live, or a review. */
export function shortcutsFor(replaying: boolean): readonly Shortcut[] {
  return replaying ? [...REPLAY_KEYS, ...PAGE_KEYS] : PAGE_KEYS;
}
