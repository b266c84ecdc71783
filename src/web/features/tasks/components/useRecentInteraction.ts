import { useEffect, useState } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Whether the user touched the page (pointer, keys, wheel) within the last `windowMs`. A background poll
 * runs only while she does: every API request keeps the session alive, so polling an unattended screen
 * would defeat the idle timeout that protects these records.
 */
export function useRecentInteraction(windowMs: number): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let last = Date.now();
    const onInteraction = () => {
      last = Date.now();
      setActive(true);
    };
    for (const name of EVENTS) window.addEventListener(name, onInteraction, { passive: true, capture: true });
    const timer = window.setInterval(
      () => {
        if (Date.now() - last > windowMs) setActive(false);
      },
      Math.min(windowMs, 15_000),
    );
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onInteraction, { capture: true });
      window.clearInterval(timer);
    };
  }, [windowMs]);
  return active;
}
