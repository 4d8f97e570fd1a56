import type { Clock } from '../clock.js';

/** How long a cancelled job waits for AWS to answer the one call that starts its rollback or stop, never for the rollback. */
export const CANCEL_ANSWER_CAP_MS = 10_000;

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
 * Waits for `promise` at most `ms`, and not past a cancel when `cancel` is given: 'aborted' when it did not settle
 * in time. The timer ends as soon as the promise settles, so a quick answer holds nothing open.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number, clock: Clock, cancel?: AbortSignal): Promise<Settled<T>> {
  const done = new AbortController();
  const stop = cancel ? AbortSignal.any([done.signal, cancel]) : done.signal;
  try {
    return await Promise.race([
      settle(promise, stop),
      clock.sleep(ms, stop).then((): Settled<T> => ({ state: 'aborted' })),
    ]);
  } finally {
    done.abort();
  }
}
