import { useEffect } from 'react';
import { platform } from '../platform/platform';
import { lockNow } from './session';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the register on Ctrl+L (⌘L), on the menu's command, and after `idleMinutes` without keyboard or pointer input
 * (0: never). The timer restarts on input, at most once a second.
 */
export function useLock(idleMinutes: number): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = platform.onMenuCommand((cmd) => {
      if (cmd === 'lock') lockNow();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    if (idleMinutes <= 0) return;
    const limit = idleMinutes * 60_000;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, seen, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= limit) lockNow();
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true });
    };
  }, [idleMinutes]);
}
