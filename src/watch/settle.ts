import type { Clock } from '../clock.js';

/** How a call ended, or that the job was cancelled first. */
export type Settled<T> = { state: 'fulfilled'; value: T } | { state: 'rejected'; error: unknown } | { state: 'aborted' };

/**
 * Waits for `promise` unless `signal` aborts first. The SDK calls take no signal here, and one that hangs must
 * not keep a cancelled job alive; a late rejection is still caught so it never surfaces as unhandled.
 */
export function settle<T>(promise: Promise<T>, signal: AbortSignal): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const onAbort = (): void => resolve({ state: 'aborted' });
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ state: 'fulfilled', value });
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ state: 'rejected', error });
      },
    );
  });
}

/**
 * Waits for `promise` at most `ms`: 'aborted' when it did not settle in time. The timer ends as soon as the
 * promise settles, so a quick answer holds nothing open.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number, clock: Clock): Promise<Settled<T>> {
  const done = new AbortController();
  try {
    return await Promise.race([
      settle(promise, new AbortController().signal),
      clock.sleep(ms, done.signal).then((): Settled<T> => ({ state: 'aborted' })),
    ]);
  } finally {
    done.abort();
  }
}
