/**
 * Cooperative yielding for the background's translation handler (issue 13: no message may block
 * the service worker for more than ~100 ms). Awaiting a resolved promise does not let other
 * messages run; a macrotask does. `scheduler.yield()` where the browser has it, else a 0 ms timer.
 */
interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
