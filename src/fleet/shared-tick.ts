// The watchers of one run wake on a shared tick: every sleep ends on the next multiple of the poll interval
// counted from the run's start, so the watchers' reads fall together and the batching wrapper can join them.
// A watcher that started between two ticks waits at most one interval longer for its second poll.
import type { Clock } from '../clock.js';

export function sharedTickClock(clock: Clock, periodMs: number, origin = clock.now()): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => {
      const now = clock.now();
      const ticks = Math.ceil((now + ms - origin) / periodMs);
      return clock.sleep(Math.max(0, origin + ticks * periodMs - now), signal);
    },
  };
}
