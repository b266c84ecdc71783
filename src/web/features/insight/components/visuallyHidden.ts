/**
 * A style for a table caption kept for screen readers only (a heading right above already shows the
 * words): the table gets its name in a screen reader's list of tables without repeating them on screen.
 */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
