/**
 * Promise rejections nobody handled in this process, counted instead of crashing it: a vendor SDK
 * can leave a timer that fires a request after its server is gone. Soak scripts fail on any.
 */
export const unhandledRejections: string[] = [];

/** Starts counting (and printing, in one line each) unhandled rejections. */
export function recordUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => {
    const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    unhandledRejections.push(text);
    console.warn(`unhandled rejection: ${text.split('\n')[0]}`);
  });
}
