import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once per `ms` (the first change at once, the last one always): for work that a stream of
 * changes would otherwise redo on every step, such as rebuilding a report while a sync stores thousands of records.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const timer = setTimeout(
      () => {
        lastAt.current = Date.now();
        setShown(value);
      },
      Math.max(0, lastAt.current + ms - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
