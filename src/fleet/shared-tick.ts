// The watchers of one run wake on a shared tick (multiples of the poll interval counted from the run's start), so
// their reads fall together and the batching wrapper can join them. A sleep ends on the first tick at or after
// the time asked for, less a quarter of the interval: a watcher whose poll began a few milliseconds after a tick
// (timers fire late, more so on a busy runner) and sleeps one interval wakes on the next tick, not the one after.
// A watcher that starts between two ticks waits for the next.
import type { Clock } from '../clock.js';

export function sharedTickClock(clock: Clock, periodMs: number, origin = clock.now()): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => {
      const now = clock.now();
      return clock.sleep(nextTick(now, now + ms, origin, periodMs) - now, signal);
    },
  };
}

/** The tick a sleep from `now` until `wanted` ends on; never one already past. */
export function nextTick(now: number, wanted: number, origin: number, periodMs: number): number {
  const tick = origin + Math.ceil((wanted - periodMs / 4 - origin) / periodMs) * periodMs;
  return tick < now ? tick + periodMs : tick;
}
