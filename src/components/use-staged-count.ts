import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items to render now: the first `first` at once, then all of them right
 * after the browser has painted those, in a transition that input can interrupt. A 200-row table
 * took ~150 ms to render on this 2-core machine: its first screenful now shows that much sooner
 * (issue 9). The first time the list is long it is staged; after that it renders whole at once.
 */
export function useStagedCount(total: number, first = 40): number {
  // Set once a long list has been rendered whole; short lists never need staging.
  const [whole, setWhole] = useState(false);
  const staged = !whole && total > first;
  useEffect(() => {
    if (!staged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame, then a task: the first rows are painted before the rest are rendered.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setWhole(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [staged]);
  return staged ? first : total;
}
