// Whether the window is narrower than a width (a 网格员's phone is 390 px): the header collapses into
// a menu and the inbox shows cards instead of a table.
import { useSyncExternalStore } from 'react';

/** antd's `sm` breakpoint: phones below it. */
export const PHONE = 576;
/** Below this the header's navigation no longer fits on one line. */
export const NARROW = 768;

export function useNarrow(width = NARROW): boolean {
  const query = `(max-width: ${width - 0.02}px)`;
  return useSyncExternalStore(
    (changed) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', changed);
      return () => m.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
