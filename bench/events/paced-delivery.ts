/**
 * Delivers `count` items at `perSecond`, each in a macrotask of its own (as a socket delivers
 * frames), catching up when the receiver falls behind, as a socket backlog would. Resolves when the
 * last item has been handled.
 */
export function deliverPaced(
  count: number,
  perSecond: number,
  handle: (index: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let scheduled = 0;
    let handled = 0;
    const deliverOne = (index: number) => {
      try {
        handle(index);
      } catch (error) {
        clearInterval(timer);
        reject(error);
        return;
      }
      if (++handled === count) {
        resolve();
      }
    };
    const pump = () => {
      const due = Math.min(count, Math.floor(((performance.now() - start) * perSecond) / 1000) + 1);
      for (; scheduled < due; scheduled++) {
        setImmediate(deliverOne, scheduled);
      }
      if (scheduled === count) {
        clearInterval(timer);
      }
    };
    const timer = setInterval(pump, 1);
    pump();
  });
}
